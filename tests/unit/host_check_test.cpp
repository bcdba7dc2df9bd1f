// DNS rebinding and cross-site writes (issue 12, items 1 and 8): a request must name this
// machine or the --public-url name; Origin: null and Sec-Fetch-Site: cross-site are other sites.
#include <gtest/gtest.h>

#include "server/host_check.hpp"
#include "support/api_world.hpp"

namespace unknot {
namespace {

using server::host_allowed;
using test::ApiWorld;

TEST(HostCheck, ThisMachineAndThePublicNameOnly) {
    const std::vector<std::string> names{"gym.example.org"};
    for (const char* ok : {"localhost", "localhost:8080", "LOCALHOST:1", "localhost.:80", "app.localhost:3000", "127.0.0.1", "127.0.0.1:8080",
                           "[::1]:8080", "192.168.1.20:8080", "gym.example.org", "Gym.Example.Org:443", ""})
        EXPECT_TRUE(host_allowed(ok, names)) << ok;
    for (const char* bad : {"attacker.example", "attacker.example:8080", "localhost.attacker.example", "gym.example.org.evil.test",
                            "user@localhost", "local host", "localhost:port", "[::1"})
        EXPECT_FALSE(host_allowed(bad, names)) << bad;
    EXPECT_FALSE(host_allowed("gym.example.org", {}));
}

TEST(HostCheck, PublicUrlMustBeAnHttpAddress) {
    EXPECT_EQ(server::public_host("https://Gym.Example.org:8443/app"), "gym.example.org");
    EXPECT_EQ(server::public_host("http://10.0.0.5:8080"), "10.0.0.5");
    EXPECT_THROW(server::public_host("gym.example.org"), std::invalid_argument);
    EXPECT_THROW(server::public_host("ftp://gym.example.org"), std::invalid_argument);
}

// The rebinding page: its own name pointed at 127.0.0.1, Host and Origin both that name.
TEST(HostCheck, ARebindingPageIsRefusedBeforeAnythingElse) {
    ApiWorld w;
    auto setup = w.send_with("", "POST", "/api/v1/setup", R"({"name":"Mallory","email":"m@attacker.example","password":"a long enough passphrase"})",
                              {{"host", "attacker.example:8080"}, {"origin", "http://attacker.example:8080"}});
    EXPECT_EQ(setup.status, 421);
    EXPECT_NE(setup.body.find("wrong_host"), std::string::npos) << setup.body;
    EXPECT_EQ(w.send_with("solo", "POST", "/api/v1/plans", R"({"targets":["calf"]})", {{"host", "attacker.example"}, {"origin", "http://attacker.example"}}).status, 421);
    EXPECT_EQ(w.send_with("", "GET", "/healthz", "", {{"host", "attacker.example"}}).status, 421);
    EXPECT_EQ(w.send_with("", "GET", "/healthz", "", {{"host", "127.0.0.1:9"}}).status, 200);
    EXPECT_EQ(w.send_with("", "GET", "/healthz", "", {{"host", "unknot.test"}}).status, 200);  // the world's --public-url
}

TEST(HostCheck, NullOriginAndCrossSiteFetchesCannotWrite) {
    ApiWorld w;
    const std::string plan = R"({"targets":["calf"]})";
    auto null_origin = w.send_with("solo", "POST", "/api/v1/plans", plan, {{"origin", "null"}});
    EXPECT_EQ(null_origin.status, 403);
    EXPECT_NE(null_origin.body.find("cross_origin"), std::string::npos);
    EXPECT_EQ(w.send_with("solo", "POST", "/api/v1/plans", plan, {{"sec-fetch-site", "cross-site"}}).status, 403);
    EXPECT_EQ(w.send_with("solo", "POST", "/api/v1/plans", plan, {{"sec-fetch-site", "same-origin"}, {"origin", "http://unknot.test"}}).status, 200);
    EXPECT_EQ(w.send_with("solo", "GET", "/api/v1/progress", "", {{"sec-fetch-site", "cross-site"}}).status, 200);  // reads: cookies are SameSite=Strict
}

}  // namespace
}  // namespace unknot
