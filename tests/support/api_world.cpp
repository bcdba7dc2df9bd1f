#include "support/api_world.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "planning/plan.hpp"
#include "security/secrets.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot::test {

std::string ApiWorld::hash_for_tests() {
    static const std::string h = security::hash_password(password_for_tests);
    return h;
}

ApiWorld::ApiWorld(server::ApiOptions options, const std::string& db) : store_(open_sqlite_store(db)) {
    auto& s = *store_;
    auto now = now_unix_ms();
    Profile profile;
    profile.targets = {"calf"};
    profile.minutes = 10;
    profile.tools = {"foam_roller"};
    auto plan_text = json::to_json_text(make_plan(profile, catalog()));
    auto add = [&](const std::string& who, const std::string& role) {
        User u{0, who + "@example.org", who, parse_role(role).value(), hash_for_tests(), now};
        Person p{s.create_user(u), u.email, role, 0};
        p.session = s.begin_session({p.id, now, local_day(now), plan_text, who + "-s1"});
        s.save_hold(p.session, HoldRecord{0, "calves_roll", Side::left, {"gastrocnemius"}, 1, 1000, 31000, 30, 6, 3, HoldOutcome::eased});
        s.save_assessment({0, now, local_day(now), R"({"findings":[{"id":"knees_move_inward"}],"edition":"c4"})", p.id, p.id});
        s.save_screening({0, p.id, p.id, now, local_day(now), R"({"answers":{}})", "clear"});
        p.routine = s.assign({0, p.id, p.id, now, R"({"targets":["calf"],"minutes":10,"tools":["foam_roller"]})", ""});
        people_[who] = p;
    };
    add("owner", "admin");
    add("trainer_a", "trainer");
    add("client_a", "client");
    add("trainer_b", "trainer");
    add("client_b", "client");
    add("solo", "self");
    s.link(people_["trainer_a"].id, people_["client_a"].id, now);
    s.link(people_["trainer_b"].id, people_["client_b"].id, now);
    if (options.public_url.empty()) options.public_url = "http://unknot.test";  // the Host its requests name
    api_ = std::make_unique<server::Api>(catalog(), s, options);
}

server::HttpRequest ApiWorld::request_as(const std::string& who, const std::string& method, const std::string& target, const std::string& body) {
    server::HttpRequest r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.remote = "127.0.0.1";
    r.headers.emplace_back("host", "unknot.test");
    if (!body.empty()) r.headers.emplace_back("content-type", "application/json");
    if (!who.empty()) {
        auto login = api_->gate().start_session(people_.at(who).id, false);
        auto cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
        r.headers.emplace_back("cookie", cookie);
        r.headers.emplace_back("x-csrf-token", login.csrf);
    }
    return r;
}

server::HttpResponse ApiWorld::send(const std::string& who, const std::string& method, const std::string& target, const std::string& body) {
    return api_->handle_sync(request_as(who, method, target, body));
}

server::HttpResponse ApiWorld::send_with(const std::string& who, const std::string& method, const std::string& target, const std::string& body,
                                         const std::vector<std::pair<std::string, std::string>>& headers) {
    auto r = request_as(who, method, target, body);
    for (const auto& [k, v] : headers) {
        auto it = std::find_if(r.headers.begin(), r.headers.end(), [&](const auto& h) { return h.first == k; });
        if (it != r.headers.end()) it->second = v;
        else r.headers.emplace_back(k, v);
    }
    return api_->handle_sync(r);
}

}  // namespace unknot::test
