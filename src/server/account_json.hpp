#pragma once
// JSON shapes for accounts, tokens, the audit log and the personal export. Secrets and password
// hashes never appear in any of them.
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace unknot::server {

boost::json::value user_json(const User& u, Store& store);  // with the current trainer, if any
boost::json::value token_json(const Token& t);
std::string token_id(const Token& t);  // a public handle: the first 16 hex digits of the hash
boost::json::value audit_json(const AuditEntry& e, Store& store);
std::optional<UserId> parse_user_id(const std::string& s);

// Everything the store holds about one person, versioned ("format": "unknot-export").
inline constexpr int export_version = 1;
boost::json::value export_user(Store& store, UserId user);

}  // namespace unknot::server
