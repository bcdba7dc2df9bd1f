#include "security/tokens.hpp"

#include <chrono>

#include "security/secrets.hpp"

namespace unknot::security {

std::string issue_token(Store& store, TokenKind kind, UserId user, std::int64_t ttl_ms, const std::string& label) {
    auto secret = (kind == TokenKind::api ? "unk_" : "") + new_secret();
    Token t;
    t.hash = secret_hash(secret);
    t.kind = kind;
    t.user = user;
    t.created_unix_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    t.expires_unix_ms = ttl_ms ? t.created_unix_ms + ttl_ms : 0;
    t.label = label;
    store.put_token(t);
    return secret;
}

}  // namespace unknot::security
