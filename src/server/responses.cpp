#include "server/responses.hpp"

#include <boost/json/serialize.hpp>

#include "codec/json_util.hpp"
#include "common/error.hpp"

namespace unknot::server {

HttpResponse json_response(int status, const boost::json::value& body) {
    HttpResponse r;
    r.status = status;
    r.body = boost::json::serialize(body);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

HttpResponse error_response(int status, const std::string& code, const std::string& message, const std::string& field) {
    boost::json::object e{{"code", code}, {"message", message}};
    e["field"] = field.empty() ? boost::json::value(nullptr) : boost::json::value(field);
    return json_response(status, boost::json::object{{"error", std::move(e)}});
}

boost::json::value json_body(const HttpRequest& req, boost::json::storage_ptr sp) {
    auto type = req.header("content-type");
    if (type.rfind("application/json", 0) != 0)
        throw HttpError{error_response(415, "unsupported_media_type", "send the body as application/json", "")};
    try {
        return json::parse(req.body, "body", std::move(sp));
    } catch (const InputError& e) {
        throw HttpError{error_response(400, "malformed_json", e.what(), "")};
    }
}

}  // namespace unknot::server
