#pragma once
// Handing out a secret (API token, invite, reset link, calendar feed): generated here, stored
// as its hash, returned once to whoever asked.
#include <cstdint>
#include <string>

#include "store/store.hpp"

namespace unknot::security {

// ttl_ms 0: never expires. API tokens start with "unk_" so a leaked one is easy to recognise
// in a scanner.
std::string issue_token(Store& store, TokenKind kind, UserId user, std::int64_t ttl_ms, const std::string& label = {});

}  // namespace unknot::security
