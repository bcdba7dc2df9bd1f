#include "security/secrets.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace unknot::security {

namespace {
void ensure_init() {
    static const bool ok = sodium_init() >= 0;
    if (!ok) throw std::runtime_error("libsodium could not initialise");
}
}  // namespace

std::string hash_password(std::string_view password) {
    ensure_init();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out.data();
}

bool verify_password(const std::string& hash, std::string_view password) {
    ensure_init();
    if (hash.empty()) return false;  // an account whose password was never set cannot log in
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void burn_password_time(std::string_view password) {
    static const std::string dummy = hash_password("unknot-timing-equaliser");
    (void)verify_password(dummy, password);
}

std::string new_secret() {
    ensure_init();
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::array<char, 64> out{};
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out.data();
}

std::string secret_hash(std::string_view secret) {
    ensure_init();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

bool same_secret(std::string_view a, std::string_view b) {
    ensure_init();
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace unknot::security
