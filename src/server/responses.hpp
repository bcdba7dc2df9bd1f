#pragma once
// JSON responses and the one error shape: {"error": {"code", "message", "field"}}.
#include <boost/json/value.hpp>

#include "server/http.hpp"

namespace unknot::server {

HttpResponse json_response(int status, const boost::json::value& body);
bool is_json_media_type(std::string_view content_type_header);
HttpResponse error_response(int status, const std::string& code, const std::string& message, const std::string& field = {});

// Parses a JSON request body (415 unless application/json, 400 with line:column when malformed);
// throws HttpError.
boost::json::value json_body(const HttpRequest& req, boost::json::storage_ptr sp = {});

struct HttpError {
    HttpResponse response;
};

// A true/false query parameter (?record=false, ?mine=true): absent gives `fallback`; anything
// but the two words is a 400 naming the parameter, so a typo never silently flips it.
bool flag_param(const HttpRequest& req, const std::string& name, bool fallback);

}  // namespace unknot::server
