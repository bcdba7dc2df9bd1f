#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "codec/codec.hpp"
#include "common/error.hpp"

namespace unknot::json {

namespace fs = std::filesystem;

std::vector<ContentFile> read_content_dir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(dir, "content directory not found (set --data or UNKNOT_DATA to the folder holding muscles.rec)");
    std::vector<fs::path> paths;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        auto ext = it->path().extension();
        if (ext != ".rec" && ext != ".md" && ext != ".svg") continue;  // .svg: learn/diagrams/
        // A content name that is not a readable file (a dangling link, a folder) is a mistake.
        std::error_code fe;
        if (!fs::is_regular_file(it->path(), fe)) throw InputError(it->path().string(), "is not a readable content file");
        paths.push_back(it->path());
    }
    if (ec) throw InputError(dir, "cannot list the content directory: " + ec.message());
    // A stable order keeps error messages and catalog order the same on every machine.
    std::sort(paths.begin(), paths.end());
    std::vector<ContentFile> files;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream text;
        if (in) text << in.rdbuf();
        if (!in || in.bad()) throw InputError(p.string(), "cannot read this content file");
        files.push_back({p.string(), text.str()});
    }
    return files;
}

}  // namespace unknot::json
