// Every move's picture as shapes (GET /api/v1/pictures/{move}?tool=&side=): computed once at
// start-up from data/poses/, the same figure the PDF handouts print. Anyone may read them.
#include <boost/json/serialize.hpp>
#include <map>
#include <memory>

#include "codec/codec.hpp"
#include "common/text.hpp"
#include "poses/check.hpp"
#include "server/api.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace {

struct Pictures {
    std::map<std::string, std::string> json;       // "move|tool|side" -> body
    std::map<std::string, std::vector<std::string>> tools;  // move -> tools it is drawn with ("" for none)
    std::vector<std::string> moves;
};

std::shared_ptr<const Pictures> all_pictures(const Catalog& c) {
    auto out = std::make_shared<Pictures>();
    for (const auto& pose : c.poses()) {
        auto& tools = out->tools[pose.move];
        if (tools.empty()) out->moves.push_back(pose.move);
        for (const auto& tool : pose.tools.empty() ? std::vector<std::string>{""} : pose.tools) {
            tools.push_back(tool);
            for (Side side : {Side::left, Side::right})
                out->json[pose.move + "|" + tool + "|" + std::string(to_string(side))] =
                    boost::json::serialize(json::to_json(poses::draw(c.body(), pose, tool, side)));
        }
    }
    return out;
}

}  // namespace

void Api::picture_routes() {
    auto pictures = all_pictures(catalog_);
    router_.add("GET", "/api/v1/pictures/{move}", Access::anyone(), [pictures](const HttpRequest& req, const Params& p, const Ctx&) {
        const auto& move = p.at("move");
        auto tools = pictures->tools.find(move);
        if (tools == pictures->tools.end()) {
            auto near = nearest(move, pictures->moves);
            return error_response(404, "not_found", "no picture of `" + move + "`" + (near.empty() ? "" : " (did you mean " + join(near, ", ") + "?)"), "move");
        }
        auto side = req.query_param("side").value_or("left");
        if (side != "left" && side != "right") return error_response(400, "invalid", "side is left or right, not `" + side + "`", "side");
        auto tool = req.query_param("tool").value_or(tools->second.front());
        auto it = pictures->json.find(move + "|" + tool + "|" + side);
        if (it == pictures->json.end()) {
            bool has_tools = !tools->second.front().empty();
            return error_response(400, "invalid",
                                  has_tools ? "`" + move + "` is drawn with " + join(tools->second, ", ") + ", not `" + tool + "`"
                                            : "`" + move + "` uses no rolling tool, so ?tool does not apply",
                                  "tool");
        }
        HttpResponse r;
        r.body = it->second;
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    });
}

}  // namespace unknot::server
