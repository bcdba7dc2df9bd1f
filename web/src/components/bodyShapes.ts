// The body map's geometry comes from data/body_map.json, the file the PDF handouts draw from too
// (src/report/body_shapes.cpp), so the screen and the paper show the same body. Each sided region
// is drawn once for the half of the picture left of centre and mirrored for the other half. In the
// FRONT view the left of the picture is the person's RIGHT side (we face them); in the BACK view it
// is their LEFT side.
import geometry from '../../../data/body_map.json';

export type View = 'front' | 'back';

export const VIEWBOX = geometry.viewbox.join(' ');
export const MIRROR = geometry.mirror;

/** Outline of the body for one half (mirrored for the other), plus the head. Decorative. */
export const SILHOUETTE_HALF: readonly string[] = geometry.silhouette_half;
export const HEAD = geometry.head;
export const NECK = geometry.neck;

export interface Shape {
  d: string;
  /** Unsided regions are drawn once, centred; sided ones twice (the second mirrored). */
  centre?: boolean;
}

const shapesOf = (view: View): Record<string, Shape> =>
  Object.fromEntries(geometry.views[view].regions.map((r) => [r.region, { d: r.d, centre: 'centre' in r ? r.centre : undefined }]));

export const SHAPES: Record<View, Record<string, Shape>> = { front: shapesOf('front'), back: shapesOf('back') };

/** Which side of the person the picture's left half shows. */
export const LEFT_HALF_SIDE: Record<View, 'left' | 'right'> = {
  front: geometry.views.front.left_half_side as 'left' | 'right',
  back: geometry.views.back.left_half_side as 'left' | 'right',
};
