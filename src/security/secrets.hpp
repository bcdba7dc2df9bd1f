#pragma once
// Passwords and random secrets, through libsodium. The only place that sees either in the clear.
#include <string>
#include <string_view>

namespace unknot::security {

// argon2id (crypto_pwhash_str, libsodium's "interactive" limits: 2 passes over 64 MiB). The
// result carries its own salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// Verifies against a fixed hash so an unknown email costs as long as a wrong password.
void burn_password_time(std::string_view password);

// 32 random bytes, URL-safe base64 without padding (43 characters): session ids, API tokens,
// invite and reset links, calendar feed addresses.
std::string new_secret();
// What the database keeps instead of a secret: hex BLAKE2b-256 of it. Secrets are random and
// long, so a fast hash is enough (no guessing to slow down).
std::string secret_hash(std::string_view secret);
// Constant-time comparison (CSRF tokens).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace unknot::security
