#pragma once
// The access log: one JSON line per request. To stderr by default (journald, or whoever started
// the server, keeps and rotates it), or to a file that rotates itself by size, so a long-running
// server on a small machine never fills its disk: when a line would pass the cap, the file
// becomes FILE.1 (dropping the previous FILE.1) and a new FILE starts. At most twice the cap.
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace unknot::server {

class AccessLog {
public:
    AccessLog() = default;  // stderr
    // Throws std::runtime_error naming the path when the file cannot be opened for appending.
    AccessLog(std::string path, std::uintmax_t max_bytes);
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    // A whole line (with its newline); lines from many threads never interleave.
    void write(std::string_view line);

private:
    void rotate();

    std::string path_;
    std::uintmax_t max_bytes_ = 0;
    std::uintmax_t size_ = 0;
    std::FILE* file_ = nullptr;  // null: stderr
    std::mutex mu_;
};

}  // namespace unknot::server
