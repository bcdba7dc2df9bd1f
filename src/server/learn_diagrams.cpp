#include "server/learn_diagrams.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "report/body_shapes.hpp"
#include "server/responses.hpp"

namespace unknot::server {

namespace {

namespace shapes = report::shapes;

// Picture units. Each view shows the outline's x from 32 to 208, scaled down so the names between
// the views can be large enough to read on a phone.
constexpr double k = 0.84, crop_left = 32, view_w = 176 * k, view_h = 500 * k, column_w = 164, margin = 8, top = 44;
constexpr double front_x = margin, column_x = front_x + view_w, back_x = column_x + column_w;
constexpr double width = back_x + view_w + margin, legend_y = top + view_h + 24, height = legend_y + 70;
constexpr double font = 20, line_h = 23, label_gap = 8;
constexpr std::size_t wrap_at = 13;

// Two decimals at most, no trailing zeros: "101.5", "0.84", "44".
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string out = buf;
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '&') out += "&amp;";
        else if (ch == '<') out += "&lt;";
        else if (ch == '>') out += "&gt;";
        else out += ch;
    }
    return out;
}

// Colours as the app's tokens (web/src/styles.css), light and dark.
const char* style() {
    return "<style>"
           "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;fill:#16201e}"
           ".bg{fill:#ffffff;stroke:#d3dcda}.body{fill:#e4ebe9;stroke:#8c9c98;stroke-width:1.3;stroke-linejoin:round}"
           ".ok{fill:#c9d9d5;stroke:#52635f;stroke-width:.9}.no{fill:url(#no);stroke:#9c2b1f;stroke-width:2.2}"
           ".no-bg{fill:#fbe9e5}.no-line{stroke:#9c2b1f;stroke-width:1.8}.lead{stroke:#16201e;stroke-width:1.3;fill:none}"
           ".dot{fill:#16201e}.head{font-weight:700}"
           "@media (prefers-color-scheme: dark){"
           "text{fill:#e7efed}.bg{fill:#182321;stroke:#31423f}.body{fill:#22302e;stroke:#5d6f6b}"
           ".ok{fill:#2f4541;stroke:#9fb3ae}.no{stroke:#ff9f8f}.no-bg{fill:#4d2b27}.no-line{stroke:#ff9f8f}"
           ".lead{stroke:#e7efed}.dot{fill:#e7efed}}"
           "</style>"
           "<defs><pattern id='no' patternUnits='userSpaceOnUse' width='7' height='7' patternTransform='rotate(45)'>"
           "<rect class='no-bg' width='7' height='7'/><path class='no-line' d='M0,0 V7'/></pattern></defs>";
}

std::vector<std::string> wrap(const std::string& words) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < words.size()) {
        auto space = words.find(' ', pos);
        auto word = words.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
        if (!lines.empty() && lines.back().size() + 1 + word.size() <= wrap_at) lines.back() += " " + word;
        else lines.push_back(word);
        if (space == std::string::npos) break;
        pos = space + 1;
    }
    return lines;
}

struct Label {
    std::string name;
    std::optional<std::pair<double, double>> front, back;  // where the line points, picture units
    double y = 0;
    std::vector<std::string> lines;
};

std::string view(const Catalog& c, bool back, double x0, std::vector<Label>& labels) {
    const auto& g = shapes::geometry();
    auto shift = [&](double x) { return x0 + (x - crop_left) * k; };
    std::string s = "<g transform='translate(" + num(x0) + " " + num(top) + ") scale(" + num(k) + ") translate(" + num(-crop_left) + " 0)'>";
    s += "<g class='body'><ellipse cx='" + num(g.head_cx) + "' cy='" + num(g.head_cy) + "' rx='" + num(g.head_rx) + "' ry='" + num(g.head_ry) + "'/>";
    s += "<path d='" + g.neck + "'/>";
    for (const auto& d : g.silhouette_half) s += "<path d='" + d + "'/><path d='" + d + "' transform='" + g.mirror + "'/>";
    s += "</g>";
    for (const auto& shape : g.all) {
        const Region* r = c.region(shape.region);
        if (shape.back != back || !r) continue;
        std::string cls = r->rollable ? "ok" : "no";
        bool twice = r->sided && !shape.centre;
        s += "<path class='" + cls + "' d='" + shape.d + "'/>";
        if (twice) s += "<path class='" + cls + "' d='" + shape.d + "' transform='" + g.mirror + "'/>";
        if (r->rollable) continue;
        // The line goes to the half nearer the names: the front view's right half, the back view's left.
        double x = !back && twice ? 240 - shape.x : shape.x;
        auto it = std::find_if(labels.begin(), labels.end(), [&](const Label& l) { return l.name == r->name; });
        if (it == labels.end()) it = labels.insert(labels.end(), Label{r->name, {}, {}, 0, wrap(r->name)});
        (back ? it->back : it->front) = std::make_pair(shift(x), top + shape.y * k);
    }
    return s + "</g>";
}

// Names down the middle, each near the height of what it names, none overlapping.
std::string names(std::vector<Label> labels) {
    for (auto& l : labels) {
        double sum = 0, n = 0;
        for (const auto& p : {l.front, l.back})
            if (p) {
                sum += p->second;
                ++n;
            }
        l.y = sum / n;
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    auto block = [](const Label& l) { return static_cast<double>(l.lines.size()) * line_h; };
    double next = top;
    for (auto& l : labels) {
        double start = std::max(l.y - block(l) / 2, next);
        l.y = start;
        next = start + block(l) + label_gap;
    }
    double bottom = top + view_h;
    for (auto it = labels.rbegin(); it != labels.rend() && it->y + block(*it) > bottom; ++it) {
        it->y = bottom - block(*it);
        bottom = it->y - label_gap;
    }
    std::string s;
    double mid = column_x + column_w / 2;
    for (const auto& l : labels) {
        std::size_t longest = 0;
        for (const auto& line : l.lines) longest = std::max(longest, line.size());
        double half = static_cast<double>(longest) * font * 0.31 + 12;
        double centre_y = l.y + block(l) / 2;
        for (const auto& [p, edge] : {std::pair{l.front, mid - half}, std::pair{l.back, mid + half}}) {
            if (!p) continue;
            s += "<path class='lead' d='M" + num(edge) + "," + num(centre_y) + " L" + num(p->first) + "," + num(p->second) + "'/>";
            s += "<circle class='dot' cx='" + num(p->first) + "' cy='" + num(p->second) + "' r='3'/>";
        }
        s += "<text x='" + num(mid) + "' y='" + num(l.y + line_h - 5) + "' font-size='" + num(font) + "' text-anchor='middle'>";
        for (std::size_t i = 0; i < l.lines.size(); ++i)
            s += "<tspan x='" + num(mid) + "'" + (i ? " dy='" + num(line_h) + "'" : std::string()) + ">" + escape(l.lines[i]) + "</tspan>";
        s += "</text>";
    }
    return s;
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    return h;
}

}  // namespace

std::string where_not_to_roll_svg(const Catalog& c) {
    std::string s = "<svg xmlns='http://www.w3.org/2000/svg' width='" + num(width) + "' height='" + num(height) + "' viewBox='0 0 " + num(width) +
                    " " + num(height) + "'>" + style();
    s += "<rect class='bg' x='0.5' y='0.5' width='" + num(width - 1) + "' height='" + num(height - 1) + "' rx='12'/>";
    std::vector<Label> labels;
    s += view(c, false, front_x, labels) + view(c, true, back_x, labels);
    s += "<text class='head' x='" + num(front_x + view_w / 2) + "' y='30' font-size='20' text-anchor='middle'>Front</text>";
    s += "<text class='head' x='" + num(back_x + view_w / 2) + "' y='30' font-size='20' text-anchor='middle'>Back</text>";
    s += names(std::move(labels));
    double lx = width / 2 - 130;
    s += "<rect class='ok' x='" + num(lx) + "' y='" + num(legend_y) + "' width='32' height='22' rx='3'/>";
    s += "<text x='" + num(lx + 44) + "' y='" + num(legend_y + 17) + "' font-size='" + num(font) + "'>Muscles you can roll</text>";
    s += "<rect class='no' x='" + num(lx) + "' y='" + num(legend_y + 34) + "' width='32' height='22' rx='3'/>";
    s += "<text x='" + num(lx + 44) + "' y='" + num(legend_y + 51) + "' font-size='" + num(font) + "'>Keep the roller off</text>";
    return s + "</svg>";
}

std::map<std::string, std::string> learn_diagrams(const Catalog& c) {
    std::map<std::string, std::string> out;
    for (const auto& d : c.diagrams()) out[d.name] = d.svg;
    out[std::string(no_roll_diagram)] = where_not_to_roll_svg(c);
    return out;
}

HttpResponse diagram_response(const std::map<std::string, std::string>& diagrams, const std::string& file, const HttpRequest& req) {
    auto name = file.ends_with(".svg") ? file.substr(0, file.size() - 4) : std::string();
    auto it = diagrams.find(name);
    if (it == diagrams.end()) return error_response(404, "not_found", "no diagram `" + file + "`", "file");
    HttpResponse r;
    r.content_type = "image/svg+xml";
    char etag[24];
    std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(fnv1a(it->second)));
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Cache-Control", "no-cache");  // as the other catalog reads: revalidate, a 304 is cheap
    // Opened on its own it is a document: nothing in it may run or load, only its own styles apply.
    r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    if (req.header("if-none-match") == etag) {
        r.status = 304;
        return r;
    }
    r.body = it->second;
    return r;
}

}  // namespace unknot::server
