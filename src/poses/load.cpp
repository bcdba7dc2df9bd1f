#include "poses/load.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "common/error.hpp"
#include "common/text.hpp"
#include "poses/figure.hpp"

namespace unknot::poses {

using catalog::FieldReader;
using catalog::Record;

namespace {

double number(const Record& r, int line, std::string_view s, std::string_view what) {
    double v = 0;
    auto t = trim(s);
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || p != t.data() + t.size())
        throw InputError(r.where(line), std::string(what) + " must be a number, not `" + std::string(t) + "`");
    return v;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        auto j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<double> numbers(const Record& r, FieldReader& fr, std::string_view field, std::size_t min, std::size_t max) {
    auto v = fr.optional_text(field);
    int line = fr.line_of(field);
    std::vector<double> out;
    for (const auto& w : words(v)) out.push_back(number(r, line, w, "`" + std::string(field) + ":`"));
    if (out.size() < min || out.size() > max)
        throw InputError(r.where(line), "`" + std::string(field) + ":` needs " +
                                            (min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max)) + " numbers");
    return out;
}

const std::set<std::string> kBodyKinds{"figure", "segment", "chain", "landmark", "prop", "tool_drawing"};

}  // namespace

bool is_pose_kind(const std::string& kind) { return kind == "pose" || kBodyKinds.contains(kind); }

void Loader::add(const Record& r) {
    if (r.kind() == "pose") {
        pending_.push_back(r);
        return;
    }
    FieldReader fr(r);
    const auto& k = r.kind();
    if (body_.file.empty() || k == "figure") body_.file = r.file;
    if (k == "figure") {
        body_.rest_tolerance = numbers(r, fr, "rest_tolerance", 1, 1)[0];
        body_.sink_tolerance = numbers(r, fr, "sink_tolerance", 1, 1)[0];
        fr.optional_text("note");
    } else if (k == "segment") {
        segment(r);
        return;
    } else if (k == "chain") {
        body_.chains.push_back({r.id(), fr.ids("segments")});
    } else if (k == "landmark") {
        Landmark l{r.id(), {}, {}};
        for (const auto& ph : fr.texts("phrase")) l.phrases.push_back(ascii_lower(ph));
        auto at = words(fr.text("at"));
        if (at.size() % 2) throw InputError(r.where(fr.line_of("at")), "`at:` lists pairs: a segment and a fraction along it");
        for (std::size_t i = 0; i < at.size(); i += 2) l.at[at[i]] = number(r, fr.line_of("at"), at[i + 1], "a fraction along `" + at[i] + "`");
        body_.landmarks.push_back(std::move(l));
    } else if (k == "prop") {
        Prop p{r.id(), {}, {}, 0, 0};
        for (const auto& line : fr.texts("line")) {
            auto ns = words(line);
            std::vector<Vec> pts;
            if (ns.size() < 4 || ns.size() % 2) throw InputError(r.where(fr.line_of("line")), "`line:` lists x y pairs, at least two points");
            for (std::size_t i = 0; i < ns.size(); i += 2)
                pts.push_back({number(r, fr.line_of("line"), ns[i], "x"), number(r, fr.line_of("line"), ns[i + 1], "y")});
            p.lines.push_back(std::move(pts));
        }
        auto seat = numbers(r, fr, "seat", 0, 3);
        if (seat.size() == 3) p.seat = seat[0], p.seat_from = seat[1], p.seat_to = seat[2];
        else if (!seat.empty()) throw InputError(r.where(fr.line_of("seat")), "`seat:` is a height and the x range of the surface");
        body_.props.push_back(std::move(p));
    } else if (k == "tool_drawing") {
        ToolDrawing t{r.id()};
        t.radius = numbers(r, fr, "radius", 1, 1)[0];
        auto ring = numbers(r, fr, "ring", 0, 1);
        t.ring = ring.empty() ? 0 : ring[0];
        t.length = numbers(r, fr, "length", 1, 1)[0];
        t.handles = fr.optional_boolean("handles", false);
        body_.tools.push_back(t);
    }
    fr.finish();
}

void Loader::segment(const Record& r) {
    FieldReader fr(r);
    Segment s;
    s.id = r.id();
    s.line = r.line;
    auto parent = words(fr.optional_text("parent"));
    if (!parent.empty()) {
        s.parent = parent[0];
        s.attach = parent.size() > 1 ? number(r, fr.line_of("parent"), parent[1], "where on the parent") : 1.0;
        if (!body_.segment(s.parent)) throw InputError(r.where(fr.line_of("parent")), "parent `" + s.parent + "` is not a segment defined above");
    }
    s.length = numbers(r, fr, "length", 1, 1)[0];
    auto w = numbers(r, fr, "width", 2, 2);
    s.w_start = w[0], s.w_end = w[1];
    auto spread = numbers(r, fr, "spread", 0, 1);
    s.spread = spread.empty() ? 0 : spread[0];
    auto head = numbers(r, fr, "head", 0, 1);
    s.head = head.empty() ? 0 : head[0];
    // A limb's lower segments come in pairs because its upper one does.
    s.paired = fr.optional_boolean("paired", false) || (!s.parent.empty() && body_.segment(s.parent)->paired);
    auto rest = numbers(r, fr, "rest", s.parent.empty() ? 0 : 1, s.parent.empty() ? 0 : 1);
    s.rest = rest.empty() ? 0 : rest[0];
    if (!s.parent.empty()) {
        s.joint = fr.text("joint");
        auto reading = numbers(r, fr, "reading", 2, 2);
        s.offset = reading[0];
        s.sign = reading[1] < 0 ? -1 : 1;
        auto range = numbers(r, fr, "range", 2, 2);
        s.lo = range[0], s.hi = range[1];
        auto front = numbers(r, fr, "range_front", 0, 2);
        s.lo_front = front.size() == 2 ? front[0] : s.lo;
        s.hi_front = front.size() == 2 ? front[1] : s.hi;
    }
    s.faces = fr.ids("faces", false);
    for (const auto& item : words(fr.optional_text("regions"))) {
        // region@face or region@face:from-to
        auto at = item.find('@');
        if (at == std::string::npos) throw InputError(r.where(fr.line_of("regions")), "`" + item + "` should be region@face or region@face:from-to");
        RegionFace f{item.substr(0, at), item.substr(at + 1), 0, 1};
        if (auto c = f.face.find(':'); c != std::string::npos) {
            auto span = f.face.substr(c + 1);
            f.face.resize(c);
            auto dash = span.find('-');
            if (dash == std::string::npos) throw InputError(r.where(fr.line_of("regions")), "`" + item + "`: the span is from-to, like 0-0.3");
            f.from = number(r, fr.line_of("regions"), span.substr(0, dash), "a span start");
            f.to = number(r, fr.line_of("regions"), span.substr(dash + 1), "a span end");
        }
        if (std::find(s.faces.begin(), s.faces.end(), f.face) == s.faces.end())
            throw InputError(r.where(fr.line_of("regions")), "`" + item + "` names face `" + f.face + "`, which `faces:` does not list");
        s.regions.push_back(f);
    }
    fr.finish();
    body_.segments.push_back(std::move(s));
}

void Loader::pose(const Record& r) {
    FieldReader fr(r);
    Pose p;
    p.id = r.id();
    p.file = r.file;
    p.line = r.line;
    p.move = fr.optional_text("move");
    if (p.move.empty()) p.move = p.id;
    auto view = fr.optional_text("view");
    if (view == "front") p.view = View::front;
    else if (view == "top") p.view = View::top;
    else if (!view.empty() && view != "side") throw InputError(r.where(fr.line_of("view")), "`view:` is side, front or top, not `" + view + "`");
    p.tools = fr.ids("tools", false);
    for (const auto& t : p.tools)
        if (!body_.tool(t)) throw InputError(r.where(fr.line_of("tools")), "no `tool_drawing: " + t + "` in " + body_.file);
    auto press = words(fr.optional_text("press"));
    if (!press.empty()) {
        if (press.size() != 3) throw InputError(r.where(fr.line_of("press")), "`press:` is a part, its face and the way that face looks (down, up, ahead, behind)");
        p.press = press[0], p.face = press[1], p.toward = press[2];
        const Segment* s = body_.segment(segment_of(p.press));
        if (!s) throw InputError(r.where(fr.line_of("press")), "`" + p.press + "` is not a part of the figure");
        if (std::find(s->faces.begin(), s->faces.end(), p.face) == s->faces.end())
            throw InputError(r.where(fr.line_of("press")), "a tool cannot press on the " + p.face + " of `" + p.press + "` (faces: " + join(s->faces, ", ") + ")");
        static const std::set<std::string> towards{"down", "up", "ahead", "behind"};
        if (!towards.contains(p.toward)) throw InputError(r.where(fr.line_of("press")), "the face looks down, up, ahead or behind, not `" + p.toward + "`");
    }
    if (!p.tools.empty() && p.press.empty()) throw InputError(r.where(r.line), "pose `" + p.id + "` shows a tool: say where it presses in `press:`");
    for (const auto& w : words(fr.optional_text("rests"))) {
        auto at = w.find('@');
        p.rests.push_back({w.substr(0, at), at == std::string::npos ? "floor" : w.substr(at + 1), fr.line_of("rests")});
    }
    for (const auto& w : words(fr.optional_text("reach"))) {
        auto at = w.find('@');
        if (at == std::string::npos) throw InputError(r.where(fr.line_of("reach")), "`reach:` lists arm@target, like arm_near@tool");
        p.reaches.push_back({w.substr(0, at), w.substr(at + 1), fr.line_of("reach")});
    }
    auto props = words(fr.optional_text("props"));
    if (props.size() % 2) throw InputError(r.where(fr.line_of("props")), "`props:` lists pairs: a prop and its x");
    for (std::size_t i = 0; i < props.size(); i += 2) {
        if (!body_.prop(props[i])) throw InputError(r.where(fr.line_of("props")), "no `prop: " + props[i] + "` in " + body_.file);
        p.props.push_back({props[i], number(r, fr.line_of("props"), props[i + 1], "a prop's x")});
    }
    auto fs = words(fr.optional_text("foreshorten"));
    if (fs.size() % 2) throw InputError(r.where(fr.line_of("foreshorten")), "`foreshorten:` lists pairs: a part and how much of its length shows (0.2 to 1)");
    for (std::size_t i = 0; i < fs.size(); i += 2) {
        const Segment* seg = body_.segment(segment_of(fs[i]));
        if (!seg || seg->paired == (fs[i] == segment_of(fs[i]))) throw InputError(r.where(fr.line_of("foreshorten")), "`" + fs[i] + "` is not a part of the figure");
        double k = number(r, fr.line_of("foreshorten"), fs[i + 1], "how much of its length shows");
        if (k < 0.2 || k > 1) throw InputError(r.where(fr.line_of("foreshorten")), "`" + fs[i] + "` can show 0.2 to 1 of its length, not " + fmt_number(k));
        p.foreshorten[fs[i]] = k;
    }
    p.anchor = fr.optional_text("anchor");
    if (!p.anchor.empty() && (!body_.segment(segment_of(p.anchor)) || body_.segment(segment_of(p.anchor))->paired == (p.anchor == segment_of(p.anchor))))
        throw InputError(r.where(fr.line_of("anchor")), "`" + p.anchor + "` is not a part of the figure");
    auto wall = numbers(r, fr, "wall", 0, 1);
    if (!wall.empty()) p.wall = wall[0];
    auto pace = numbers(r, fr, "pace_s", 0, 1);
    if (!pace.empty()) p.pace_s = pace[0];
    if (p.pace_s < 2 || p.pace_s > 4) throw InputError(r.where(fr.line_of("pace_s")), "a slow roll takes 2 to 4 seconds each way, not " + fmt_number(p.pace_s));
    // Directions: one field per part or per chain.
    auto set_part = [&](const std::string& part, double v, int line) {
        p.angles[part] = v;
        p.angle_lines[part] = line;
    };
    for (const auto& f : r.fields) {
        if (f.line == r.line) continue;
        std::string base = f.name, suffix;
        for (const char* s : {"_near", "_far"})
            if (base.ends_with(s)) suffix = s, base.resize(base.size() - std::string_view(s).size());
        const Segment* seg = body_.segment(base);
        auto chain = std::find_if(body_.chains.begin(), body_.chains.end(), [&](const Chain& c) { return c.id == base; });
        if (!seg && chain == body_.chains.end()) continue;
        bool paired = seg ? seg->paired : true;
        if (paired == suffix.empty())
            throw InputError(r.where(f.line), "`" + f.name + ":` " + (paired ? "needs _near or _far" : "has no near and far side"));
        fr.optional_text(f.name);
        auto vs = words(f.value);
        std::vector<std::string> segs = seg ? std::vector<std::string>{base} : chain->segments;
        if (vs.empty() || vs.size() > segs.size())
            throw InputError(r.where(f.line), "`" + f.name + ":` takes 1 to " + std::to_string(segs.size()) + " directions (" + join(segs, ", ") + ")");
        for (std::size_t i = 0; i < vs.size(); ++i) set_part(segs[i] + suffix, number(r, f.line, vs[i], "a direction"), f.line);
    }
    for (const char* name : {"setup", "start", "end"}) {
        for (const auto& f : r.fields) {
            if (f.name != name) continue;
            Frame fm{name, std::nullopt, {}, f.line};
            for (const auto& w : words(f.value)) {
                auto eq = w.find('=');
                if (eq == std::string::npos) {
                    if (fm.at) throw InputError(r.where(f.line), "one fraction per frame; overrides are part=direction");
                    fm.at = number(r, f.line, w, "where the tool presses (0 to 1 along the part)");
                    continue;
                }
                auto part = w.substr(0, eq);
                if (!body_.segment(segment_of(part)) || (body_.segment(segment_of(part))->paired == (part == segment_of(part))))
                    throw InputError(r.where(f.line), "`" + part + "` is not a part of the figure");
                fm.set[part] = number(r, f.line, w.substr(eq + 1), "a direction");
            }
            p.frames.push_back(std::move(fm));
        }
        fr.optional_text(name);
    }
    fr.finish();
    if (!p.frame("setup")) throw InputError(r.where(r.line), "pose `" + p.id + "` needs a `setup:` frame");
    if (!p.press.empty())
        for (const char* name : {"setup", "start", "end"}) {
            const Frame* f = p.frame(name);
            if (!f) throw InputError(r.where(r.line), "pose `" + p.id + "` rolls: it needs setup, start and end frames");
            if (!f->at || *f->at < 0 || *f->at > 1)
                throw InputError(r.where(f->line), "the `" + std::string(name) + ":` frame needs where the tool presses, 0 to 1 along `" + p.press + "`");
        }
    bool on_floor_tool = !p.tools.empty() && p.toward == "down";
    if (!on_floor_tool && p.rests.empty() && p.view != View::top)
        throw InputError(r.where(r.line), "pose `" + p.id + "` needs `rests:`: the parts that rest on the floor, a seat or a wall place the figure");
    if (!p.wall)
        for (const auto& rs : p.rests)
            if (rs.surface == "wall") throw InputError(r.where(rs.line), "`" + rs.part + "` rests on a wall, but the pose has no `wall:`");
    poses_.push_back(std::move(p));
}

void Loader::finish() {
    if (body_.segments.empty() && !pending_.empty()) throw InputError(pending_.front().where(pending_.front().line), "poses need the figure (data/poses/body.rec)");
    for (const auto& r : pending_) pose(r);
    pending_.clear();
    for (const auto& p : poses_) check(p);
}

void Loader::check(const Pose& p) const {
    // Every tool the pose shows: a ball is smaller than a roller, so the body sits lower on it.
    for (const auto& tool : p.tools.empty() ? std::vector<std::string>{""} : p.tools) check(p, tool);
}

void Loader::check(const Pose& p, const std::string& tool) const {
    auto with = tool.empty() ? std::string{} : " with the " + tool;
    for (const auto& f : p.frames) {
        Placed fig = place(body_, p, f.name, tool);
        // Joint ranges, read the way the body file says each joint is measured.
        for (const auto& s : body_.segments) {
            if (s.parent.empty()) continue;
            for (const auto& part : parts_of(body_, s)) {
                double reading = joint_reading(body_, fig, part);
                double lo = p.view == View::side ? s.lo : s.lo_front, hi = p.view == View::side ? s.hi : s.hi_front;
                if (reading < lo - 0.01 || reading > hi + 0.01) {
                    int line = f.set.contains(part) ? f.line : p.angle_lines.contains(part) ? p.angle_lines.at(part) : f.line;
                    throw InputError(p.where(line), "`" + part + "` puts the " + s.joint + " at " + fmt_number(reading) + " degrees, outside its range " +
                                                        fmt_number(lo) + " to " + fmt_number(hi) + " (" + std::string(f.name) + " frame" + with + ")");
                }
            }
        }
        for (const auto& problem : fig.problems) throw InputError(p.where(problem.line ? problem.line : f.line), problem.text + " (" + f.name + " frame" + with + ")");
    }
}

}  // namespace unknot::poses
