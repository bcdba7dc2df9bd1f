// The pictures of the moves (data/poses/), checked against the moves' own data with the facts
// recomputed here rather than trusted from the loader, and broken pose files rejected at
// file:line. A picture that puts the roller off the region or a body in the floor fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "catalog/catalog.hpp"
#include "codec/codec.hpp"
#include "common/error.hpp"
#include "poses/check.hpp"
#include "poses/figure.hpp"
#include "poses/picture.hpp"
#include "support/catalog_fixture.hpp"
#include "support/content_edits.hpp"

namespace unknot {
namespace {

using poses::Placed;
using poses::Pose;

const poses::Body& body() { return test::catalog().body(); }

struct Shown {
    std::string move, kind, tool;
    const Pose* pose;
};

std::vector<Shown> everything() {
    const auto& c = test::catalog();
    std::vector<Shown> out;
    auto add = [&](const std::string& id, const std::string& kind, const std::string& tool) {
        out.push_back({id, kind, tool, poses::pose_for(c.poses(), id, tool)});
    };
    for (const auto& t : c.techniques())
        for (const auto& tool : t.tools) add(t.id, "technique", tool);
    for (const auto& s : c.stretches()) add(s.id, "stretch", "");
    for (const auto& a : c.activations()) add(a.id, "activation", "");
    for (const auto& g : c.integrations()) add(g.id, "integration", "");
    return out;
}

double lowest(const poses::PlacedPart& p) {
    double y = std::min(p.a.y - p.wa / 2, p.b.y - p.wb / 2);
    return p.head > 0 ? std::min(y, p.b.y - p.head) : y;
}

TEST(Poses, EveryMoveWithEveryToolHasAPicture) {
    auto all = everything();
    ASSERT_GT(all.size(), 60u);
    for (const auto& s : all) EXPECT_NE(s.pose, nullptr) << s.kind << " " << s.move << " " << s.tool;
}

TEST(Poses, TheToolPressesOnThePressedPartInsideTheTechniquesRegion) {
    const auto& c = test::catalog();
    for (const auto& t : c.techniques())
        for (const auto& tool : t.tools) {
            const Pose* p = poses::pose_for(c.poses(), t.id, tool);
            ASSERT_NE(p, nullptr);
            const poses::Segment* seg = body().segment(poses::segment_of(p->press));
            for (const char* frame : {"setup", "start", "end"}) {
                Placed fig = poses::place(body(), *p, frame, tool);
                ASSERT_TRUE(fig.tool) << t.id;
                const auto* part = fig.part(p->press);
                // The contact point is on the pressed part's surface: its distance from the
                // centre line equals the half width there.
                poses::Vec ab{part->b.x - part->a.x, part->b.y - part->a.y};
                poses::Vec ac{fig.tool->contact.x - part->a.x, fig.tool->contact.y - part->a.y};
                double len2 = ab.x * ab.x + ab.y * ab.y;
                double f = (ab.x * ac.x + ab.y * ac.y) / len2;
                EXPECT_NEAR(f, *p->frame(frame)->at, 0.02) << t.id << " " << frame;
                double off = std::fabs(ab.x * ac.y - ab.y * ac.x) / std::sqrt(len2);
                double half = (part->wa + (part->wb - part->wa) * f) / 2;
                if (p->view != poses::View::top) {
                    EXPECT_NEAR(off, half, 0.05) << t.id << " " << frame;
                }
                // ...and the tool touches it there, on the outside.
                double gap = std::hypot(fig.tool->centre.x - fig.tool->contact.x, fig.tool->centre.y - fig.tool->contact.y);
                if (p->view != poses::View::top) {
                    EXPECT_NEAR(gap, fig.tool->radius, 0.05) << t.id;
                }
                bool in_region = std::any_of(seg->regions.begin(), seg->regions.end(), [&](const poses::RegionFace& r) {
                    return r.face == p->face && f >= r.from - 0.02 && f <= r.to + 0.02 &&
                           std::find(t.regions.begin(), t.regions.end(), r.region) != t.regions.end();
                });
                EXPECT_TRUE(in_region) << t.id << " " << frame << ": presses the " << p->face << " of " << p->press << " at " << f;
                // A floor tool sits on the floor; nothing of a handheld one is under it.
                if (!fig.tool->handles && p->toward == "down" && p->view != poses::View::top) {
                    EXPECT_NEAR(fig.tool->centre.y, fig.tool->radius, 0.05) << t.id;
                }
                if (p->wall && !fig.tool->handles) {
                    EXPECT_NEAR(std::fabs(fig.tool->centre.x - *p->wall), fig.tool->radius, 0.05) << t.id << " against the wall";
                }
            }
        }
}

TEST(Poses, TheRollRunsTheWayTheTechniqueSays) {
    const auto& c = test::catalog();
    for (const auto& t : c.techniques())
        for (const auto& tool : t.tools) {
            const Pose* p = poses::pose_for(c.poses(), t.id, tool);
            ASSERT_NE(p, nullptr);
            double s = *p->frame("start")->at, e = *p->frame("end")->at;
            EXPECT_GE(std::fabs(e - s), 0.15) << t.id;
            // Find where roll_from and roll_to lie on the pressed part, by the longest landmark phrase.
            auto where = [&](const std::string& text) -> std::optional<double> {
                std::string lower = text;
                std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
                std::size_t best = 0;
                std::optional<double> at;
                for (const auto& l : body().landmarks)
                    for (const auto& ph : l.phrases)
                        if (ph.size() > best && lower.find(ph) != std::string::npos && l.at.contains(poses::segment_of(p->press)))
                            best = ph.size(), at = l.at.at(poses::segment_of(p->press));
                return at;
            };
            auto from = where(t.roll_from), to = where(t.roll_to);
            ASSERT_TRUE(from && to) << t.id;
            EXPECT_EQ(e > s, *to > *from) << t.id << ": the roll goes the wrong way along " << p->press;
        }
}

TEST(Poses, BodiesRestWhereThePoseSaysAndNeverSinkIntoTheFloor) {
    for (const auto& shown : everything()) {
        ASSERT_NE(shown.pose, nullptr) << shown.move;
        const Pose& p = *shown.pose;
        if (p.view == poses::View::top) continue;
        for (const auto& f : p.frames) {
            Placed fig = poses::place(body(), p, f.name, shown.tool);
            EXPECT_TRUE(fig.problems.empty()) << shown.move << " " << f.name << ": " << (fig.problems.empty() ? "" : fig.problems[0].text);
            for (const auto& part : fig.parts) EXPECT_GE(lowest(part), -body().sink_tolerance - 1e-6) << shown.move << " " << part.part;
            for (const auto& r : p.rests) {
                if (r.surface != "floor") continue;
                EXPECT_NEAR(lowest(*fig.part(r.part)), 0, body().rest_tolerance + 1e-6) << shown.move << " " << f.name << ": " << r.part;
            }
        }
    }
}

TEST(Poses, JointsStayWithinTheirRanges) {
    for (const auto& shown : everything()) {
        const Pose& p = *shown.pose;
        for (const auto& f : p.frames) {
            Placed fig = poses::place(body(), p, f.name, shown.tool);
            for (const auto& s : body().segments) {
                if (s.parent.empty()) continue;
                for (const auto& part : poses::parts_of(body(), s)) {
                    double r = poses::joint_reading(body(), fig, part);
                    double lo = p.view == poses::View::side ? s.lo : s.lo_front, hi = p.view == poses::View::side ? s.hi : s.hi_front;
                    EXPECT_TRUE(r >= lo - 0.01 && r <= hi + 0.01) << shown.move << " " << f.name << " " << part << " " << r;
                }
            }
        }
    }
}

std::string commands(const std::string& d) { return std::regex_replace(d, std::regex("[-0-9. ]+"), ""); }

TEST(Poses, FramesShareTheirPartsAndPathCommandsSoTheyCanBeAnimated) {
    for (const auto& shown : everything()) {
        auto pic = poses::draw(body(), *shown.pose, shown.tool, Side::left);
        const auto& setup = pic.frames.at("setup");
        for (const auto& [name, list] : pic.frames) {
            ASSERT_EQ(list.size(), setup.size()) << shown.move << " " << name;
            for (std::size_t i = 0; i < list.size(); ++i) {
                EXPECT_EQ(list[i].part, setup[i].part) << shown.move;
                EXPECT_EQ(commands(list[i].d), commands(setup[i].d)) << shown.move << " " << name << " " << list[i].part;
            }
        }
        if (shown.kind == "technique") {
            EXPECT_FALSE(pic.arrow.empty()) << shown.move;
            EXPECT_TRUE(pic.frames.contains("start") && pic.frames.contains("end")) << shown.move;
        }
    }
}

std::vector<double> line_points(const std::string& d) {
    // The M and L points only: arcs' flags legitimately flip in a mirror image.
    std::vector<double> out;
    std::regex pt("[ML](-?[0-9.]+) (-?[0-9.]+)");
    for (auto it = std::sregex_iterator(d.begin(), d.end(), pt); it != std::sregex_iterator(); ++it) {
        out.push_back(std::stod((*it)[1]));
        out.push_back(std::stod((*it)[2]));
    }
    return out;
}

TEST(Poses, TheRightSideIsTheLeftSidesMirrorImage) {
    const Pose* p = poses::pose_for(test::catalog().poses(), "calves_roll", "foam_roller");
    auto left = poses::draw(body(), *p, "foam_roller", Side::left), right = poses::draw(body(), *p, "foam_roller", Side::right);
    EXPECT_NEAR(left.x, -(right.x + right.w), 0.11);
    for (std::size_t i = 0; i < left.frames.at("setup").size(); ++i) {
        auto l = line_points(left.frames.at("setup")[i].d), r = line_points(right.frames.at("setup")[i].d);
        ASSERT_EQ(l.size(), r.size());
        for (std::size_t k = 0; k < l.size(); k += 2) {
            EXPECT_NEAR(l[k], -r[k], 0.11);
            EXPECT_NEAR(l[k + 1], r[k + 1], 0.11);
        }
    }
}

TEST(Poses, NoTwoMovesShareAPicture) {
    std::map<std::string, std::string> seen;
    for (const auto& shown : everything()) {
        auto svg = poses::still_svg(poses::draw(body(), *shown.pose, shown.tool, Side::left), {"#fff", "#000", "#888", "#eee", "#222", "#666", "#a00"});
        auto key = shown.move + " " + shown.tool;
        auto [it, fresh] = seen.emplace(svg, key);
        EXPECT_TRUE(fresh) << key << " is drawn exactly like " << it->second;
    }
}

// --- broken pose files -----------------------------------------------------------------------

class BrokenPose : public test::RealContent {
protected:
    static std::string pose(const std::string& name) { return "/poses/" + name; }
    void change(const std::string& name, const std::string& from, const std::string& to) { replace(pose(name), from, to); }
    std::string line(const std::string& name, const std::string& line_start) {
        // where() finds the text; a line start is the text after a newline.
        auto w = where(pose(name), "\n" + line_start);
        auto colon = w.rfind(':');
        return w.substr(0, colon + 1) + std::to_string(std::stoi(w.substr(colon + 1)) + 1);
    }
};

TEST_F(BrokenPose, AnUnknownPartSaysWhere) {
    change("calves_roll.rec", "press: shin_near back down", "press: tibia_near back down");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "press:"));
    EXPECT_NE(e.message().find("`tibia_near` is not a part of the figure"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, AJointBentPastItsRangeSaysWhichAndWhere) {
    // The knee bent backwards: the shin turned up past the thigh.
    change("calves_roll.rec", "leg_near: 354 356", "leg_near: 354 30");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "leg_near:"));
    EXPECT_NE(e.message().find("knee"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("outside its range"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, AContactPointOffTheBodyIsRejected) {
    change("calves_roll.rec", "setup: 0.5", "setup: 1.4");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "setup:"));
    EXPECT_NE(e.message().find("0 to 1 along"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, AToolOutsideTheTechniquesRegionIsRejected) {
    // The front of the shin is not the calf.
    change("calves_roll.rec", "press: shin_near back down", "press: shin_near front down");
    auto e = load_error();
    EXPECT_NE(e.where().find("calves_roll.rec:"), std::string::npos) << e.where();
    EXPECT_NE(e.message().find("not in calves_roll's region"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, ARollThatRunsBackwardsIsRejected) {
    change("calves_roll.rec", "start: 0.85", "start: 0.12");
    change("calves_roll.rec", "end: 0.15", "end: 0.88");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "start:"));
    EXPECT_NE(e.message().find("should start near ankle"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, AHandThatShouldRestOnTheFloorButFloatsIsRejected) {
    change("calves_roll.rec", "arm_near: 268 268 185", "arm_near: 320 320 320");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "rests:"));
    EXPECT_NE(e.message().find("`hand_near` should rest on the floor"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, AMoveWithoutAPictureIsNamed) {
    std::erase_if(files, [](const ContentFile& f) { return f.path.ends_with("/poses/calves_roll_ball.rec"); });
    auto e = load_error();
    EXPECT_NE(e.message().find("technique `calves_roll` has no picture with the massage_ball"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, TwoPicturesOfOneMoveWithOneToolAreRejected) {
    auto copy = file(pose("wall_calf_stretch_straight_knee.rec"));
    auto at = copy.text.find("pose: wall_calf_stretch_straight_knee");
    ASSERT_NE(at, std::string::npos);
    copy.text.replace(at, 37, "pose: calf_wall_again\nmove: wall_calf_stretch_straight_knee");
    copy.path += ".again.rec";
    files.push_back(copy);
    auto e = load_error();
    EXPECT_NE(e.message().find("as pose `wall_calf_stretch_straight_knee`"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("already does"), std::string::npos) << e.message();
}

TEST_F(BrokenPose, APictureOfNoMoveIsRejected) {
    change("calves_roll.rec", "pose: calves_roll", "pose: calves_roll\nmove: calf_roll");
    auto e = load_error();
    EXPECT_EQ(e.where(), line("calves_roll.rec", "pose:"));
    EXPECT_NE(e.message().find("`calf_roll`, which is no technique"), std::string::npos) << e.message();
}

}  // namespace
}  // namespace unknot
