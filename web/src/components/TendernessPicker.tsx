// 0-10 tenderness in one tap: eleven big buttons. 5-7 is the range to aim for.
import { useEffect, useRef } from 'preact/hooks';

export function TendernessPicker(props: { title: string; hint: string; onPick: (n: number) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="picker" role="group" aria-labelledby="picker-title" aria-describedby="picker-hint"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
        else if (/^[0-9]$/.test(e.key)) props.onPick(Number(e.key));
      }}>
      <h2 id="picker-title">{props.title}</h2>
      <p id="picker-hint" class="muted">{props.hint}</p>
      <div class="picker-grid">
        {Array.from({ length: 11 }, (_, n) => (
          <button type="button" key={n} ref={n === 0 ? first : undefined} class={`t t${n}`} onClick={() => props.onPick(n)}
            aria-label={`${n}${n === 0 ? ', nothing' : n === 10 ? ', the worst' : ''}`}>
            {n}
          </button>
        ))}
      </div>
      <div class="picker-scale" aria-hidden="true"><span>none</span><span>aim 5–7</span><span>worst</span></div>
      <button type="button" class="btn ghost" onClick={props.onCancel}>Back</button>
    </div>
  );
}
