#include "poses/check.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "common/text.hpp"
#include "poses/figure.hpp"

namespace unknot::poses {

namespace {

// The landmark a technique's words name: the longest phrase found in them wins, so "top of the
// shoulder blade" is not read as "shoulder".
const Landmark* landmark_in(const Body& body, const std::string& text) {
    std::string t = ascii_lower(text);
    const Landmark* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& l : body.landmarks)
        for (const auto& ph : l.phrases)
            if (ph.size() > best_len && t.find(ph) != std::string::npos) best = &l, best_len = ph.size();
    return best;
}

}  // namespace

const Pose* pose_for(const std::vector<Pose>& poses, std::string_view move, std::string_view tool) {
    for (const auto& p : poses) {
        if (p.move != move) continue;
        if (tool.empty() ? p.tools.empty() : std::find(p.tools.begin(), p.tools.end(), tool) != p.tools.end()) return &p;
    }
    return nullptr;
}

void check_move(const Body& body, const std::vector<Pose>& poses, const MoveFacts& m, bool require_all) {
    std::vector<std::string> tools = m.tools.empty() ? std::vector<std::string>{""} : m.tools;
    for (const auto& tool : tools) {
        const Pose* p = pose_for(poses, m.id, tool);
        if (!p && !require_all) continue;
        if (!p)
            throw InputError("data/poses", m.kind + " `" + m.id + "` has no picture" + (tool.empty() ? "" : " with the " + tool) +
                                               ": add a `pose:` for it (see docs/poses.md)");
        if (m.kind != "technique") continue;
        const Segment* seg = body.segment(segment_of(p->press));
        if (!seg) throw InputError(p->where(p->line), "`" + p->press + "` is not a part of the figure");
        for (const char* name : {"setup", "start", "end"}) {
            const Frame* f = p->frame(name);
            bool inside = std::any_of(seg->regions.begin(), seg->regions.end(), [&](const RegionFace& rf) {
                return rf.face == p->face && *f->at >= rf.from - 1e-9 && *f->at <= rf.to + 1e-9 &&
                       std::find(m.regions.begin(), m.regions.end(), rf.region) != m.regions.end();
            });
            if (!inside)
                throw InputError(p->where(f->line), "the tool presses the " + p->face + " of `" + p->press + "` at " + fmt_number(*f->at) +
                                                        ", which is not in " + m.id + "'s region (" + join(m.regions, ", ") + ")");
        }
        const Landmark* from = landmark_in(body, m.roll_from);
        const Landmark* to = landmark_in(body, m.roll_to);
        for (auto [l, text] : {std::pair{from, m.roll_from}, std::pair{to, m.roll_to}}) {
            if (!l) throw InputError(body.file, "no landmark names a place in \"" + text + "\" (" + m.id + "): add a phrase to a `landmark:`");
            if (!l->at.contains(seg->id))
                throw InputError(p->where(p->line), "landmark `" + l->id + "` (\"" + text + "\") has no place on `" + seg->id + "`, the part " + m.id + " presses");
        }
        double a = from->at.at(seg->id), b = to->at.at(seg->id);
        double s = *p->frame("start")->at, e = *p->frame("end")->at;
        if (std::fabs(e - s) < 0.15) throw InputError(p->where(p->frame("end")->line), "the roll's start and end are too close to show a path");
        if (std::fabs(s - a) > std::fabs(s - b))
            throw InputError(p->where(p->frame("start")->line), "the roll should start near " + from->id + " (" + fmt_number(a) + " along " + seg->id + "), not at " + fmt_number(s));
        if (std::fabs(e - b) > std::fabs(e - a))
            throw InputError(p->where(p->frame("end")->line), "the roll should end near " + to->id + " (" + fmt_number(b) + " along " + seg->id + "), not at " + fmt_number(e));
    }
}

void check_orphans(const std::vector<Pose>& poses, const std::vector<MoveFacts>& moves) {
    for (const auto& p : poses) {
        auto m = std::find_if(moves.begin(), moves.end(), [&](const MoveFacts& f) { return f.id == p.move; });
        if (m == moves.end()) throw InputError(p.where(p.line), "pose `" + p.id + "` shows `" + p.move + "`, which is no technique, stretch, activation or integration");
        for (const auto& t : p.tools)
            if (std::find(m->tools.begin(), m->tools.end(), t) == m->tools.end())
                throw InputError(p.where(p.line), "pose `" + p.id + "` shows the " + t + ", which " + p.move + " does not use");
        for (const auto& q : poses)
            if (&q < &p && q.move == p.move && (p.tools.empty() ? q.tools.empty() : std::any_of(p.tools.begin(), p.tools.end(), [&](const std::string& t) {
                    return std::find(q.tools.begin(), q.tools.end(), t) != q.tools.end();
                })))
                throw InputError(p.where(p.line), "pose `" + p.id + "` draws " + p.move + " as pose `" + q.id + "` (" + q.where(q.line) + ") already does");
        if (m->kind == "technique" && p.tools.empty()) throw InputError(p.where(p.line), "a technique's pose shows its tool: add `tools:`");
        if (m->kind != "technique" && !p.tools.empty()) throw InputError(p.where(p.line), "only a technique's pose shows a rolling tool");
    }
}

}  // namespace unknot::poses
