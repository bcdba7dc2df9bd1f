#include "report/pictogram.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/body_map.hpp"
#include "report/page.hpp"

namespace unknot::report {

namespace {

struct Pt {
    double x, y;
};
Pt lerp(Pt a, Pt b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

// A stick figure in a 100 x 72 box, the floor at y = 66. Limbs drawn on the near side only:
// a pictogram shows the position, not the anatomy.
struct Pose {
    Pt head, shoulder, elbow, hand, hip, knee, ankle;
    std::optional<Pt> knee2, ankle2;  // the other leg when it does something different
    bool wall = false;
};

Pose pose_for(const std::string& position) {
    if (position == "prone") return {{14, 44}, {24, 50}, {25, 63}, {38, 63}, {56, 53}, {76, 54}, {96, 57}, {}, {}, false};
    if (position == "plank") return {{13, 36}, {23, 42}, {24, 63}, {37, 63}, {54, 47}, {74, 51}, {95, 57}, {}, {}, false};
    if (position == "side_lying")
        return {{13, 43}, {24, 49}, {25, 64}, {40, 64}, {56, 55}, {77, 57}, {97, 59}, Pt{70, 44}, Pt{74, 64}, false};
    if (position == "supine") return {{15, 42}, {26, 47}, {18, 34}, {11, 40}, {50, 52}, {66, 38}, {76, 64}, {}, {}, false};
    if (position == "standing") return {{64, 12}, {66, 23}, {60, 35}, {60, 46}, {66, 44}, {66, 55}, {66, 66}, Pt{64, 55}, Pt{62, 66}, true};
    // seated, and anything new: sitting with the legs out in front, hands behind.
    return {{20, 22}, {23, 33}, {15, 47}, {9, 64}, {32, 55}, {56, 53}, {84, 56}, {}, {}, false};
}

// Where on the figure the tool presses, for the first region the technique rolls.
Pt contact(const Pose& p, const std::string& region) {
    static const std::map<std::string, int> segment{
        {"calf", 0}, {"lower_leg_outer", 0}, {"shin", 0},      {"thigh_front", 1}, {"thigh_back", 1}, {"thigh_inner", 1},
        {"thigh_outer", 1}, {"hip_outer", 2}, {"hip_front", 2}, {"glutes", 3},     {"upper_back", 4}, {"side_torso", 5},
        {"chest", 5},       {"upper_shoulder", 6}};
    auto it = segment.find(region);
    switch (it == segment.end() ? 1 : it->second) {
        case 0: return lerp(p.knee, p.ankle, 0.5);
        case 1: return lerp(p.hip, p.knee, 0.5);
        case 2: return lerp(p.hip, p.knee, 0.2);
        case 3: return p.hip;
        case 4: return lerp(p.shoulder, p.hip, 0.25);
        case 5: return lerp(p.shoulder, p.hip, 0.2);
        default: return p.shoulder;
    }
}

void line(cairo_t* cr, Pt a, Pt b) {
    cairo_move_to(cr, a.x, a.y);
    cairo_line_to(cr, b.x, b.y);
}

void draw_tool(cairo_t* cr, const std::string& tool, Pt at, bool wall) {
    bool ball = tool == "massage_ball";
    double r = ball ? 3.6 : tool == "medicine_ball" ? 5.2 : 6.2;
    // Against a wall the ball sits between the body and the wall; on the floor, under the body.
    Pt c = wall ? Pt{at.x + r + 2, at.y} : Pt{at.x, std::min(at.y + r + 1.8, 66 - r)};
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, r, 0, 2 * M_PI);
    set_colour(cr, ink::accent_pale);
    cairo_fill_preserve(cr);
    set_colour(cr, ink::accent);
    cairo_set_line_width(cr, 1.6);
    cairo_stroke(cr);
    if (tool == "foam_roller") {  // the end of a cylinder: a ring inside the ring
        cairo_arc(cr, c.x, c.y, r * 0.35, 0, 2 * M_PI);
        cairo_set_line_width(cr, 1.0);
        cairo_stroke(cr);
    }
    if (tool == "handheld_roller") {  // handles either side
        line(cr, {c.x - r - 4, c.y}, {c.x + r + 4, c.y});
        cairo_set_line_width(cr, 2.0);
        cairo_stroke(cr);
    }
}

void draw_figure(cairo_t* cr, const Pose& p) {
    set_colour(cr, ink::text);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, 3.4);
    line(cr, lerp(p.head, p.shoulder, 0.5), p.shoulder);
    cairo_line_to(cr, p.hip.x, p.hip.y);
    cairo_line_to(cr, p.knee.x, p.knee.y);
    cairo_line_to(cr, p.ankle.x, p.ankle.y);
    line(cr, p.shoulder, p.elbow);
    cairo_line_to(cr, p.hand.x, p.hand.y);
    if (p.knee2 && p.ankle2) {
        line(cr, p.hip, *p.knee2);
        cairo_line_to(cr, p.ankle2->x, p.ankle2->y);
    }
    cairo_stroke(cr);
    cairo_arc(cr, p.head.x, p.head.y, 5.6, 0, 2 * M_PI);
    cairo_fill(cr);
}

}  // namespace

void draw_pictogram(cairo_t* cr, const PlanItem& item, const Catalog& catalog, bool both_sides, double x, double y, double w, double h) {
    if (item.kind != ItemKind::smr) {
        // A small body, centred, as tall as the box allows.
        double mh = h, mw = mh * mini_map_aspect;
        draw_svg(cr, mini_map_svg(item.regions, both_sides ? std::nullopt : item.side), x + (w - mw) / 2, y, mw, mh);
        return;
    }
    const Technique* t = catalog.technique(item.id);
    Pose pose = pose_for(t ? t->position : "");
    double s = std::min(w / 100, h / 72);
    cairo_save(cr);
    cairo_translate(cr, x + (w - 100 * s) / 2, y + (h - 72 * s) / 2);
    cairo_scale(cr, s, s);
    // The floor, and the wall for techniques done standing.
    set_colour(cr, ink::rule);
    cairo_set_line_width(cr, 1.2);
    line(cr, {2, 67.5}, {98, 67.5});
    if (pose.wall) line(cr, {79, 4}, {79, 67.5});
    cairo_stroke(cr);
    // The tool first, so the body lies over it.
    draw_tool(cr, item.tool, contact(pose, item.regions.empty() ? "" : item.regions.front()), pose.wall);
    draw_figure(cr, pose);
    cairo_restore(cr);
}

}  // namespace unknot::report
