#include "poses/picture.hpp"

#include <algorithm>
#include <cmath>

#include "poses/figure.hpp"

namespace unknot::poses {

namespace {

constexpr double kMinW = 150, kMinH = 104, kMargin = 5;

struct Out {
    double m = 1;  // -1 mirrors
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    Vec to_svg(Vec p) const { return {m * p.x, -p.y}; }
    void grow(Vec s, double r = 0) {
        x0 = std::min(x0, s.x - r), x1 = std::max(x1, s.x + r);
        y0 = std::min(y0, s.y - r), y1 = std::max(y1, s.y + r);
    }
};

std::string pt(Vec p) { return fmt_number(p.x) + " " + fmt_number(p.y); }

Vec add(Vec a, Vec b) { return {a.x + b.x, a.y + b.y}; }
Vec mul(Vec a, double k) { return {a.x * k, a.y * k}; }
Vec sub(Vec a, Vec b) { return {a.x - b.x, a.y - b.y}; }

int sweep(Vec centre, Vec from, Vec via) {
    double cross = (from.x - centre.x) * (via.y - centre.y) - (from.y - centre.y) * (via.x - centre.x);
    return cross > 0 ? 1 : 0;
}

// A limb: two round ends joined by their outer tangents. Always the same commands, so two
// frames of one part can be interpolated.
std::string capsule(Out& o, Vec a, Vec b, double ra, double rb) {
    Vec ab = sub(b, a);
    double d = std::max(std::hypot(ab.x, ab.y), 1e-6);
    Vec u = mul(ab, 1 / d), v = {-u.y, u.x};
    double s = std::clamp((ra - rb) / d, -0.95, 0.95), c = std::sqrt(1 - s * s);
    Vec n1 = add(mul(v, c), mul(u, s)), n2 = add(mul(v, -c), mul(u, s));
    Vec a1 = o.to_svg(add(a, mul(n1, ra))), b1 = o.to_svg(add(b, mul(n1, rb)));
    Vec a2 = o.to_svg(add(a, mul(n2, ra))), b2 = o.to_svg(add(b, mul(n2, rb)));
    Vec A = o.to_svg(a), B = o.to_svg(b);
    Vec tip_b = o.to_svg(add(b, mul(u, rb))), tip_a = o.to_svg(add(a, mul(u, -ra)));
    o.grow(A, ra), o.grow(B, rb);
    int large_b = ra < rb ? 1 : 0, large_a = ra > rb ? 1 : 0;
    return "M" + pt(a1) + "L" + pt(b1) + "A" + fmt_number(rb) + " " + fmt_number(rb) + " 0 " + std::to_string(large_b) + " " +
           std::to_string(sweep(B, b1, tip_b)) + " " + pt(b2) + "L" + pt(a2) + "A" + fmt_number(ra) + " " + fmt_number(ra) + " 0 " +
           std::to_string(large_a) + " " + std::to_string(sweep(A, a2, tip_a)) + " " + pt(a1) + "Z";
}

std::string circle(Out& o, Vec c, double r) {
    Vec C = o.to_svg(c);
    o.grow(C, r);
    // Starting from the figure's back, so the right side's circle is the left one's mirror.
    Vec l = o.to_svg({c.x - r, c.y}), rt = o.to_svg({c.x + r, c.y});
    return "M" + pt(l) + "A" + fmt_number(r) + " " + fmt_number(r) + " 0 1 0 " + pt(rt) + "A" + fmt_number(r) + " " + fmt_number(r) + " 0 1 0 " + pt(l) + "Z";
}

std::string polyline(Out& o, const std::vector<Vec>& pts, Vec shift) {
    std::string d;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        Vec s = o.to_svg(add(pts[i], shift));
        o.grow(s);
        d += (i ? "L" : "M") + pt(s);
    }
    return d;
}

std::vector<Shape> frame_shapes(Out& o, const Placed& fig, const Pose& pose) {
    std::vector<Shape> far, near, mid, tool;
    for (const auto& p : fig.parts) {
        auto& list = p.far ? far : p.part.ends_with("_near") ? near : mid;
        list.push_back({p.part, p.far ? "far" : "body", capsule(o, p.a, p.b, p.wa / 2, p.wb / 2)});
        if (p.head > 0) list.push_back({p.part + "_round", p.far ? "far" : "body", circle(o, p.b, p.head)});
    }
    if (fig.tool) {
        const auto& t = *fig.tool;
        if (pose.view == View::top) {
            double a = (t.axis) * 3.14159265358979323846 / 180;
            Vec u{std::cos(a), std::sin(a)};
            tool.push_back({"tool", "tool", capsule(o, add(t.centre, mul(u, -t.length / 2)), add(t.centre, mul(u, t.length / 2)), t.radius, t.radius)});
        } else {
            tool.push_back({"tool", "tool", circle(o, t.centre, t.radius)});
            if (t.ring > 0) tool.push_back({"tool_ring", "tool_ring", circle(o, t.centre, t.radius * t.ring)});
        }
    }
    std::vector<Shape> out;
    if (pose.view == View::top) out.insert(out.end(), tool.begin(), tool.end());
    out.insert(out.end(), far.begin(), far.end());
    // A floor tool lies under the body; a handheld one is held over it, so it is drawn on top.
    bool held = fig.tool && fig.tool->handles;
    if (pose.view != View::top && !held) out.insert(out.end(), tool.begin(), tool.end());
    out.insert(out.end(), mid.begin(), mid.end());
    out.insert(out.end(), near.begin(), near.end());
    if (held) out.insert(out.end(), tool.begin(), tool.end());
    return out;
}

}  // namespace

Picture draw(const Body& body, const Pose& pose, std::string_view tool, Side side) {
    Picture pic;
    pic.move = pose.move, pic.pose = pose.id;
    pic.tool = tool.empty() ? (pose.tools.empty() ? std::string{} : pose.tools.front()) : std::string(tool);
    pic.view = pose.view == View::side ? "side" : pose.view == View::front ? "front" : "top";
    pic.side = side;
    pic.pace_s = pose.pace_s;
    Out o;
    o.m = side == Side::right ? -1 : 1;
    for (const char* name : {"setup", "start", "end"}) {
        if (!pose.frame(name)) continue;
        Placed fig = place(body, pose, name, pic.tool);
        pic.frame_names.push_back(name);
        pic.frames[name] = frame_shapes(o, fig, pose);
        if (std::string(name) == "setup" && fig.tool && pose.frame("start") && pose.frame("end") && pose.frame("start")->at) {
            // The roll path drawn on the set-up body, on the side away from the tool.
            const PlacedPart* pp = &fig.at(pose.press);
            Vec ab = sub(pp->b, pp->a);
            double l = std::hypot(ab.x, ab.y);
            Vec n{-ab.y / l, ab.x / l};
            Vec toward = sub(fig.tool->centre, add(pp->a, mul(ab, *pose.frame("setup")->at)));
            if (n.x * toward.x + n.y * toward.y > 0) n = mul(n, -1);
            auto at = [&](double f) {
                double half = (pp->wa + (pp->wb - pp->wa) * f) / 2;
                return add(add(pp->a, mul(ab, f)), mul(n, half + 3.2));
            };
            double f0 = *pose.frame("start")->at, f1 = *pose.frame("end")->at;
            Vec p0 = at(f0), p1 = at(f1);
            Vec dir = mul(sub(p1, p0), 1 / std::max(std::hypot(p1.x - p0.x, p1.y - p0.y), 1e-6));
            Vec side_v{-dir.y, dir.x};
            Vec shaft_end = add(p1, mul(dir, -3.2));
            pic.arrow = "M" + pt(o.to_svg(p0)) + "L" + pt(o.to_svg(shaft_end));
            pic.arrow_head = "M" + pt(o.to_svg(p1)) + "L" + pt(o.to_svg(add(shaft_end, mul(side_v, 2.4)))) + "L" +
                             pt(o.to_svg(add(shaft_end, mul(side_v, -2.4)))) + "Z";
            o.grow(o.to_svg(p0)), o.grow(o.to_svg(p1));
        }
    }
    auto tenth = [](double v) { return std::round(v * 10) / 10; };
    std::vector<Shape> props;
    for (const auto& [id, x] : pose.props)
        if (const Prop* pr = body.prop(id))
            for (const auto& line : pr->lines) props.push_back({id, "prop", polyline(o, line, {x, 0})});
    // Fixed scale across pictures: a box of at least kMinW x kMinH, the floor near the bottom.
    double cx = (o.x0 + o.x1) / 2;
    pic.w = std::max(kMinW, o.x1 - o.x0 + 2 * kMargin);
    pic.x = cx - pic.w / 2;
    if (pose.view == View::top) {
        pic.h = std::max(kMinH, o.y1 - o.y0 + 2 * kMargin);
        pic.y = (o.y0 + o.y1) / 2 - pic.h / 2;
    } else {
        double top = std::min(o.y0 - kMargin, -(kMinH - kMargin));
        pic.y = top;
        pic.h = std::max(kMargin - top, o.y1 + kMargin - top);
        pic.scene.push_back({"floor", "floor", "M" + fmt_number(pic.x) + " 0L" + fmt_number(pic.x + pic.w) + " 0"});
        if (pose.wall) {
            double wx = o.m * *pose.wall;
            pic.wall_x = wx;
            pic.scene.push_back({"wall", "wall", "M" + fmt_number(wx) + " 0L" + fmt_number(wx) + " " + fmt_number(pic.y)});
        }
    }
    pic.scene.insert(pic.scene.end(), props.begin(), props.end());
    pic.x = tenth(pic.x), pic.y = tenth(pic.y), pic.w = tenth(pic.w), pic.h = tenth(pic.h);
    constexpr double hug = 3;
    pic.tx = tenth(o.x0 - hug), pic.ty = tenth(o.y0 - hug), pic.tw = tenth(o.x1 - o.x0 + 2 * hug), pic.th = tenth(std::max(o.y1, 0.0) - o.y0 + 2 * hug);
    return pic;
}

std::string still_svg(const Picture& p, const Palette& ink, bool tight) {
    auto fill = [&](const std::string& role) {
        if (role == "far") return "fill=\"" + ink.far + "\" stroke=\"" + ink.paper + "\" stroke-width=\"0.8\"";
        if (role == "tool") return "fill=\"" + ink.tool_fill + "\" stroke=\"" + ink.tool_line + "\" stroke-width=\"1.2\"";
        if (role == "tool_ring") return "fill=\"none\" stroke=\"" + ink.tool_line + "\" stroke-width=\"0.9\"";
        if (role == "floor" || role == "wall") return "fill=\"none\" stroke=\"" + ink.scene + "\" stroke-width=\"1.2\" stroke-linecap=\"round\"";
        if (role == "prop") return "fill=\"none\" stroke=\"" + ink.scene + "\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
        return "fill=\"" + ink.body + "\" stroke=\"" + ink.paper + "\" stroke-width=\"0.8\"";
    };
    std::string box = tight ? fmt_number(p.tx) + " " + fmt_number(p.ty) + " " + fmt_number(p.tw) + " " + fmt_number(p.th) : fmt_number(p.x) + " " + fmt_number(p.y) + " " + fmt_number(p.w) + " " + fmt_number(p.h);
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + box + "\">";
    for (const auto& sh : p.scene) {
        // Hugging the drawing, the floor and the wall end at its edges (an SVG viewer need not clip).
        if (tight && sh.role == "floor") s += "<path d=\"M" + fmt_number(p.tx) + " 0L" + fmt_number(p.tx + p.tw) + " 0\" " + fill(sh.role) + "/>";
        else if (tight && sh.role == "wall" && p.wall_x) s += "<path d=\"M" + fmt_number(*p.wall_x) + " 0L" + fmt_number(*p.wall_x) + " " + fmt_number(p.ty) + "\" " + fill(sh.role) + "/>";
        else s += "<path d=\"" + sh.d + "\" " + fill(sh.role) + "/>";
    }
    for (const char* ghost : {"start", "end"}) {
        auto it = p.frames.find(ghost);
        if (it == p.frames.end()) continue;
        s += "<g opacity=\"" + fmt_number(ink.ghost) + "\">";
        for (const auto& sh : it->second) s += "<path d=\"" + sh.d + "\" " + fill(sh.role) + "/>";
        s += "</g>";
    }
    for (const auto& sh : p.frames.at("setup")) s += "<path d=\"" + sh.d + "\" " + fill(sh.role) + "/>";
    if (!p.arrow.empty()) {
        s += "<path d=\"" + p.arrow + "\" fill=\"none\" stroke=\"" + ink.arrow + "\" stroke-width=\"1.4\" stroke-linecap=\"round\"/>";
        s += "<path d=\"" + p.arrow_head + "\" fill=\"" + ink.arrow + "\"/>";
    }
    return s + "</svg>";
}

}  // namespace unknot::poses
