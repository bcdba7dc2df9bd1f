#include "server/access_log.hpp"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace unknot::server {

namespace fs = std::filesystem;

namespace {

std::FILE* open_append(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) throw std::invalid_argument(path + ": cannot open the access log for writing (" + std::error_code(errno, std::generic_category()).message() + ")");
    return f;
}

}  // namespace

AccessLog::AccessLog(std::string path, std::uintmax_t max_bytes) : path_(std::move(path)), max_bytes_(max_bytes) {
    file_ = open_append(path_);
    std::error_code ec;
    auto size = fs::file_size(path_, ec);
    size_ = ec ? 0 : size;
}

AccessLog::~AccessLog() {
    if (file_) std::fclose(file_);
}

void AccessLog::write(std::string_view line) {
    std::lock_guard lock(mu_);
    if (!file_) {
        std::fwrite(line.data(), 1, line.size(), stderr);
        return;
    }
    if (size_ > 0 && size_ + line.size() > max_bytes_) rotate();
    size_ += std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);  // a crash keeps every request logged up to it
}

// A failed rename (say, a read-only folder) goes on appending to the same file and tries again
// a cap later: losing lines would be worse than passing the cap.
void AccessLog::rotate() {
    std::fclose(file_);
    std::error_code ec;
    fs::rename(path_, path_ + ".1", ec);
    file_ = std::fopen(path_.c_str(), ec ? "ab" : "wb");
    if (!file_) file_ = open_append(path_);
    size_ = 0;
}

}  // namespace unknot::server
