// Hand-drawn body map geometry, viewBox "24 0 192 500", body centred on x = 120.
// Each sided region is drawn once for the half of the picture left of centre and mirrored for
// the other half. In the FRONT view the left of the picture is the person's RIGHT side (we face
// them); in the BACK view it is their LEFT side.

export type View = 'front' | 'back';

export const VIEWBOX = '24 0 192 500';
export const MIRROR = 'translate(240 0) scale(-1 1)';

/** Outline of the body for one half (mirrored for the other), plus the head. Decorative. */
export const SILHOUETTE_HALF = [
  // torso
  'M120,74 L104,75 C90,76 78,79 71,87 C66,95 67,110 70,124 L75,152 C77,166 81,176 81,186 C77,200 73,216 73,238 L120,242 Z',
  // arm
  'M71,87 C59,91 55,103 53,122 L47,168 C45,190 41,214 38,246 C37,260 39,270 45,271 C51,272 53,262 54,252 L60,201 C63,186 66,171 68,152 L70,124 Z',
  // leg
  'M73,238 C72,272 77,310 83,348 C85,362 84,378 84,394 C83,420 86,444 88,462 L88,474 C80,478 76,486 82,490 L112,490 C115,482 113,472 112,462 C112,440 114,416 114,394 C114,378 112,364 114,350 C116,318 118,280 120,242 Z',
];
export const HEAD = { cx: 120, cy: 34, rx: 19, ry: 24 };
export const NECK = 'M110,52 L130,52 L131,78 L109,78 Z';

export interface Shape {
  d: string;
  /** Unsided regions are drawn once, centred; sided ones twice (the second mirrored). */
  centre?: boolean;
}

const ellipse = (cx: number, cy: number, rx: number, ry: number) =>
  `M${cx - rx},${cy} a${rx},${ry} 0 1,0 ${2 * rx},0 a${rx},${ry} 0 1,0 ${-2 * rx},0 Z`;

export const SHAPES: Record<View, Record<string, Shape>> = {
  front: {
    neck_front: { d: 'M111,57 L119,57 L119,77 L110,77 Z' },
    chest: { d: 'M118,84 L101,82 C91,83 83,88 81,97 L83,122 C93,131 108,133 118,129 Z' },
    side_torso: { d: 'M72,100 C75,96 78,96 80,99 L83,126 L85,172 L79,174 C78,160 76,140 72,124 Z' },
    abdomen: { d: 'M88,135 C104,139 136,139 152,135 L156,184 C140,191 100,191 84,184 Z', centre: true },
    hip_front: { d: 'M91,193 L118,196 L118,236 L104,237 C98,224 93,210 91,193 Z' },
    hip_outer: { d: 'M77,192 L88,193 C90,209 94,223 99,237 L75,241 C75,225 75,207 77,192 Z' },
    thigh_outer: { d: 'M75,249 L86,248 L92,338 L84,342 C80,318 76,288 75,249 Z' },
    thigh_front: { d: 'M89,247 L107,245 L110,340 L95,340 Z' },
    thigh_inner: { d: 'M110,245 L119,246 C118,280 116,306 113,332 L112,332 Z' },
    knee: { d: ellipse(99, 360, 12, 12) },
    lower_leg_outer: { d: 'M86,381 L93,379 L96,448 L90,450 C88,428 86,404 86,381 Z' },
    shin: { d: 'M96,378 L107,378 L105,449 L99,449 Z' },
    ankle: { d: ellipse(100, 465, 11, 7) },
  },
  back: {
    cervical_spine: { d: 'M114,55 L126,55 L126,79 L114,79 Z', centre: true },
    upper_shoulder: { d: 'M112,80 L96,82 C86,83 78,86 74,93 L98,97 L112,93 Z' },
    upper_back: { d: 'M92,99 L148,99 L146,150 L94,150 Z', centre: true },
    side_torso: { d: 'M72,100 C75,96 79,96 82,99 L88,126 L87,172 L79,174 C78,160 76,140 72,124 Z' },
    lower_back: { d: 'M94,154 L146,154 L151,190 L89,190 Z', centre: true },
    hip_outer: { d: 'M77,192 L86,194 C84,210 84,226 86,240 L75,242 C74,226 75,208 77,192 Z' },
    glutes: { d: 'M90,195 L118,196 L118,245 C104,250 93,246 89,238 C87,224 87,208 90,195 Z' },
    thigh_outer: { d: 'M75,250 L86,250 L91,338 L84,342 C80,318 76,288 75,250 Z' },
    thigh_back: { d: 'M89,251 L118,249 C117,288 115,318 112,342 L94,342 Z' },
    knee: { d: ellipse(99, 360, 12, 12) },
    lower_leg_outer: { d: 'M85,383 L91,381 L93,448 L89,450 C87,428 85,404 85,383 Z' },
    calf: { d: 'M95,377 C90,392 90,420 96,447 L108,447 C114,420 114,392 108,377 Z' },
    ankle: { d: ellipse(100, 465, 11, 7) },
  },
};

/** Which side of the person the picture's left half shows. */
export const LEFT_HALF_SIDE: Record<View, 'left' | 'right'> = { front: 'right', back: 'left' };
