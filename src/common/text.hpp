#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// Ids are snake_case so they read the same in data files, JSON, URLs and the CLI.
bool is_id(std::string_view s);

std::string_view trim(std::string_view s);

// ASCII letters lower-cased, every other byte as it is: for names that compare without case
// (emails, header tokens, host names); UTF-8 passes through untouched.
std::string ascii_lower(std::string_view s);

// Splits an id list written with spaces and/or commas.
std::vector<std::string> split_ids(std::string_view s);

std::size_t edit_distance(std::string_view a, std::string_view b);

// The valid ids closest to a typo, best first: those containing it, then by edit distance.
std::vector<std::string> nearest(std::string_view wanted, const std::vector<std::string>& known, std::size_t max = 3);

std::string join(const std::vector<std::string>& parts, std::string_view sep);

// `s` with every byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF) replaced by U+FFFD: text that echoes input is always
// valid in JSON.
std::string valid_utf8(std::string_view s);

}  // namespace unknot
