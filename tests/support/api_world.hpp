#pragma once
// A small installation for API tests, in memory: an owner, two trainers each with a client, and
// someone rolling on their own, each with a session, an assessment and a screening. Requests
// are sent in-process (Api::handle_sync) as any of them, with a fresh login per request.
#include <map>
#include <memory>
#include <string>

#include "server/api.hpp"
#include "store/store.hpp"

namespace unknot::test {

struct Person {
    UserId id = 0;
    std::string email, role;
    std::int64_t session = 0;  // one of their sessions
    std::int64_t routine = 0;  // a routine assigned to them (by themselves or their trainer)
};

class ApiWorld {
public:
    // In memory unless `db` names a file (tests that send requests from several threads).
    explicit ApiWorld(server::ApiOptions options = {}, const std::string& db = ":memory:");
    Store& store() { return *store_; }
    server::Api& api() { return *api_; }
    const Person& operator[](const std::string& who) const { return people_.at(who); }

    // As `who` ("" for nobody), signed in with a fresh cookie and its CSRF token.
    server::HttpResponse send(const std::string& who, const std::string& method, const std::string& target, const std::string& body = {});
    // As send(), with these headers set (replacing any the request already had).
    server::HttpResponse send_with(const std::string& who, const std::string& method, const std::string& target, const std::string& body,
                                   const std::vector<std::pair<std::string, std::string>>& headers);
    // A request as `who` with nothing added: for CSRF, Origin and token tests.
    server::HttpRequest request_as(const std::string& who, const std::string& method, const std::string& target, const std::string& body = {});

    static std::string hash_for_tests();  // one argon2id hash of `password_for_tests`
    static constexpr const char* password_for_tests = "correct horse battery staple";

private:
    std::unique_ptr<Store> store_;
    std::unique_ptr<server::Api> api_;
    std::map<std::string, Person> people_;
};

}  // namespace unknot::test
