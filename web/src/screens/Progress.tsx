// History and progress (GET /api/v1/history, /api/v1/progress): streak, sessions per week,
// a heat map of recent tenderness, and per muscle: tender spots and tenderness over time,
// release times, the hold time learned from you, and whether things are getting better.
// With `client`, a trainer sees the same for their client (?client=ID).
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client';
import type { AreaProgress, AssessmentEntry, HistoryEntry, Muscle, Progress, Region, Technique, Trend } from '../api/types';
import { BodyMap } from '../components/BodyMap';
import { ErrorNote, Loading, ScreenTitle } from '../components/ui';
import { useClientName } from '../components/Working';
import { targetName } from '../lib/names';
import { decimal, oneDecimal } from '../lib/numbers';
import { dateText, dayText } from '../lib/time';
import { useApi } from '../lib/useApi';
import { drawChart } from './chart';
import { Pdf } from './Plan';

export const TREND_WORDS: Record<Trend, string> = {
  fewer_and_milder: 'Fewer and milder',
  fewer: 'Fewer tender spots',
  milder: 'Milder',
  unchanged: 'About the same',
  worse: 'More tender lately',
  not_enough_data: 'Too early to tell',
};

const TREND_HINT: Record<Trend, string> = {
  fewer_and_milder: 'Just what rolling should do.',
  fewer: 'Fewer spots than when you started.',
  milder: 'Spots are easing to lower numbers.',
  unchanged: 'Keep at it: programs longer than four weeks work best.',
  worse: 'Go lighter, and see a professional if it keeps climbing.',
  not_enough_data: '', // says how many more days: trendHint
};

/** The hint under a trend; "too early" says how many more days it takes (the rule is the
 *  server's: progress.trend_rule). */
export function trendHint(trend: Trend, days: number, rule: Progress['trend_rule']): string {
  if (trend !== 'not_enough_data') return TREND_HINT[trend];
  const need = 2 * rule.days_per_half - days;
  return `Rolled here on ${days} day${days === 1 ? '' : 's'}; a trend needs ${2 * rule.days_per_half}, so ${need} more to go. One bad day is not a trend.`;
}

/** Recent tenderness per body-map key ("calf:left"): the average tenderness when found, in the
 *  latest session (of the last four weeks) that held a spot there. Sides come from the holds. */
export function heatFrom(history: HistoryEntry[], techniques: Technique[], now = Date.now()): Map<string, number> {
  const latest = new Map<string, { at: number; sum: number; n: number }>();
  for (const h of history) {
    if (h.started_unix_ms < now - 28 * 86_400_000) continue;
    for (const hold of h.holds)
      for (const region of techniques.find((t) => t.id === hold.technique)?.regions ?? []) {
        const key = hold.side ? `${region}:${hold.side}` : region;
        const cur = latest.get(key);
        if (!cur || h.started_unix_ms > cur.at) latest.set(key, { at: h.started_unix_ms, sum: hold.tenderness_start, n: 1 });
        else if (h.started_unix_ms === cur.at) (cur.sum += hold.tenderness_start), cur.n++;
      }
  }
  return new Map([...latest].map(([k, v]) => [k, Math.round(v.sum / v.n)]));
}

/** Muscles a technique always works together have identical records: one card for them. */
export function groupAreas(areas: AreaProgress[]): AreaProgress[][] {
  const groups = new Map<string, AreaProgress[]>();
  for (const a of areas) {
    const key = JSON.stringify({ ...a, id: '' });
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()];
}

export function ProgressScreen({ client = null }: { client?: number | null }) {
  const who = useClientName(client);
  const base = client ? `/clients/${client}` : '';
  const data = useApi(
    () => Promise.all([api.progress(client), api.history(client), api.regions(), api.muscles(), api.techniques(),
      api.assessments(client).catch(() => []), api.compensations().catch(() => [])]),
    [client],
  );
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading what="Adding up your sessions" />;
  const [progress, history, regions, muscles, techniques, assessments, compensations] = data.data;
  const names = { regions, muscles };
  const heat = heatFrom(history, techniques);
  const trendOf = (key: string) => progress.regions.find((r) => r.id === key.split(':')[0])?.trend;
  const tracked = groupAreas(progress.muscles.filter((m) => m.sessions > 0));
  return (
    <div class="screen progress">
      <ScreenTitle title="Progress">{client ? `${who}'s progress` : 'Your progress'}</ScreenTitle>
      {data.error ? <ErrorNote error={data.error} retry={data.retry} /> : null}
      <dl class="stats">
        <div><dt>Sessions</dt><dd>{progress.sessions}</dd></div>
        <div><dt>Day streak</dt><dd>{progress.streak_days}</dd></div>
        <div><dt>Per week</dt><dd>{oneDecimal(progress.sessions_per_week)}</dd></div>
      </dl>
      {progress.empty_sessions > 0 && (
        <p class="muted small">
          Not counted: {progress.empty_sessions} session{progress.empty_sessions === 1 ? '' : 's'} started and left with nothing done (still in the list below).
        </p>
      )}
      {progress.sessions === 0 && !client && <p class="lead">No sessions yet. After your first one, your tender spots show up here. <a href="#/choose">Plan a session</a></p>}
      {progress.sessions === 0 && client && <p class="lead">{who} has no sessions yet. <a href={`#${base}/choose`}>Assign a routine</a></p>}

      {heat.size > 0 && (
        <section aria-labelledby="heat-h" class="heat">
          <h2 id="heat-h">Where it's been tender</h2>
          <p class="muted small">Colour shows how tender your spots were last time, from pale (mild) to deep red (very tender).</p>
          <BodyMap regions={regions} mode="heat" label="Recent tenderness" idPrefix="heat" heat={heat} initialView={busierView(heat, regions)} />
          <ul class="heat-list">
            {[...heat].map(([key, t]) => (
              <li key={key}>
                <strong>{targetName(key, names)}</strong>: {t}/10 last time{trendOf(key) ? ` · ${TREND_WORDS[trendOf(key)!].toLowerCase()}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {tracked.length > 0 && (
        <section aria-labelledby="muscles-h" class="areas">
          <h2 id="muscles-h">Muscle by muscle</h2>
          {tracked.map((g) => <AreaCard key={g[0].id} area={g[0]} rule={progress.trend_rule} {...areaTitle(g.map((m) => m.id), muscles)} />)}
        </section>
      )}

      {assessments.length > 0 && <Reassessment latest={assessments[0]} names={new Map(compensations.map((c) => [c.id, c.name]))} base={base} />}

      {progress.sessions > 0 && <Pdf report={client ?? 0} />}

      <History history={history} techniqueName={(id) => techniques.find((t) => t.id === id)?.name ?? id} />
    </div>
  );
}

/** Opens the heat map on the side of the body with more tender places. */
function busierView(heat: Map<string, number>, regions: Region[]): 'front' | 'back' {
  let score = 0;
  for (const key of heat.keys()) {
    const views = regions.find((r) => r.id === key.split(':')[0])?.views ?? [];
    score += (views.includes('back') ? 1 : 0) - (views.includes('front') ? 1 : 0);
  }
  return score > 0 ? 'back' : 'front';
}

/** A card's title: the muscle group if one is among them ("Hamstrings complex"), else the first. */
function areaTitle(ids: string[], muscles: Muscle[]): { title: string; also: string[] } {
  const named = ids.map((id) => muscles.find((m) => m.id === id) ?? { id, name: id.replace(/_/g, ' '), kind: 'muscle' });
  const lead = named.find((m) => m.kind === 'group') ?? named[0];
  return { title: lead.name, also: named.filter((m) => m !== lead).map((m) => m.name) };
}

function AreaCard({ area, title: name, also, rule }: { area: AreaProgress; title: string; also: string[]; rule: Progress['trend_rule'] }) {
  const chart = useRef<HTMLDivElement>(null);
  const enough = area.series.length >= 2;
  useEffect(() => {
    if (!enough || !chart.current) return;
    let cleanup: (() => void) | undefined;
    let live = true;
    void drawChart(chart.current, area.series.map((p) => p.date), [
        { label: 'Tenderness when found', values: area.series.map((p) => p.tenderness_start), colourVar: '--chart-1' },
        { label: 'Tenderness when eased', values: area.series.map((p) => p.tenderness_end), colourVar: '--chart-2', dash: [6, 4] },
        { label: 'Tender spots', values: area.series.map((p) => p.spots), colourVar: '--chart-3', scale: 'count' },
      ]).then((remove) => (live ? (cleanup = remove) : remove()));
    return () => {
      live = false;
      cleanup?.();
    };
  }, [area, enough]);
  return (
    <article class="card area">
      <h3>{name}</h3>
      {also.length > 0 && <p class="muted small">with {also.join(', ')}</p>}
      <p class={`trend trend-${area.trend}`}><strong>{TREND_WORDS[area.trend]}</strong> · {trendHint(area.trend, area.series.length, rule)}</p>
      <p class="muted small">
        {area.sessions} session{area.sessions === 1 ? '' : 's'} · {area.spots} tender spot{area.spots === 1 ? '' : 's'}
        {area.median_release_s !== null && ` · usually eases in ${Math.round(area.median_release_s)} s`}
      </p>
      {area.suggested_hold_s !== null && <p>Your hold time here: <strong>{area.suggested_hold_s} s</strong>, learned from how fast your spots ease.</p>}
      {enough && (
        <>
          <div ref={chart} class="chart" role="img"
            aria-label={`${name}: tenderness from ${decimal(area.series[0].tenderness_start)} to ${decimal(area.series[area.series.length - 1].tenderness_start)} over ${area.series.length} days`} />
          <ul class="chart-key" aria-hidden="true">
            <li class="k1">when found</li><li class="k2">when eased</li><li class="k3">spots</li>
          </ul>
          <details>
            <summary>Show as a table</summary>
            <table>
              <thead><tr><th scope="col">Day</th><th scope="col">Spots</th><th scope="col">Found</th><th scope="col">Eased</th><th scope="col">Release</th></tr></thead>
              <tbody>
                {area.series.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{dayText(p.date)}</th><td>{p.spots}</td><td>{oneDecimal(p.tenderness_start)}</td>
                    <td>{p.tenderness_end === null ? '–' : oneDecimal(p.tenderness_end)}</td><td>{p.median_release_s === null ? '–' : `${Math.round(p.median_release_s)} s`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </article>
  );
}

/** "4 of 6 items done", or plainly that nothing was (that session does not count). */
function doneText(h: HistoryEntry): string {
  const done = h.visits.filter((v) => v.outcome === 'done').length;
  if (done === 0 && h.holds.length === 0) return 'nothing done, not counted';
  return `${done} item${done === 1 ? '' : 's'} done`;
}

function History({ history, techniqueName }: { history: HistoryEntry[]; techniqueName: (id: string) => string }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">Past sessions</h2>
      <ul class="history">
        {history.slice(0, 30).map((h) => (
          <li key={h.id}>
            <details>
              <summary>
                {dateText(h.started_unix_ms)} · {h.holds.length} spot{h.holds.length === 1 ? '' : 's'} ·{' '}
                {doneText(h)}
              </summary>
              <ul>
                {h.holds.map((x, i) => (
                  <li key={i}>
                    {techniqueName(x.technique)}{x.side ? `, ${x.side}` : ''}: {x.hold_s} s, {x.tenderness_start}
                    {x.tenderness_end !== null ? ` → ${x.tenderness_end}` : ''}/10
                  </li>
                ))}
                {h.holds.length === 0 && <li>No tender spots logged.</li>}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Next to the rolling data: what the latest movement assessment changed since the one before.
function Reassessment({ latest, names, base }: { latest: AssessmentEntry; names: Map<string, string>; base: string }) {
  const label = (f: { id: string; side?: 'left' | 'right' }) => (names.get(f.id) ?? f.id) + (f.side ? ` (${f.side})` : '');
  const list = (fs: { id: string; side?: 'left' | 'right' }[]) => (fs.length ? fs.map(label).join(', ') : 'none');
  return (
    <section aria-labelledby="reassess-h" class="reassess">
      <h2 id="reassess-h">Movement assessment</h2>
      <p class="muted small">Latest on {dayText(latest.date)}. <a href={`#${base}/assess`}>Assess again</a></p>
      {latest.changes ? (
        <ul>
          <li><strong>Resolved:</strong> {list(latest.changes.resolved)}</li>
          <li><strong>Still there:</strong> {list(latest.changes.persisted)}</li>
          <li><strong>New:</strong> {list(latest.changes.appeared)}</li>
        </ul>
      ) : (
        <p>Seen: {list(latest.assessment.findings)}. Reassess in a few weeks to see what changed.</p>
      )}
    </section>
  );
}
