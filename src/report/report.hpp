#pragma once
// What the printed outputs share: the paper they are laid out for.
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string_view>

namespace unknot::report {

enum class PageSize { a4, letter };
std::string_view to_string(PageSize s);
std::optional<PageSize> parse_page_size(std::string_view s);  // "a4", "letter"

struct Rendered {
    int pages = 0;
};

// Writes next to `path` first and renames, so a failure never leaves half a file behind.
// Throws InputError(path) when the file cannot be written.
Rendered write_atomically(const std::filesystem::path& path, const std::function<Rendered(std::ostream&)>& write);

}  // namespace unknot::report
