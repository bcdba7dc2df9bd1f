// Issue 12 item 11: the access log grew without bound (97 MB after a soak). A file log now
// rotates by size; stderr stays the default for journald.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "server/access_log.hpp"

namespace fs = std::filesystem;
using unknot::server::AccessLog;

namespace {

fs::path fresh_dir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("unknot-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(AccessLog, RotatesAtTheCapKeepingOnePreviousFile) {
    auto dir = fresh_dir("log-rotate");
    auto path = (dir / "access.log").string();
    const std::string line(99, 'x');
    {
        AccessLog log(path, 1000);
        for (int i = 0; i < 35; ++i) log.write(line + "\n");  // 3,500 bytes: three rotations
    }
    EXPECT_LE(fs::file_size(path), 1000u);
    EXPECT_LE(fs::file_size(path + ".1"), 1000u);
    EXPECT_FALSE(fs::exists(path + ".2"));
    EXPECT_EQ(fs::file_size(path), 500u);  // 35 lines = 3 full files of 10 and 5 in the current one
    // Reopened, it appends and counts what is already there.
    {
        AccessLog log(path, 1000);
        for (int i = 0; i < 5; ++i) log.write(line + "\n");
    }
    EXPECT_EQ(fs::file_size(path), 1000u);
    fs::remove_all(dir);
}

TEST(AccessLog, LinesFromManyThreadsStayWhole) {
    auto dir = fresh_dir("log-threads");
    auto path = (dir / "access.log").string();
    {
        AccessLog log(path, 1 << 20);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&log, t] {
                for (int i = 0; i < 500; ++i) log.write(std::string(50, static_cast<char>('a' + t)) + "\n");
            });
        for (auto& th : threads) th.join();
    }
    std::istringstream in(slurp(path));
    int lines = 0;
    for (std::string l; std::getline(in, l); ++lines) ASSERT_EQ(l, std::string(50, l.at(0)));
    EXPECT_EQ(lines, 2000);
    fs::remove_all(dir);
}

TEST(AccessLog, AnUnwritablePathIsNamed) {
    try {
        AccessLog log("/nonexistent-folder/access.log", 1000);
        FAIL() << "opened a log in a folder that does not exist";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/access.log"), std::string::npos) << e.what();
    }
}
