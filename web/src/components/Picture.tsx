// A move's picture. The figure is content (data/poses/), drawn by the server into SVG path data
// (GET /api/v1/pictures/{move}) so the app and the printed handout show the same body; this only
// lays those paths out: the set-up pose, the roll's start and end ghosted with its path as an
// arrow, or the roll itself moving at its slow pace. Fetched when shown, never in the first bundle.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Picture as PictureData, PictureShape, Side } from '../api/types';

/** still: set-up with the roll's ends ghosted; setup: the set-up alone; move: animated (still when motion is reduced). */
export type PictureMode = 'still' | 'setup' | 'move';

const REDUCE = '(prefers-reduced-motion: reduce)';

function useReducedMotion(): boolean {
  const mq = typeof matchMedia === 'function' ? matchMedia(REDUCE) : null;
  const [reduced, setReduced] = useState(mq?.matches ?? false);
  useEffect(() => {
    if (!mq) return;
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

const Shapes = ({ list, cls }: { list: PictureShape[]; cls?: string }) => (
  <g class={cls}>
    {list.map((s) => <path key={s.part} d={s.d} class={s.role} />)}
  </g>
);

/** Both frames share parts and path commands, so SMIL can move every number between them. */
function Moving({ from, to, pace }: { from: PictureShape[]; to: PictureShape[]; pace: number }) {
  const ease = '0.42 0 0.58 1;0.42 0 0.58 1';
  return (
    <g class="moving">
      {from.map((s, i) => (
        <path key={s.part} d={s.d} class={s.role}>
          {to[i] && to[i].d !== s.d && (
            <animate attributeName="d" values={`${s.d};${to[i].d};${s.d}`} keyTimes="0;0.5;1" calcMode="spline" keySplines={ease}
              dur={`${2 * pace}s`} repeatCount="indefinite" />
          )}
        </path>
      ))}
    </g>
  );
}

export function Picture({ move, tool, side, mode = 'still', size = 120, label }: {
  move: string;
  tool?: string | null;
  side?: Side | null;
  mode?: PictureMode;
  size?: number;
  label: string;
}) {
  const [pic, setPic] = useState<PictureData | null>(null);
  const reduced = useReducedMotion();
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    let live = true;
    setPic(null);
    api.picture(move, tool ?? undefined, side ?? undefined).then((p) => live && setPic(p), () => undefined);
    return () => {
      live = false;
    };
  }, [move, tool, side]);
  // Chrome leaves SMIL in an <svg> made by script unstarted until told to begin.
  useEffect(() => {
    svg.current?.querySelectorAll('animate').forEach((a) => (a as SVGAnimationElement).beginElement());
  }, [pic, reduced, mode]);
  const height = Math.round((size * 104) / 150);
  if (!pic) return <span class="picture picture-wait" style={{ width: `${size}px`, height: `${height}px` }} aria-hidden="true" />;
  const [x, y, w, h] = pic.view_box;
  const f = pic.frames;
  const [a, b] = f.start && f.end ? [f.start, f.end] : f.end ? [f.setup, f.end] : [null, null];
  const animate = mode === 'move' && !reduced && a && b;
  const ghosts = mode !== 'setup' && !animate;
  return (
    <svg ref={svg} class={`picture view-${pic.view}`} viewBox={`${x} ${y} ${w} ${h}`} width={size} height={Math.round((size * h) / w)} role="img"
      aria-label={label} data-move={pic.move} data-animated={animate ? 'yes' : 'no'}>
      <Shapes list={pic.scene} />
      {ghosts && f.start && <Shapes list={f.start} cls="ghost" />}
      {ghosts && f.end && <Shapes list={f.end} cls="ghost" />}
      {animate ? <Moving from={a} to={b} pace={pic.pace_s} /> : <Shapes list={f.setup} />}
      {ghosts && pic.arrow && (
        <g class="roll-path">
          <path d={pic.arrow.line} class="arrow-line" />
          <path d={pic.arrow.head} class="arrow-head" />
        </g>
      )}
    </svg>
  );
}
