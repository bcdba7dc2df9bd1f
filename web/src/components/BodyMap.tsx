// The body map: every region from GET /api/v1/regions as a shape at its place, front or back.
// Modes: "targets" (what to roll: places that are never rolled, or that screening left out,
// are drawn but disabled, with the reason as their description), "places" (screening follow-up:
// mark where a wound or injury is; every place can be marked) and "heat" (progress: coloured by
// recent tenderness, read-only).
import { useState } from 'preact/hooks';
import type { Region, Side } from '../api/types';
import { isExcluded } from '../lib/targets';
import { HEAD, LEFT_HALF_SIDE, MIRROR, NECK, SHAPES, SILHOUETTE_HALF, VIEWBOX, type View } from './bodyShapes';

export type MapMode = 'targets' | 'places' | 'heat';

export interface BodyMapProps {
  regions: Region[];
  mode: MapMode;
  label: string; // what the map is for, e.g. "Choose what to roll"
  selected?: ReadonlySet<string>; // "calf:left", "upper_back"
  excluded?: readonly string[]; // from screening: "calf" (both sides) or "calf:left"
  heat?: ReadonlyMap<string, number>; // "calf:left" or "calf" -> tenderness 0..10
  marks?: ReadonlyMap<string, Mark>; // heat mode, two colours instead: "calf:left" or "calf" -> over / under / both
  onToggle?: (key: string) => void;
  idPrefix: string; // keeps ids unique when two maps share a page
  initialView?: View;
}

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export function regionKey(id: string, side: Side | null): string {
  return side ? `${id}:${side}` : id;
}

export function regionLabel(region: Region, side: Side | null): string {
  return side ? `${region.name}, ${side} side` : region.name;
}


/** Tenderness 0..10 as a fill colour: pale sand through amber to deep red. */
export function heatColour(t: number): string {
  const x = Math.max(0, Math.min(10, t)) / 10;
  return `hsl(${Math.round(48 - 46 * x)} ${Math.round(85 + 5 * x)}% ${Math.round(80 - 42 * x)}%)`;
}

export type Mark = 'over' | 'under' | 'both';
const MARK_WORDS = { over: 'overactive', under: 'underactive', both: 'overactive and underactive' };

export function BodyMap(props: BodyMapProps) {
  const [view, setView] = useState<View>(props.initialView ?? 'front');
  const [note, setNote] = useState('');
  const { regions, mode, selected, excluded, heat, marks, onToggle, idPrefix } = props;
  const byId = new Map(regions.map((r) => [r.id, r]));
  const drawn = new Set(Object.values(SHAPES).flatMap((v) => Object.keys(v)));
  const undrawn = regions.filter((r) => !drawn.has(r.id)); // new content: still offered, as a list

  const why = (r: Region, side: Side | null): string | null => {
    if (mode !== 'targets') return null;
    if (!r.rollable) return r.why_not || 'This place is never rolled.';
    if (isExcluded(excluded, r.id, side)) return 'Left out because of your health answers.';
    return null;
  };

  const shape = (r: Region, side: Side | null, d: string, mirrored: boolean) => {
    const key = regionKey(r.id, side);
    const label = regionLabel(r, side);
    const reason = why(r, side);
    const t = heat?.get(key) ?? heat?.get(r.id);
    const [ma, mb] = [marks?.get(key), marks?.get(r.id)];
    const m = ma && mb && ma !== mb ? 'both' : ma ?? mb;
    const cls = ['region', !r.rollable && 'never', reason && 'disabled', selected?.has(key) && 'on', t !== undefined && 'hot', m && `mark-${m}`]
      .filter(Boolean)
      .join(' ');
    const common = { d, class: cls, transform: mirrored ? MIRROR : undefined, 'data-key': key };
    if (marks)
      return <path {...common} role="img" aria-label={`${label}: ${m ? MARK_WORDS[m] : 'nothing found'}`} />;
    if (mode === 'heat')
      return (
        <path {...common} role="img" aria-label={t === undefined ? `${label}: no tender spots logged` : `${label}: tenderness ${t} of 10`}
          style={t === undefined ? undefined : { fill: heatColour(t) }} />
      );
    const descId = reason ? `${idPrefix}-why-${key.replace(':', '-')}` : undefined;
    const act = () => {
      if (reason) setNote(`${label}: ${reason}`);
      else {
        setNote('');
        onToggle?.(key);
      }
    };
    return (
      <path {...common} role="button" tabindex={0} aria-label={label} aria-pressed={reason ? undefined : selected?.has(key) ? 'true' : 'false'}
        aria-disabled={reason ? 'true' : undefined} aria-describedby={descId} onClick={act}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            act();
          }
        }}>
        <title>{label}</title>
      </path>
    );
  };

  const shapes = Object.entries(SHAPES[view]).flatMap(([id, s]) => {
    const r = byId.get(id);
    if (!r || !r.views.includes(view)) return [];
    if (!r.sided || s.centre) return [shape(r, null, s.d, false)];
    const near = LEFT_HALF_SIDE[view];
    return [shape(r, near, s.d, false), shape(r, other(near), s.d, true)];
  });

  // Descriptions for disabled shapes (both views, so ids stay stable when the view flips).
  const reasons = regions.flatMap((r) => (r.sided ? (['left', 'right'] as Side[]) : [null]).map((side) => ({ r, side, why: why(r, side) })))
    .filter((x) => x.why);

  return (
    <div class={`bodymap mode-${mode}`}>
      <div class="segmented" role="group" aria-label="Side of the body shown">
        {(['front', 'back'] as View[]).map((v) => (
          <button type="button" aria-pressed={view === v} onClick={() => setView(v)} key={v}>
            {v === 'front' ? 'Front' : 'Back'}
          </button>
        ))}
      </div>
      <div class="bodymap-frame">
        <span class="bodymap-side" aria-hidden="true">{view === 'front' ? 'Your right' : 'Your left'}</span>
        <svg viewBox={VIEWBOX} role="group" aria-label={`${props.label}: ${view} view`} class="bodymap-svg">
          <g class="silhouette" aria-hidden="true">
            <ellipse {...HEAD} />
            <path d={NECK} />
            {SILHOUETTE_HALF.map((d) => <path d={d} key={d} />)}
            {SILHOUETTE_HALF.map((d) => <path d={d} transform={MIRROR} key={`m${d}`} />)}
          </g>
          {shapes}
        </svg>
        <span class="bodymap-side end" aria-hidden="true">{view === 'front' ? 'Your left' : 'Your right'}</span>
      </div>
      <div hidden>
        {reasons.map((x) => (
          <span id={`${idPrefix}-why-${regionKey(x.r.id, x.side).replace(':', '-')}`} key={regionKey(x.r.id, x.side)}>{x.why}</span>
        ))}
      </div>
      {mode !== 'heat' && <p class="bodymap-note" role="status">{note}</p>}
      {mode === 'heat' && !marks && (
        <p class="heat-scale" aria-hidden="true">
          <span>mild</span>
          <span class="heat-bar" style={{ background: `linear-gradient(90deg, ${[0, 2.5, 5, 7.5, 10].map(heatColour).join(', ')})` }} />
          <span>very tender</span>
        </p>
      )}
      {undrawn.length > 0 && mode !== 'heat' && (
        <div class="chips" role="group" aria-label="More places">
          {undrawn.flatMap((r) => (r.sided ? (['left', 'right'] as Side[]) : [null]).map((side) => {
            const key = regionKey(r.id, side);
            const reason = why(r, side);
            return (
              <button type="button" class="chip" key={key} aria-pressed={selected?.has(key) ?? false} disabled={!!reason}
                title={reason ?? undefined} onClick={() => onToggle?.(key)}>
                {regionLabel(r, side)}
              </button>
            );
          }))}
        </div>
      )}
    </div>
  );
}
