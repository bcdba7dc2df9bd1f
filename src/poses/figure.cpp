#include "poses/figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace unknot::poses {

namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180; }
double deg(double r) { return r * 180 / kPi; }
Vec add(Vec a, Vec b) { return {a.x + b.x, a.y + b.y}; }
Vec sub(Vec a, Vec b) { return {a.x - b.x, a.y - b.y}; }
Vec mul(Vec a, double k) { return {a.x * k, a.y * k}; }
double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y; }
double len(Vec a) { return std::hypot(a.x, a.y); }
Vec unit(double d) { return {std::cos(rad(d)), std::sin(rad(d))}; }
double normalize(double d) {
    d = std::fmod(d, 360);
    if (d <= -180) d += 360;
    if (d > 180) d -= 360;
    return d;
}

Vec toward_vec(const std::string& t) {
    if (t == "up") return {0, 1};
    if (t == "ahead") return {1, 0};
    if (t == "behind") return {-1, 0};
    return {0, -1};
}

// The lowest point of a part (its round ends included) and its farthest point along +x / -x.
double lowest(const PlacedPart& p) {
    double y = std::min(p.a.y - p.wa / 2, p.b.y - p.wb / 2);
    if (p.head > 0) y = std::min(y, p.b.y - p.head);
    return y;
}
double extreme_x(const PlacedPart& p, int sign) {
    double r = std::max({sign * (p.a.x + sign * p.wa / 2), sign * (p.b.x + sign * p.wb / 2), p.head > 0 ? sign * (p.b.x + sign * p.head) : -1e9});
    return sign * r;
}

// Distance from a point to a part's centre line, and the part's half width there.
double gap_to(const PlacedPart& p, Vec c) {
    Vec ab = sub(p.b, p.a);
    double t = std::clamp(dot(sub(c, p.a), ab) / std::max(dot(ab, ab), 1e-9), 0.0, 1.0);
    double half = (p.wa + (p.wb - p.wa) * t) / 2;
    return len(sub(c, add(p.a, mul(ab, t)))) - half;
}

const PlacedPart* find(const std::vector<PlacedPart>& ps, std::string_view name) {
    for (const auto& p : ps)
        if (p.part == name) return &p;
    return nullptr;
}
PlacedPart* find(std::vector<PlacedPart>& ps, std::string_view name) {
    for (auto& p : ps)
        if (p.part == name) return &p;
    return nullptr;
}
template <class Parts>
auto& must(Parts& ps, std::string_view name) {
    auto* p = find(ps, name);
    if (!p) throw std::logic_error("the figure has no part `" + std::string(name) + "`");
    return *p;
}
const Segment& segment_must(const Body& body, const std::string& id) {
    const Segment* s = body.segment(id);
    if (!s) throw std::logic_error("the figure has no segment `" + id + "`");
    return *s;
}

std::string parent_part(const Segment& s, const Body& body, const std::string& suffix) {
    return segment_must(body, s.parent).paired ? s.parent + suffix : s.parent;
}

// Lays out the whole figure from its directions, hip at the origin.
std::vector<PlacedPart> lay_out(const Body& body, const Pose& pose, const std::map<std::string, double>& dirs) {
    std::vector<PlacedPart> out;
    for (const auto& s : body.segments) {
        for (const auto& part : parts_of(body, s)) {
            std::string suffix = s.paired ? part.substr(s.id.size()) : std::string{};
            PlacedPart p;
            p.part = part;
            p.far = suffix == "_far";
            p.wa = s.w_start, p.wb = s.w_end, p.head = s.head;
            if (s.parent.empty()) {
                p.a = {0, 0};
                p.dir = dirs.contains(part) ? dirs.at(part) : 90;
            } else {
                std::string pp = parent_part(s, body, suffix);
                const PlacedPart* parent = &must(out, pp);
                p.a = add(parent->a, mul(sub(parent->b, parent->a), s.attach));
                // Seen from the front or above, the two hips and the two shoulders are apart.
                if (s.spread > 0 && pose.view != View::side && !parent->far && !parent->part.ends_with("_near")) {
                    Vec across = unit(parent->dir - 90);
                    p.a = add(p.a, mul(across, p.far ? -s.spread : s.spread));
                }
                p.dir = dirs.contains(part) ? dirs.at(part) : parent->dir + s.rest;
                if (parent->far && !p.far && s.paired) p.far = true;
            }
            double shown = pose.foreshorten.contains(part) ? pose.foreshorten.at(part) : 1.0;
            p.b = add(p.a, mul(unit(p.dir), s.length * shown));
            out.push_back(p);
        }
    }
    return out;
}

}  // namespace

std::string fmt_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

const PlacedPart* Placed::part(std::string_view name) const { return find(parts, name); }
const PlacedPart& Placed::at(std::string_view name) const { return must(parts, name); }

std::vector<std::string> parts_of(const Body&, const Segment& s) {
    if (!s.paired) return {s.id};
    return {s.id + "_far", s.id + "_near"};
}

double joint_reading(const Body& body, const Placed& fig, const std::string& part) {
    const Segment& s = segment_must(body, segment_of(part));
    std::string suffix = s.paired ? part.substr(s.id.size()) : std::string{};
    return normalize(fig.at(part).dir - fig.at(parent_part(s, body, suffix)).dir - s.offset) * s.sign;
}

Placed place(const Body& body, const Pose& pose, std::string_view frame_name, std::string_view tool_id) {
    Placed fig;
    const Frame* frame = pose.frame(std::string(frame_name));
    std::map<std::string, double> dirs = pose.angles;
    int line = frame ? frame->line : pose.line;
    if (frame)
        for (const auto& [k, v] : frame->set) dirs[k] = v;
    fig.parts = lay_out(body, pose, dirs);

    // The tool, placed against the pressed face of its part.
    std::string tid = tool_id.empty() ? (pose.tools.empty() ? std::string{} : pose.tools.front()) : std::string(tool_id);
    const ToolDrawing* drawing = tid.empty() ? nullptr : body.tool(tid);
    if (drawing && !pose.press.empty() && frame && frame->at) {
        const PlacedPart* pp = &fig.at(pose.press);
        double f = *frame->at;
        Vec ab = sub(pp->b, pp->a);
        Vec mid = add(pp->a, mul(ab, f));
        double half = (pp->wa + (pp->wb - pp->wa) * f) / 2;
        Vec want = toward_vec(pose.toward);
        Vec n = {-ab.y / len(ab), ab.x / len(ab)};
        if (dot(n, want) < 0) n = mul(n, -1);
        if (dot(n, want) < 0.35 && pose.view != View::top)
            fig.problems.push_back({"the pressed face of `" + pose.press + "` does not look " + pose.toward + ", so the tool cannot sit there", line});
        PlacedTool t;
        t.tool = tid;
        t.radius = drawing->radius, t.length = drawing->length, t.ring = drawing->ring, t.handles = drawing->handles;
        t.contact = pose.view == View::top ? mid : add(mid, mul(n, half));
        t.centre = pose.view == View::top ? mid : add(t.contact, mul(n, drawing->radius));
        t.axis = pp->dir + 90;
        fig.tool = t;
    }

    // Hands onto what they hold: two-bone reach, elbow bent the way the joint bends.
    for (const auto& r : pose.reaches) {
        std::string suffix = r.arm.ends_with("_far") ? "_far" : "_near";
        const Chain* chain = body.chain_of(r.arm);
        if (!chain || chain->segments.size() < 2) {
            fig.problems.push_back({"`" + r.arm + "` is not a limb that can reach", r.line});
            continue;
        }
        Vec target;
        if (r.target == "tool") {
            if (!fig.tool) {
                fig.problems.push_back({"`" + r.arm + "` reaches for a tool, but none is drawn", r.line});
                continue;
            }
            target = fig.tool->centre;
        } else if (const PlacedPart* tp = fig.part(r.target)) {
            target = add(tp->a, mul(sub(tp->b, tp->a), 0.5));
        } else {
            fig.problems.push_back({"`" + r.target + "` is neither `tool` nor a part to hold", r.line});
            continue;
        }
        PlacedPart* upper = &must(fig.parts, chain->segments[0] + suffix);
        PlacedPart* lower = &must(fig.parts, chain->segments[1] + suffix);
        double l1 = len(sub(upper->b, upper->a)), l2 = len(sub(lower->b, lower->a));
        Vec st = sub(target, upper->a);
        double d = len(st);
        if (d > l1 + l2 - 0.01 || d < std::fabs(l1 - l2) + 0.01) {
            fig.problems.push_back({"`" + r.arm + "` cannot reach " + r.target + " (" + fmt_number(d) + " away, the arm spans " + fmt_number(l1 + l2) + ")", r.line});
            continue;
        }
        double base = deg(std::atan2(st.y, st.x));
        double a = deg(std::acos(std::clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1.0, 1.0)));
        const Segment* elbow = &segment_must(body, chain->segments[1]);
        double lo = pose.view == View::side ? elbow->lo : elbow->lo_front, hi = pose.view == View::side ? elbow->hi : elbow->hi_front;
        // Of the two ways to bend, the one a real elbow takes: within range and, seen from the
        // front or above, out to the side rather than across the body.
        const PlacedPart* trunk = fig.part("trunk");
        auto from_midline = [&](Vec e) {
            if (!trunk) return 0.0;
            Vec t = sub(trunk->b, fig.parts.front().a);
            double l = std::max(len(t), 1e-6);
            return std::fabs((e.x - trunk->b.x) * t.y - (e.y - trunk->b.y) * t.x) / l;
        };
        double best = -1;
        for (double sgn : {1.0, -1.0}) {
            double ud = base + sgn * a;
            Vec e = add(upper->a, mul(unit(ud), l1));
            double ld = deg(std::atan2(target.y - e.y, target.x - e.x));
            double reading = normalize(ld - ud - elbow->offset) * elbow->sign;
            if (reading < lo || reading > hi) continue;
            double score = pose.view == View::side ? (sgn > 0 ? 1.0 : 0.0) : from_midline(e);
            if (score > best) {
                best = score;
                dirs[upper->part] = ud;
                dirs[lower->part] = ld;
            }
        }
        auto tool = fig.tool;
        fig.parts = lay_out(body, pose, dirs);
        fig.tool = tool;
    }

    // Where the body rests decides where it is.
    double tx = 0, ty = 0;
    bool tool_on_floor = fig.tool && !fig.tool->handles && pose.toward == "down" && pose.view != View::top;
    bool tool_on_wall = fig.tool && !fig.tool->handles && pose.wall && (pose.toward == "ahead" || pose.toward == "behind");
    auto surface_y = [&](const Rest& r) -> std::optional<double> {
        if (r.surface == "floor") return 0.0;
        for (const auto& [id, x] : pose.props)
            if (id == r.surface)
                if (const Prop* pr = body.prop(id); pr && pr->seat) return *pr->seat;
        return std::nullopt;
    };
    std::vector<double> dy, dx;
    for (const auto& r : pose.rests) {
        const PlacedPart* p = fig.part(r.part);
        if (!p) {
            fig.problems.push_back({"`" + r.part + "` is not a part of the figure", r.line});
            continue;
        }
        if (r.surface == "wall") {
            int sign = *pose.wall > p->a.x ? 1 : -1;
            dx.push_back(*pose.wall - extreme_x(*p, sign));
        } else if (auto sy = surface_y(r)) {
            dy.push_back(*sy - lowest(*p));
        } else {
            fig.problems.push_back({"`" + r.part + "` rests on `" + r.surface + "`, which is neither floor, wall nor a seat the pose sets out", r.line});
        }
    }
    auto mean = [](const std::vector<double>& v) {
        double s = 0;
        for (double x : v) s += x;
        return v.empty() ? 0.0 : s / static_cast<double>(v.size());
    };
    if (tool_on_floor) {
        ty = fig.tool->radius - fig.tool->centre.y;
        tx = -fig.tool->centre.x;
    } else if (tool_on_wall) {
        double r = fig.tool->radius;
        tx = pose.toward == "ahead" ? *pose.wall - r - fig.tool->centre.x : *pose.wall + r - fig.tool->centre.x;
        ty = mean(dy);
    } else if (pose.view != View::top) {
        ty = mean(dy);
        tx = mean(dx);
        // A planted foot stays where it is while the body moves over it.
        if (dx.empty() && !pose.anchor.empty())
            if (const PlacedPart* an = fig.part(pose.anchor)) tx = -an->a.x;
    }
    Vec shift{tx, ty};
    for (auto& p : fig.parts) p.a = add(p.a, shift), p.b = add(p.b, shift);
    if (fig.tool) fig.tool->centre = add(fig.tool->centre, shift), fig.tool->contact = add(fig.tool->contact, shift);
    if (pose.view == View::top) return fig;

    // What the placement could not make true.
    for (const auto& r : pose.rests) {
        const PlacedPart* p = fig.part(r.part);
        if (!p) continue;
        double off = 0;
        std::string where = r.surface == "floor" ? "the floor" : r.surface == "wall" ? "the wall" : "the " + r.surface;
        if (r.surface == "wall") {
            int sign = *pose.wall > p->a.x ? 1 : -1;
            off = (*pose.wall - extreme_x(*p, sign)) * sign;
        } else if (auto sy = surface_y(r)) {
            off = lowest(*p) - *sy;
            for (const auto& [id, x] : pose.props)
                if (const Prop* pr = body.prop(id); id == r.surface && pr && pr->seat) {
                    double mx = (p->a.x + p->b.x) / 2;
                    if (std::min(p->a.x, p->b.x) > x + pr->seat_to || std::max(p->a.x, p->b.x) < x + pr->seat_from)
                        fig.problems.push_back({"`" + r.part + "` should rest on the " + id + " but is beside it (x " + fmt_number(mx) + ")", r.line});
                }
        } else {
            continue;
        }
        if (std::fabs(off) > body.rest_tolerance)
            fig.problems.push_back({"`" + r.part + "` should rest on " + where + " but is " + fmt_number(std::fabs(off)) + (off > 0 ? " away from it" : " into it"), r.line});
    }
    for (const auto& p : fig.parts) {
        double low = lowest(p);
        if (low < -body.sink_tolerance) fig.problems.push_back({"`" + p.part + "` sinks " + fmt_number(-low) + " into the floor", line});
        if (pose.wall) {
            double hip_x = fig.parts.front().a.x;
            int sign = *pose.wall > hip_x ? 1 : -1;
            double past = (extreme_x(p, sign) - *pose.wall) * sign;
            if (past > body.sink_tolerance) fig.problems.push_back({"`" + p.part + "` goes " + fmt_number(past) + " through the wall", line});
        }
    }
    if (fig.tool) {
        if (fig.tool->handles) {
            if (fig.tool->centre.y - fig.tool->radius < -body.sink_tolerance) fig.problems.push_back({"the tool sinks into the floor", line});
        }
        // Only parts at the pressed part's depth can collide with the tool: a far limb in a
        // side view is beside it, not through it.
        bool pressed_far = pose.press.ends_with("_far");
        for (const auto& p : fig.parts) {
            if (p.part == pose.press) continue;
            bool paired_part = p.part.ends_with("_far") || p.part.ends_with("_near");
            if (paired_part && p.part.ends_with("_far") != pressed_far) continue;
            bool holding = std::any_of(pose.reaches.begin(), pose.reaches.end(), [&](const Reach& r) {
                const Chain* c = r.target == "tool" ? body.chain_of(r.arm) : nullptr;
                std::string suffix = r.arm.ends_with("_far") ? "_far" : "_near";
                return c && std::any_of(c->segments.begin(), c->segments.end(), [&](const std::string& s) { return p.part == s + suffix; });
            });
            if (!holding && gap_to(p, fig.tool->centre) < fig.tool->radius - 1.5)
                fig.problems.push_back({"the " + fig.tool->tool + " passes through `" + p.part + "`", line});
        }
    }
    return fig;
}

}  // namespace unknot::poses
