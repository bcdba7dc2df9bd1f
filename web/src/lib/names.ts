// Human names for ids: regions, muscles, tools, targets ("calf:left" -> "Calf, left side").
import type { Compensation, Muscle, Region, Tool, Why } from '../api/types';
import { splitSide } from './requests';

export interface Names {
  regions: Region[];
  muscles: Muscle[];
  tools?: Tool[];
}

export function targetName(id: string, n: Names): string {
  const [base, side] = splitSide(id);
  const name = n.regions.find((r) => r.id === base)?.name ?? n.muscles.find((m) => m.id === base)?.name ?? base.replace(/_/g, ' ');
  return side ? `${name}, ${side} side` : name;
}

export function toolName(id: string, n: Names): string {
  return n.tools?.find((t) => t.id === id)?.name ?? id.replace(/_/g, ' ');
}

export function minutesText(seconds: number): string {
  const m = Math.max(1, Math.round(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
}

export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An item's reasons as one line: "Because: knees move inward, hips shift to one side (C4)". */
export function whyText(why: Why[] | undefined, comps: Compensation[]): string {
  const findings = [...new Set((why ?? []).map((w) => w.finding).filter((f): f is string => !!f))];
  if (!findings.length) return '';
  const sources = [...new Set(why!.flatMap((w) => w.sources))];
  const names = findings.map((f) => {
    const n = comps.find((c) => c.id === f)?.name ?? f.replace(/_/g, ' ');
    return n[0].toLowerCase() + n.slice(1);
  });
  return `Because: ${names.join(', ')}${sources.length ? ` (${sources.join(', ')})` : ''}`;
}

/** An activation's or integration's dose: "10–15 slow reps (4-2-1-1)", "hold 5 s, 10–15 times". */
export function doseText(i: { reps_min: number; reps_max: number; tempo?: string | null; isometric_s?: number | null }): string {
  const r = `${i.reps_min}–${i.reps_max}`;
  if (i.isometric_s) return `hold ${i.isometric_s} s, ${r} times`;
  return i.tempo ? `${r} slow reps (${i.tempo})` : `${r} controlled reps`;
}
