#pragma once
// Who may do what with whose data. Pure rules, no I/O: the server asks them once per request
// (server/access.cpp), so authorisation lives here and in one caller, not in each handler.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

// self: rolls on their own. client: coached by a trainer (set when an invite is accepted, back
// to self when they leave). trainer: coaches clients. admin: runs the installation; can also
// coach, but sees a person's health data only as their trainer.
enum class Role { self, client, trainer, admin };
std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);

enum class Action {
    read_health,    // screenings, assessments, sessions, progress, assignments
    write_health,   // record any of those
    coach,          // invite clients, see the dashboard, assign routines
    administer,     // list and create accounts, issue password resets
};

// How the acting user stands to the person whose data it is.
enum class Relation { self, their_trainer, none };

bool allowed(Role actor, Action action, Relation relation);

// Temporary lockout: after `max_failures` wrong passwords in a row the account refuses logins
// for `lockout_ms`, then allows them again (a success resets the count).
struct LoginPolicy {
    int max_failures = 5;
    std::int64_t lockout_ms = 15 * 60 * 1000;
};
struct LoginState {
    int failed_logins = 0;
    std::int64_t locked_until_ms = 0;
};
bool locked(const LoginState& s, std::int64_t now_ms);
LoginState after_failure(LoginState s, std::int64_t now_ms, const LoginPolicy& p = {});

// Problems with what a person typed, or nullopt when it is acceptable. Said in words a person
// can act on.
std::optional<std::string> email_problem(std::string_view email);
std::optional<std::string> password_problem(std::string_view password, std::string_view email);
std::optional<std::string> name_problem(std::string_view name);
std::string normalise_email(std::string_view email);

}  // namespace unknot
