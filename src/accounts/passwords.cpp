// The password rule (NIST SP 800-63B, OWASP ASVS 2.1): length in characters, not bytes; no
// single repeated character; not a commonly used password (data/weak_passwords.txt, compiled
// in), not with a few digits or symbols stuck on, not a keyboard row or a digit run; not the
// account's email. Long passphrases of ordinary words are welcome.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "common/text.hpp"

namespace unknot {

extern const char* const weak_passwords_text;  // generated from data/weak_passwords.txt

namespace {

// Code points of UTF-8 text: every byte that does not continue a character starts one.
std::vector<std::string> characters(std::string_view s) {
    std::vector<std::string> out;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80 && !out.empty()) out.back() += c;
        else out.emplace_back(1, c);
    }
    return out;
}

const std::set<std::string>& weak_list() {
    static const std::set<std::string> list = [] {
        std::set<std::string> out;
        std::string_view text(weak_passwords_text);
        while (!text.empty()) {
            auto nl = text.find('\n');
            auto line = text.substr(0, nl);
            if (!line.empty() && line.front() != '#') out.emplace(line);
            if (nl == std::string_view::npos) break;
            text.remove_prefix(nl + 1);
        }
        return out;
    }();
    return list;
}

bool is_letter_or_space(unsigned char c) { return std::isalpha(c) || c == ' ' || c >= 0x80; }

// "qwertyuiopas", "123456789012", "zyxwvuts": a run along a keyboard row or a sequence.
bool is_run(const std::string& p) {
    static const std::string runs[] = {"qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
                                       "abcdefghijklmnopqrstuvwxyz", "1234567890123456789012345678901234567890"};
    for (const auto& r : runs) {
        if (r.find(p) != std::string::npos) return true;
        std::string back(r.rbegin(), r.rend());
        if (back.find(p) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view email) {
    auto chars = characters(password);
    if (chars.size() < 12) return "use at least 12 characters; a few words make a good one";
    if (chars.size() > 256) return "use at most 256 characters";
    if (std::all_of(chars.begin(), chars.end(), [&](const std::string& c) { return c == chars.front(); }))
        return "a password of one repeated character is too easy to guess";
    if (!email.empty() && normalise_email(password) == normalise_email(email)) return "the password must not be your email address";
    auto lower = ascii_lower(password);
    if (is_run(lower)) return "a keyboard row or a run of digits is among the first things guessed; a few words make a better password";
    // The word under the digits and symbols people add to meet old composition rules.
    auto b = std::find_if(lower.begin(), lower.end(), [](unsigned char c) { return is_letter_or_space(c); });
    auto e = std::find_if(lower.rbegin(), lower.rend(), [](unsigned char c) { return is_letter_or_space(c); }).base();
    std::string core = b < e ? std::string(b, e) : std::string();
    const auto& weak = weak_list();
    if (weak.contains(lower) || weak.contains(core) || (!email.empty() && core == ascii_lower(email.substr(0, email.find('@')))))
        return "this is one of the passwords tried first when guessing; pick something personal, such as a few unrelated words";
    return std::nullopt;
}

}  // namespace unknot
