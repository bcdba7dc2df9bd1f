#include "server/account_json.hpp"

#include <algorithm>


namespace unknot::server {

namespace bj = boost::json;

namespace {
bj::value name_of(Store& store, UserId id) {
    if (auto u = store.user(id)) return bj::object{{"id", u->id}, {"name", u->name}};
    return nullptr;
}
bj::value ms_or_null(std::int64_t ms) { return ms ? bj::value(ms) : bj::value(nullptr); }
}  // namespace

std::optional<UserId> parse_user_id(const std::string& s) {
    if (s.empty() || s.size() > 17 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    auto v = std::stoll(s);
    return v > 0 ? std::optional<UserId>(v) : std::nullopt;
}

bj::value user_json(const User& u, Store& store) {
    bj::object o{{"id", u.id}, {"email", u.email}, {"name", u.name}, {"role", to_string(u.role)}, {"created_unix_ms", u.created_unix_ms}};
    auto link = store.trainer_of(u.id);
    o["trainer"] = link ? name_of(store, link->trainer) : bj::value(nullptr);
    return o;
}

std::string token_id(const Token& t) { return t.hash.substr(0, 16); }

bj::value token_json(const Token& t) {
    return bj::object{{"id", token_id(t)}, {"name", t.label}, {"created_unix_ms", t.created_unix_ms}, {"expires_unix_ms", ms_or_null(t.expires_unix_ms)}};
}

bj::value audit_json(const AuditEntry& e, Store& store) {
    return bj::object{{"at_unix_ms", e.at_unix_ms},
                      {"actor", e.actor == e.subject ? bj::value("you") : name_of(store, e.actor)},
                      {"action", e.action},
                      {"target", e.target}};
}

}  // namespace unknot::server
