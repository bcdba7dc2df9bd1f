#pragma once
// Reads data/poses/*.rec into a Body and its Poses, field by field, with file:line errors for
// an unknown part, a direction outside a joint's range, or a tool pressing off the body.
#include <vector>

#include "catalog/record.hpp"
#include "poses/model.hpp"

namespace unknot::poses {

// The record kinds this loader reads.
bool is_pose_kind(const std::string& kind);

class Loader {
public:
    void add(const catalog::Record& r);  // a body record or a pose, in any order
    // Checks every pose against the body (parts, ranges, faces, rests, props); throws InputError.
    void finish();
    Body& body() { return body_; }
    std::vector<Pose>& poses() { return poses_; }

private:
    void segment(const catalog::Record& r);
    void pose(const catalog::Record& r);
    void check(const Pose& p) const;
    void check(const Pose& p, const std::string& tool) const;
    Body body_;
    std::vector<Pose> poses_;
    std::vector<catalog::Record> pending_;  // poses wait for the body's chains and segments
};

}  // namespace unknot::poses
