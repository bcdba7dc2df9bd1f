// The big elapsed/remaining ring of the guided session, with marks (30 s and 90 s in a hold).
const R = 100;
const C = 2 * Math.PI * R;

export interface RingMark {
  at: number; // fraction of the ring, 0..1
  label: string;
}

export function Ring(props: { fraction: number; big: string; small?: string; marks?: RingMark[]; tone?: 'hold' | 'ok' | 'calm'; label: string }) {
  const f = Math.max(0, Math.min(1, props.fraction));
  return (
    <div class={`ring tone-${props.tone ?? 'calm'}`} role="timer" aria-label={props.label}>
      <svg viewBox="-24 -24 288 288" aria-hidden="true">
        <circle cx="120" cy="120" r={R} class="ring-track" />
        {f > 0 && <circle cx="120" cy="120" r={R} class="ring-fill" stroke-dasharray={`${C * f} ${C}`} transform="rotate(-90 120 120)" />}
        {props.marks?.map((m) => {
          const a = 2 * Math.PI * m.at - Math.PI / 2;
          const [x1, y1, x2, y2] = [120 + (R - 16) * Math.cos(a), 120 + (R - 16) * Math.sin(a), 120 + (R + 16) * Math.cos(a), 120 + (R + 16) * Math.sin(a)];
          const [tx, ty] = [120 + (R + 30) * Math.cos(a), 120 + (R + 30) * Math.sin(a)];
          return (
            <g key={m.label} class="ring-mark">
              <line x1={x1} y1={y1} x2={x2} y2={y2} />
              <text x={tx} y={ty + 4} text-anchor="middle">{m.label}</text>
            </g>
          );
        })}
      </svg>
      <div class="ring-text">
        <span class="ring-big">{props.big}</span>
        {props.small && <span class="ring-small">{props.small}</span>}
      </div>
    </div>
  );
}
