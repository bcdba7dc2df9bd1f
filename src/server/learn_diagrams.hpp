#pragma once
// The learn articles' diagrams over HTTP: the SVG files of data/learn/diagrams/ as loaded (and
// checked) by the catalog, and the ones drawn from other content (drawn_diagram_names()).
#include <map>
#include <string>

#include "catalog/catalog.hpp"
#include "server/http.hpp"

namespace unknot::server {

// name -> SVG text, every diagram an article may name; built once at start-up.
std::map<std::string, std::string> learn_diagrams(const Catalog& c);

// The body map (data/body_map.json, the outline the web app and the handouts draw) front and
// back, every region that is never rolled hatched and named from regions.rec, the rest shaded.
std::string where_not_to_roll_svg(const Catalog& c);

// GET /api/v1/learn/diagrams/{file}: `file` is NAME.svg.
HttpResponse diagram_response(const std::map<std::string, std::string>& diagrams, const std::string& file, const HttpRequest& req);

}  // namespace unknot::server
