// What "choose what to roll" means against the body map and the screening: which shapes a
// target list presses (a muscle presses the places it lies in), and which targets a screening
// leaves out, with the reason, so a goal never puts an excluded place first.
import type { Muscle, Region, Side } from '../api/types';
import { splitSide } from './requests';

/** Screening leaves this place out: all of it ("calf") or this side ("calf:left"). */
export function isExcluded(excluded: readonly string[] | undefined, id: string, side: Side | null): boolean {
  return !!excluded?.some((e) => e === id || (side !== null && e === `${id}:${side}`));
}

const bothSides = (id: string) => [`${id}:left`, `${id}:right`];

/** The map keys a target covers: "calf" both sides, "calf:left" one, a muscle its regions. */
export function keysOf(target: string, regions: Region[], muscles: Muscle[]): string[] {
  const [id, side] = splitSide(target);
  const r = regions.find((x) => x.id === id);
  if (r) return side || !r.sided ? [target] : bothSides(id);
  const m = muscles.find((x) => x.id === id);
  if (!m) return [];
  return m.regions.flatMap((g) => {
    const gr = regions.find((x) => x.id === g);
    if (!gr) return [];
    if (!gr.sided) return [g];
    return side ? [`${g}:${side}`] : bothSides(g);
  });
}

/** The map's pressed shapes for a target list. */
export function pressedKeys(targets: string[], regions: Region[], muscles: Muscle[] = []): Set<string> {
  return new Set(targets.flatMap((t) => keysOf(t, regions, muscles)));
}

/** Why a target can't be rolled for this person, or null. A target is left out when every
 *  place it covers is never rolled or excluded by screening ("calf" or "calf:left"). */
export function leftOutWhy(target: string, regions: Region[], muscles: Muscle[], excluded: readonly string[]): string | null {
  const keys = keysOf(target, regions, muscles);
  if (keys.length === 0) return null; // unknown to the map: the planner decides
  const why = keys.map((k) => {
    const [id, side] = splitSide(k);
    const r = regions.find((x) => x.id === id);
    if (r && !r.rollable) return 'never rolled';
    return isExcluded(excluded, id, side) ? 'your health answers' : null;
  });
  if (why.some((w) => w === null)) return null;
  return why.includes('your health answers') ? 'your health answers' : 'never rolled';
}

/** A goal's targets split for this person: the ones to roll (in the goal's order) and the
 *  ones screening leaves out, each with its reason. */
export function screenTargets(targets: string[], regions: Region[], muscles: Muscle[], excluded: readonly string[]) {
  const keep: string[] = [];
  const leftOut: Array<{ target: string; why: string }> = [];
  for (const t of targets) {
    const why = leftOutWhy(t, regions, muscles, excluded);
    if (why) leftOut.push({ target: t, why });
    else keep.push(t);
  }
  return { keep, leftOut };
}
