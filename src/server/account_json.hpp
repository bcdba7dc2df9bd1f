#pragma once
// JSON shapes for accounts, tokens and the audit log (the personal export is src/exchange).
// Secrets and password hashes never appear in any of them.
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

}  // namespace unknot::server
