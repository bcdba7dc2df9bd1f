#pragma once
// The figure that draws every move, and the poses it takes: plain values loaded from
// data/poses/. The body is described once (segments, joints and their ranges, landmarks,
// props, tool drawings); a pose is joint directions plus what rests where. No geometry lives
// in code: the renderers only turn these values into shapes.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unknot::poses {

struct Vec {
    double x = 0, y = 0;
};

// Where a region lies on a segment: which face, and how far along it (0 = the segment's start).
struct RegionFace {
    std::string region, face;
    double from = 0, to = 1;
};

// One rigid part of the figure. Paired segments exist twice, `_near` and `_far` (the far one is
// drawn behind, lighter). Directions are absolute, in degrees, 0 = ahead of the figure, 90 = up.
struct Segment {
    std::string id, parent, joint;
    double attach = 1;        // where on the parent it starts (0 = parent's start, 1 = its end)
    double length = 0, w_start = 0, w_end = 0;  // widths are full thicknesses
    double rest = 0;          // direction relative to the parent when a pose leaves it out
    double offset = 0;        // the joint reads (direction - parent - offset) * sign
    int sign = 1;
    double lo = -180, hi = 180, lo_front = -180, hi_front = 180;  // the joint's range, side and front views
    double head = 0;          // a round end of this radius (the head)
    double spread = 0;        // front and top views: a pair starts this far either side of the middle
    bool paired = false;
    std::vector<std::string> faces;  // the faces a tool may press on
    std::vector<RegionFace> regions;
    int line = 0;
};

struct Chain {  // several segments set on one line: `leg_near: 10 350`
    std::string id;
    std::vector<std::string> segments;
};

struct Landmark {  // a place named in a technique's roll_from / roll_to
    std::string id;
    std::vector<std::string> phrases;
    std::map<std::string, double> at;  // segment -> fraction along it
};

struct Prop {  // furniture drawn in the scene: a polyline in figure units, y up from the floor
    std::string id;
    std::vector<std::vector<Vec>> lines;
    std::optional<double> seat;  // height of a surface the body can rest on
    double seat_from = 0, seat_to = 0;
};

struct ToolDrawing {
    std::string tool;
    double radius = 0, ring = 0, length = 0;
    bool handles = false;
};

struct Body {
    std::string file;
    std::vector<Segment> segments;  // parents before children
    std::vector<Chain> chains;
    std::vector<Landmark> landmarks;
    std::vector<Prop> props;
    std::vector<ToolDrawing> tools;
    double rest_tolerance = 2.5, sink_tolerance = 1.2;

    const Segment* segment(const std::string& id) const;
    const Prop* prop(const std::string& id) const;
    const ToolDrawing* tool(const std::string& id) const;
    // The chain a limb part names ("arm_near" -> arm), or nullptr.
    const Chain* chain_of(const std::string& limb) const;
};

// A part is a segment instance: "trunk", "thigh_near", "thigh_far".
std::string segment_of(const std::string& part);

struct Rest {
    std::string part, surface;  // surface: floor, wall, or a prop's seat
    int line = 0;
};

struct Reach {  // a hand solved onto a target: "tool" or a part's end
    std::string arm, target;
    int line = 0;
};

struct Frame {
    std::string name;                   // setup, start, end
    std::optional<double> at;           // where the tool presses along the pressed part
    std::map<std::string, double> set;  // direction overrides for this frame
    int line = 0;
};

enum class View { side, front, top };

struct Pose {
    std::string id, move, file;
    int line = 0;
    View view = View::side;
    std::vector<std::string> tools;     // the tools this picture shows (empty: no tool)
    std::string press, face, toward;    // pressed part, its anatomical face, the picture direction it looks
    std::vector<Rest> rests;
    std::vector<Reach> reaches;
    std::vector<std::pair<std::string, double>> props;  // prop id, x
    std::optional<double> wall;         // x of a wall
    std::string anchor;                 // a part that stays put from frame to frame (a planted foot)
    double pace_s = 3;                  // seconds each way of the demonstrated roll
    std::map<std::string, double> angles;
    std::map<std::string, int> angle_lines;
    std::map<std::string, double> foreshorten;  // a part pointing at the viewer, drawn this much of its length
    std::vector<Frame> frames;

    const Frame* frame(const std::string& name) const;
    std::string where(int at_line) const { return file + ":" + std::to_string(at_line); }
};

}  // namespace unknot::poses
