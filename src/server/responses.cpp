#include "server/responses.hpp"

#include <boost/json/serialize.hpp>

#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::server {

// "application/json", any case, with at most a UTF-8 charset: not "application/jsonx", and not
// "charset=utf-16", which would otherwise be read as UTF-8.
bool is_json_media_type(std::string_view header) {
    auto semi = header.find(';');
    if (ascii_lower(trim(header.substr(0, semi))) != "application/json") return false;
    while (semi != std::string_view::npos) {
        auto rest = header.substr(semi + 1);
        auto next = rest.find(';');
        auto param = ascii_lower(trim(rest.substr(0, next)));
        if (!param.empty() && param != "charset=utf-8" && param != "charset=\"utf-8\"") return false;
        semi = next == std::string_view::npos ? next : semi + 1 + next;
    }
    return true;
}

HttpResponse json_response(int status, const boost::json::value& body) {
    HttpResponse r;
    r.status = status;
    r.body = boost::json::serialize(body);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

HttpResponse error_response(int status, const std::string& code, const std::string& message, const std::string& field) {
    // Messages and fields may quote what was sent: never let its bytes make the body bad JSON.
    boost::json::object e{{"code", code}, {"message", valid_utf8(message)}};
    e["field"] = field.empty() ? boost::json::value(nullptr) : boost::json::value(valid_utf8(field));
    return json_response(status, boost::json::object{{"error", std::move(e)}});
}

boost::json::value json_body(const HttpRequest& req, boost::json::storage_ptr sp) {
    if (!is_json_media_type(req.header("content-type")))
        throw HttpError{error_response(415, "unsupported_media_type", "send the body as application/json (UTF-8)", "")};
    try {
        return json::parse(req.body, "body", std::move(sp));
    } catch (const InputError& e) {
        throw HttpError{error_response(400, "malformed_json", e.what(), "")};
    }
}

bool flag_param(const HttpRequest& req, const std::string& name, bool fallback) {
    auto v = req.query_param(name);
    if (!v) return fallback;
    if (*v != "true" && *v != "false") throw HttpError{error_response(400, "invalid", name + " must be true or false", name)};
    return *v == "true";
}

}  // namespace unknot::server
