#include "accounts/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "common/text.hpp"

namespace unknot {

bool allowed(Role actor, Action action, Relation relation) {
    switch (action) {
        case Action::read_health:
        case Action::write_health:
            // Health data is the person's own; a trainer sees it while coaching them. Being an
            // admin grants no view of anyone's health.
            return relation == Relation::self || (relation == Relation::their_trainer && (actor == Role::trainer || actor == Role::admin));
        case Action::coach: return actor == Role::trainer || actor == Role::admin;
        case Action::administer: return actor == Role::admin;
    }
    return false;
}

std::int64_t login_wait_ms(const Attempts& f, std::int64_t now_ms, const LoginThrottle& p) {
    if (f.count <= p.free_failures || now_ms - f.last_unix_ms >= p.forget_after_ms) return 0;
    std::int64_t delay = p.first_delay_ms;
    for (int i = p.free_failures + 1; i < f.count && delay < p.max_delay_ms; ++i) delay *= 2;
    return std::max<std::int64_t>(0, f.last_unix_ms + std::min(delay, p.max_delay_ms) - now_ms);
}

std::int64_t signup_wait_ms(const Attempts& s, std::int64_t now_ms, const SignupThrottle& p) {
    if (s.count <= p.per_window) return 0;
    return std::max<std::int64_t>(0, s.last_unix_ms + p.window_ms - now_ms);
}

std::string normalise_email(std::string_view email) { return ascii_lower(trim(email)); }

std::optional<std::string> email_problem(std::string_view email) {
    if (email.empty()) return "enter an email address";
    if (email.size() > 254) return "an email address has at most 254 characters";
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string_view::npos)
        return "this does not look like an email address (name@example.org)";
    if (email.substr(at + 1).find('.') == std::string_view::npos) return "the part after @ needs a dot, as in example.org";
    if (std::any_of(email.begin(), email.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c)); }))
        return "an email address has no spaces";
    return std::nullopt;
}

// password_problem: src/accounts/passwords.cpp

std::optional<std::string> name_problem(std::string_view name) {
    auto b = name.find_first_not_of(" \t");
    if (b == std::string_view::npos) return "enter a name";
    if (name.size() > 100) return "a name has at most 100 characters";
    if (std::any_of(name.begin(), name.end(), [](char c) { return std::iscntrl(static_cast<unsigned char>(c)); }))
        return "a name cannot contain control characters";
    return std::nullopt;
}

}  // namespace unknot
