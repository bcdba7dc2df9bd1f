// Human names for ids: regions, muscles, tools, targets ("calf:left" -> "Calf, left side").
import type { Muscle, Region, Tool } from '../api/types';
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
