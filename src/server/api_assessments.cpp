// Movement assessments over HTTP: findings in, muscles to inhibit and activate out; each one is
// kept so a reassessment can say what resolved, persisted or appeared.
#include <boost/json/serialize.hpp>

#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace bj = boost::json;

void Api::assessment_routes() {
    bj::array comps, acts, ints;
    for (const auto& c : catalog_.compensations()) comps.push_back(json::to_json(c));
    for (const auto& a : catalog_.activations()) acts.push_back(json::to_json(a));
    for (const auto& g : catalog_.integrations()) ints.push_back(json::to_json(g));
    add_content_list("/api/v1/compensations", std::move(comps));
    add_content_list("/api/v1/activations", std::move(acts));
    add_content_list("/api/v1/integrations", std::move(ints));

    // The newest assessment against the one before it.
    auto entry = [this](const StoredAssessment& s, const Assessment* before) {
        auto a = json::assessment_from_json(json::parse(s.assessment_json, "stored assessment"), "");
        bj::object o{{"id", s.id}, {"date", iso_day(s.day)}, {"created_unix_ms", s.created_unix_ms}, {"assessment", json::to_json(a)},
                     {"result", json::to_json(assess(a, catalog_), catalog_)}};
        o["changes"] = before ? json::to_json(compare(*before, a)) : bj::value(nullptr);
        return std::pair{std::move(o), std::move(a)};
    };

    router_.add("POST", "/api/v1/assessments", Access::writes_health(), [this, entry](const HttpRequest& req, const Params&, const Ctx& ctx) {
        auto a = json::assessment_from_json(json_body(req), "");
        assess(a, catalog_);  // validates before anything is stored
        auto previous = store_.assessments(ctx.subject);
        std::optional<Assessment> before;
        if (!previous.empty()) before = json::assessment_from_json(json::parse(previous.back().assessment_json, "stored"), "");
        StoredAssessment s{0, now_unix_ms(), 0, bj::serialize(json::to_json(a)), ctx.subject, ctx.me().id};
        s.day = local_day(s.created_unix_ms);
        s.id = store_.save_assessment(s);
        return json_response(201, entry(s, before ? &*before : nullptr).first);
    });

    router_.add("GET", "/api/v1/assessments", Access::reads_health(), [this, entry](const HttpRequest&, const Params&, const Ctx& ctx) {
        bj::array out;
        std::optional<Assessment> before;
        for (const auto& s : store_.assessments(ctx.subject)) {
            auto [o, a] = entry(s, before ? &*before : nullptr);
            out.insert(out.begin(), std::move(o));  // newest first
            before = std::move(a);
        }
        return json_response(200, out);
    });
}

}  // namespace unknot::server
