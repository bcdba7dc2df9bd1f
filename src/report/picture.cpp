#include "report/picture.hpp"

#include <algorithm>

#include "poses/check.hpp"
#include "report/body_map.hpp"
#include "report/page.hpp"

namespace unknot::report {

const poses::Palette& picture_ink() {
    static const poses::Palette p{hex(ink::paper), hex(ink::text), "#8c9599", hex(ink::accent_pale), hex(ink::accent), hex(ink::muted), hex(ink::warn), 0.2};
    return p;
}

std::optional<std::string> picture_svg(const Catalog& catalog, const std::string& move, const std::string& tool, Side side) {
    const poses::Pose* pose = poses::pose_for(catalog.poses(), move, tool);
    if (!pose) return std::nullopt;
    return poses::still_svg(poses::draw(catalog.body(), *pose, tool, side), picture_ink());
}

bool draw_picture(cairo_t* cr, const Catalog& catalog, const std::string& move, const std::string& tool, Side side, double x, double y, double w,
                  double h) {
    const poses::Pose* pose = poses::pose_for(catalog.poses(), move, tool);
    if (!pose) return false;
    // On paper the figure fills its box: the viewBox hugs the drawing.
    auto pic = poses::draw(catalog.body(), *pose, tool, side);
    double s = std::min(w / pic.tw, h / pic.th);
    double pw = pic.tw * s, ph = pic.th * s;
    draw_svg(cr, poses::still_svg(pic, picture_ink(), true), x + (w - pw) / 2, y + (h - ph) / 2, pw, ph);
    return true;
}

}  // namespace unknot::report
