#pragma once
// Who may do what with whose data. Pure rules, no I/O: the server asks them once per request
// (server/access.cpp), so authorisation lives here and in one caller, not in each handler.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/enum_names.hpp"

namespace unknot {

// self: rolls on their own. client: coached by a trainer (set when an invite is accepted, back
// to self when they leave). trainer: coaches clients. admin: runs the installation; can also
// coach, but sees a person's health data only as their trainer.
enum class Role { self, client, trainer, admin };
inline constexpr auto kRoles = enum_names<Role>(std::pair{Role::self, "self"}, std::pair{Role::client, "client"},
                                                std::pair{Role::trainer, "trainer"}, std::pair{Role::admin, "admin"});
constexpr std::string_view to_string(Role r) { return kRoles.name(r); }
constexpr std::optional<Role> parse_role(std::string_view s) { return kRoles.parse(s); }

// What a stored secret is for (store Token.kind): a login session's cookie, a personal API
// token, a trainer's invite, a password reset link, a calendar feed's address.
enum class TokenKind { session, api, invite, reset, calendar };
inline constexpr auto kTokenKinds =
    enum_names<TokenKind>(std::pair{TokenKind::session, "session"}, std::pair{TokenKind::api, "api"}, std::pair{TokenKind::invite, "invite"},
                          std::pair{TokenKind::reset, "reset"}, std::pair{TokenKind::calendar, "calendar"});
constexpr std::string_view to_string(TokenKind k) { return kTokenKinds.name(k); }
constexpr std::optional<TokenKind> parse_token_kind(std::string_view s) { return kTokenKinds.parse(s); }

enum class Action {
    read_health,    // screenings, assessments, sessions, progress, assignments
    write_health,   // record any of those
    coach,          // invite clients, see the dashboard, assign routines
    administer,     // list and create accounts, issue password resets
};

// How the acting user stands to the person whose data it is.
enum class Relation { self, their_trainer, none };

bool allowed(Role actor, Action action, Relation relation);

// Wrong passwords slow down one address for one email, with delays that grow; nothing ever
// blocks the account itself, so a stranger cannot lock its owner out (the owner signs in from
// their own address). An email with no account is counted exactly like one with an account, so
// no answer tells which emails exist. The counts live in the store: every process sees them.
struct LoginThrottle {
    int free_failures = 5;                        // typos cost nothing
    std::int64_t first_delay_ms = 30'000;         // then 30 s, 1 min, 2 min ... doubling
    std::int64_t max_delay_ms = 15 * 60 * 1000;   // never longer than this
    std::int64_t forget_after_ms = 24LL * 3600 * 1000;  // a quiet day starts the count over
};
// Sign-ups from one address: a few an hour (a family on one router), not thirty a second.
struct SignupThrottle {
    int per_window = 5;
    std::int64_t window_ms = 60 * 60 * 1000;
};
struct Attempts {
    int count = 0;                  // attempts since the count last started over
    std::int64_t last_unix_ms = 0;  // the latest of them
};
// How long from now until another login may be tried after these failures (0: now).
std::int64_t login_wait_ms(const Attempts& failures, std::int64_t now_ms, const LoginThrottle& p = {});
// How long to wait before this sign-up, given the address's count with this one in it (0: go on).
std::int64_t signup_wait_ms(const Attempts& with_this_one, std::int64_t now_ms, const SignupThrottle& p = {});

// Problems with what a person typed, or nullopt when it is acceptable. Said in words a person
// can act on.
std::optional<std::string> email_problem(std::string_view email);
std::optional<std::string> password_problem(std::string_view password, std::string_view email);
std::optional<std::string> name_problem(std::string_view name);
std::string normalise_email(std::string_view email);

}  // namespace unknot
