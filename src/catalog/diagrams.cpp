// Diagram files and the article lines that place them. The check is a small scanner, not an XML
// parser: enough to be sure a file is a picture a browser will draw, and that nothing in it can
// run a script or fetch anything, whoever edits it.
#include "catalog/diagrams.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::catalog {

namespace {

constexpr std::size_t max_diagram_bytes = 100 * 1024;

bool is_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Drawing elements only: no <script>, <foreignObject>, <image>, <a>, <iframe>, <animate>, <set>.
const std::set<std::string, std::less<>>& allowed_elements() {
    static const std::set<std::string, std::less<>> e{"svg",    "g",      "defs",     "style",    "title",   "desc",          "path",
                                                      "rect",   "circle", "ellipse",  "line",     "polyline", "polygon",      "text",
                                                      "tspan",  "marker", "pattern",  "symbol",   "use",     "linearGradient", "radialGradient",
                                                      "stop",   "clipPath", "mask"};
    return e;
}

// A url() that points outside the file (url(#id) is a reference inside it), or a CSS escape,
// which could spell one in disguise.
bool has_outside_url(std::string_view s) {
    if (s.find('\\') != std::string_view::npos) return true;
    auto lower = ascii_lower(s);
    for (auto at = lower.find("url("); at != std::string::npos; at = lower.find("url(", at + 4)) {
        auto rest = std::string_view(lower).substr(at + 4);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"' || rest.front() == '\'')) rest.remove_prefix(1);
        if (!rest.starts_with("#")) return true;
    }
    return lower.find("@import") != std::string::npos || lower.find("javascript:") != std::string::npos;
}

class Scanner {
public:
    explicit Scanner(const ContentFile& f) : f_(f), s_(f.text) {}

    Diagram scan() {
        auto slash = f_.path.find_last_of('/');
        std::string file = f_.path.substr(slash == std::string::npos ? 0 : slash + 1);
        std::string name = file.substr(0, file.size() - 4);
        std::string folder = slash == std::string::npos ? "" : f_.path.substr(0, slash);
        if (folder != "diagrams" && !folder.ends_with("/diagrams")) fail(0, "an SVG file is a diagram and belongs in learn/diagrams/");
        if (!is_name(name)) fail(0, "a diagram's file name is lower-case letters, digits and hyphens, not `" + file + "`");
        if (s_.size() > max_diagram_bytes) fail(0, "a diagram is at most 100 kB");
        auto start = s_.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos || s_.substr(start, 4) != "<svg") fail(start, "a diagram starts with <svg (no XML declaration or doctype)");
        tag(start);  // the root
        while (!open_.empty()) {
            auto lt = s_.find('<', pos_);
            if (lt == std::string_view::npos)
                fail(s_.size(), "<" + open_.back().first + "> (line " + std::to_string(open_.back().second) + ") is never closed");
            tag(lt);
        }
        if (auto extra = s_.find_first_not_of(" \t\r\n", pos_); extra != std::string_view::npos)
            fail(extra, "a diagram is one <svg> element; something follows its </svg>");
        return {name, f_.text};
    }

private:
    int line_at(std::size_t at) const {
        at = std::min(at, s_.size());
        return 1 + static_cast<int>(std::count(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }
    [[noreturn]] void fail(std::size_t at, const std::string& what) const { throw InputError(f_.path + ":" + std::to_string(line_at(at)), what); }

    void tag(std::size_t lt) {
        auto rest = s_.substr(lt);
        if (rest.starts_with("<!--")) {
            auto end = s_.find("-->", lt + 4);
            if (end == std::string_view::npos) fail(lt, "a comment that is never closed");
            pos_ = end + 3;
            return;
        }
        if (rest.starts_with("<!") || rest.starts_with("<?")) fail(lt, "no declarations, doctypes or CDATA in a diagram");
        bool closing = rest.starts_with("</");
        std::size_t i = lt + (closing ? 2 : 1);
        auto name_end = i;
        while (name_end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[name_end])) || s_[name_end] == ':' || s_[name_end] == '-' || s_[name_end] == '_'))
            ++name_end;
        std::string name(s_.substr(i, name_end - i));
        if (name.empty()) fail(lt, "a `<` that does not start a tag (write &lt; in text)");
        if (ascii_lower(name) == "script") fail(lt, "a diagram may not hold a <script>");
        if (!allowed_elements().contains(name)) fail(lt, "<" + name + "> is not a drawing element allowed in a diagram");
        if (closing) {
            auto gt = s_.find('>', name_end);
            if (gt == std::string_view::npos) fail(lt, "</" + name + " is never finished with >");
            if (open_.empty() || open_.back().first != name)
                fail(lt, "</" + name + "> does not close " + (open_.empty() ? std::string("anything") : "<" + open_.back().first + "> (line " + std::to_string(open_.back().second) + ")"));
            open_.pop_back();
            pos_ = gt + 1;
            return;
        }
        bool root = open_.empty();
        bool has_viewbox = false, has_ns = false, self_closing = false;
        i = name_end;
        for (;;) {
            while (i < s_.size() && std::isspace(static_cast<unsigned char>(s_[i]))) ++i;
            if (i >= s_.size()) fail(lt, "<" + name + " is never finished with >");
            if (s_[i] == '>') break;
            if (s_.substr(i, 2) == "/>") {
                self_closing = true;
                ++i;
                break;
            }
            auto a = i;
            while (i < s_.size() && s_[i] != '=' && s_[i] != '>' && s_[i] != '/' && !std::isspace(static_cast<unsigned char>(s_[i]))) ++i;
            std::string attr = ascii_lower(s_.substr(a, i - a));
            while (i < s_.size() && std::isspace(static_cast<unsigned char>(s_[i]))) ++i;
            if (attr.empty() || i >= s_.size() || s_[i] != '=') fail(a, "attribute `" + std::string(s_.substr(a, std::max<std::size_t>(i - a, 1))) + "` in <" + name + "> needs =\"value\"");
            ++i;
            while (i < s_.size() && std::isspace(static_cast<unsigned char>(s_[i]))) ++i;
            if (i >= s_.size() || (s_[i] != '"' && s_[i] != '\'')) fail(a, "the value of `" + attr + "` must be in quotes");
            auto close = s_.find(s_[i], i + 1);
            if (close == std::string_view::npos) fail(a, "the value of `" + attr + "` is never closed");
            auto value = s_.substr(i + 1, close - i - 1);
            i = close + 1;
            if (attr.starts_with("on")) fail(a, "no event handlers (`" + attr + "`) in a diagram");
            if ((attr == "href" || attr.ends_with(":href")) && !value.starts_with("#"))
                fail(a, "`" + attr + "` may only point inside the diagram (#id)");
            if (has_outside_url(value)) fail(a, "`" + attr + "` points outside the diagram; only url(#id) is allowed");
            if (root && attr == "viewbox") has_viewbox = true;
            if (root && attr == "xmlns") has_ns = value == "http://www.w3.org/2000/svg";
        }
        if (root && !has_viewbox) fail(lt, "the <svg> needs a viewBox so the picture scales to the screen");
        if (root && !has_ns) fail(lt, "the <svg> needs xmlns=\"http://www.w3.org/2000/svg\" to show as an image");
        pos_ = i + 1;
        if (self_closing) return;
        open_.emplace_back(name, line_at(lt));
        if (name == "style") {
            auto end = s_.find("</style", pos_);
            if (end == std::string_view::npos) fail(lt, "<style> is never closed");
            if (has_outside_url(s_.substr(pos_, end - pos_))) fail(lt, "the stylesheet points outside the diagram; only url(#id) is allowed");
            pos_ = end;
        }
    }

    const ContentFile& f_;
    std::string_view s_;
    std::size_t pos_ = 0;
    std::vector<std::pair<std::string, int>> open_;
};

}  // namespace

Diagram read_diagram(const ContentFile& f) { return Scanner(f).scan(); }

std::vector<DiagramRef> diagram_refs(std::string_view body, const std::string& path, int first_line) {
    std::vector<DiagramRef> out;
    int line = first_line;
    for (std::size_t pos = 0; pos < body.size(); ++line) {
        auto nl = body.find('\n', pos);
        if (nl == std::string_view::npos) nl = body.size();
        auto l = trim(body.substr(pos, nl - pos));
        pos = nl + 1;
        if (!l.starts_with("![")) continue;
        auto where = path + ":" + std::to_string(line);
        constexpr std::string_view mid = "](diagram:";
        auto m = l.find(mid);
        if (m == std::string_view::npos || !l.ends_with(")"))
            throw InputError(where, "a picture in an article is a diagram on its own line: ![what it shows](diagram:name)");
        auto alt = trim(l.substr(2, m - 2));
        auto name = l.substr(m + mid.size(), l.size() - m - mid.size() - 1);
        if (alt.empty()) throw InputError(where, "a diagram needs alt text saying what it shows, for people who cannot see it");
        if (alt.find_first_of("[]") != std::string_view::npos) throw InputError(where, "a diagram's alt text may not hold [ or ]");
        if (!is_name(name)) throw InputError(where, "a diagram's name is lower-case letters, digits and hyphens, not `" + std::string(name) + "`");
        out.push_back({std::string(name), std::string(alt), where});
    }
    return out;
}

void check_diagrams(const std::vector<Diagram>& diagrams, const std::vector<std::string>& diagram_paths,
                    const std::vector<DiagramRef>& refs, const std::vector<Region>& regions) {
    const auto& drawn = drawn_diagram_names();
    std::vector<std::string> names(drawn.begin(), drawn.end());
    for (std::size_t i = 0; i < diagrams.size(); ++i) {
        const auto& n = diagrams[i].name;
        auto where = (i < diagram_paths.size() ? diagram_paths[i] : std::string("learn/diagrams")) + ":1";
        if (std::find(drawn.begin(), drawn.end(), n) != drawn.end())
            throw InputError(where, "`" + n + "` is drawn from the body map and the regions; a file cannot take its name");
        if (std::find(names.begin(), names.end(), n) != names.end()) throw InputError(where, "diagram `" + n + "` is defined twice");
        names.push_back(n);
    }
    for (const auto& r : refs) {
        if (std::find(names.begin(), names.end(), r.name) == names.end())
            throw InputError(r.where, "no diagram `" + r.name + "` (learn/diagrams/" + r.name + ".svg)" + did_you_mean(nearest(r.name, names)));
        // The drawn body map marks every region that is never rolled: its words must say so too.
        if (r.name == no_roll_diagram) {
            auto alt = ascii_lower(r.alt);
            for (const auto& g : regions)
                if (!g.rollable && alt.find(ascii_lower(g.name)) == std::string::npos)
                    throw InputError(r.where, "the alt text of `" + std::string(no_roll_diagram) + "` must name every region never rolled; it leaves out `" + g.name + "`");
        }
    }
}

}  // namespace unknot::catalog
