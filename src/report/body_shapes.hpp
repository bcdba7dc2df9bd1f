#pragma once
// Body map geometry shared with the web app (web/src/components/bodyShapes.ts): x from 24 to 216,
// y from 0 to 500, the body centred on x = 120. A sided region is drawn on the left half of the
// picture and mirrored onto the right. `x`, `y` is where a callout points.
namespace unknot::report::shapes {

inline constexpr const char* silhouette_half[] = {
    "M120,74 L104,75 C90,76 78,79 71,87 C66,95 67,110 70,124 L75,152 C77,166 81,176 81,186 C77,200 73,216 73,238 L120,242 Z",
    "M71,87 C59,91 55,103 53,122 L47,168 C45,190 41,214 38,246 C37,260 39,270 45,271 C51,272 53,262 54,252 L60,201 C63,186 66,171 "
    "68,152 L70,124 Z",
    "M73,238 C72,272 77,310 83,348 C85,362 84,378 84,394 C83,420 86,444 88,462 L88,474 C80,478 76,486 82,490 L112,490 C115,482 113,472 "
    "112,462 C112,440 114,416 114,394 C114,378 112,364 114,350 C116,318 118,280 120,242 Z",
};
inline constexpr const char* neck_path = "M110,52 L130,52 L131,78 L109,78 Z";

struct Shape {
    bool back;
    const char* region;
    const char* d;
    bool centre;
    double x, y;
};

inline constexpr Shape all[] = {
    {false, "neck_front", "M111,57 L119,57 L119,77 L110,77 Z", false, 114.5, 67},
    {false, "chest", "M118,84 L101,82 C91,83 83,88 81,97 L83,122 C93,131 108,133 118,129 Z", false, 100, 106},
    {false, "side_torso", "M72,100 C75,96 78,96 80,99 L83,126 L85,172 L79,174 C78,160 76,140 72,124 Z", false, 79, 135},
    {false, "abdomen", "M88,135 C104,139 136,139 152,135 L156,184 C140,191 100,191 84,184 Z", true, 110, 163},
    {false, "hip_front", "M91,193 L118,196 L118,236 L104,237 C98,224 93,210 91,193 Z", false, 107, 214},
    {false, "hip_outer", "M77,192 L88,193 C90,209 94,223 99,237 L75,241 C75,225 75,207 77,192 Z", false, 84, 218},
    {false, "thigh_outer", "M75,249 L86,248 L92,338 L84,342 C80,318 76,288 75,249 Z", false, 83, 295},
    {false, "thigh_front", "M89,247 L107,245 L110,340 L95,340 Z", false, 100, 292},
    {false, "thigh_inner", "M110,245 L119,246 C118,280 116,306 113,332 L112,332 Z", false, 115, 280},
    {false, "knee", "M87,360 a12,12 0 1,0 24,0 a12,12 0 1,0 -24,0 Z", false, 99, 360},
    {false, "lower_leg_outer", "M86,381 L93,379 L96,448 L90,450 C88,428 86,404 86,381 Z", false, 91, 414},
    {false, "shin", "M96,378 L107,378 L105,449 L99,449 Z", false, 101.5, 413},
    {false, "ankle", "M89,465 a11,7 0 1,0 22,0 a11,7 0 1,0 -22,0 Z", false, 100, 465},
    {true, "cervical_spine", "M114,55 L126,55 L126,79 L114,79 Z", true, 120, 67},
    {true, "upper_shoulder", "M112,80 L96,82 C86,83 78,86 74,93 L98,97 L112,93 Z", false, 98, 89},
    {true, "upper_back", "M92,99 L148,99 L146,150 L94,150 Z", true, 110, 124},
    {true, "side_torso", "M72,100 C75,96 79,96 82,99 L88,126 L87,172 L79,174 C78,160 76,140 72,124 Z", false, 80, 135},
    {true, "lower_back", "M94,154 L146,154 L151,190 L89,190 Z", true, 110, 172},
    {true, "hip_outer", "M77,192 L86,194 C84,210 84,226 86,240 L75,242 C74,226 75,208 77,192 Z", false, 80, 217},
    {true, "glutes", "M90,195 L118,196 L118,245 C104,250 93,246 89,238 C87,224 87,208 90,195 Z", false, 104, 221},
    {true, "thigh_outer", "M75,250 L86,250 L91,338 L84,342 C80,318 76,288 75,250 Z", false, 83, 296},
    {true, "thigh_back", "M89,251 L118,249 C117,288 115,318 112,342 L94,342 Z", false, 104, 295},
    {true, "knee", "M87,360 a12,12 0 1,0 24,0 a12,12 0 1,0 -24,0 Z", false, 99, 360},
    {true, "lower_leg_outer", "M85,383 L91,381 L93,448 L89,450 C87,428 85,404 85,383 Z", false, 89, 415},
    {true, "calf", "M95,377 C90,392 90,420 96,447 L108,447 C114,420 114,392 108,377 Z", false, 102, 412},
    {true, "ankle", "M89,465 a11,7 0 1,0 22,0 a11,7 0 1,0 -22,0 Z", false, 100, 465},
};

}  // namespace unknot::report::shapes
