// Movement assessment, for a trainer at a desk or on a tablet: tick what you see in each
// assessment and view (GET /api/v1/compensations), score it (POST /api/v1/assessments), see
// the overactive and underactive muscles on the body map, and build the four-phase plan.
// With `client`, for a trainer's client: recorded to their file (?client=ID), and the plan
// becomes a routine to preview and assign.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AssessmentEntry, AssessmentKind, AssessmentView, Compensation, Finding, MuscleCall, Side } from '../api/types';
import { BodyMap, type Mark } from '../components/BodyMap';
import { ErrorNote, Loading, Redirect, ScreenTitle } from '../components/ui';
import { useClientName } from '../components/Working';
import { profileFor } from '../lib/requests';
import { navigate } from '../lib/router';
import { dayText } from '../lib/time';
import { useStore } from '../lib/store';
import { useApi } from '../lib/useApi';
import { setPlan, subject } from '../state';

const KINDS: Array<[AssessmentKind, string]> = [
  ['overhead_squat', 'Overhead squat'], ['single_leg_squat', 'Single-leg squat'], ['pushing', 'Pushing'], ['pulling', 'Pulling'],
];
const VIEWS: Array<[AssessmentView, string]> = [['anterior', 'Front'], ['lateral', 'Side'], ['posterior', 'Back']];

// Stick figures in a 48 x 64 box: F front squat, S side squat, L single-leg squat, P push, Q pull.
const BASE: Record<string, string> = {
  F: 'M24 12V32M24 15L15 2M24 15L33 2M18 32H30M18 32L14 44L18 58H12M30 32L34 44L30 58H36',
  S: 'M24 12L18 32M23 15L29 1M18 32L31 40L27 58H35',
  L: 'M24 12V32M24 16L17 25L20 31M24 16L31 25L28 31M20 32L18 45L20 58H14M28 32L33 42L40 46',
  P: 'M27 12V36M27 16L41 17M27 36L23 58M27 36L31 58M41 12V22',
  Q: 'M27 12V36M27 16L37 20L41 17M27 36L23 58M27 36L31 58M41 12V22',
};
const HEAD: Record<string, string> = { F: '24', S: '26', L: '24', P: '28', Q: '28' };
// Where to look (ring) and which way it goes (line): [figure, [x, y, dx, dy]...].
const PICS: Record<string, [string, ...number[][]]> = {
  feet_turn_out: ['F', [14, 58, -6, -2], [34, 58, 6, -2]],
  knees_move_inward: ['F', [14, 44, 6, 0], [34, 44, -6, 0]],
  knees_move_outward: ['F', [14, 44, -6, 0], [34, 44, 6, 0]],
  excessive_forward_lean: ['S', [21, 22, 6, 5]],
  low_back_arches: ['S', [19, 28, 6, 0]],
  low_back_rounds: ['S', [19, 28, -6, 0]],
  arms_fall_forward: ['S', [28, 4, 6, 4]],
  feet_flatten: ['F', [16, 56, 4, 0], [32, 56, -4, 0]],
  heels_rise: ['S', [28, 58, 0, -6]],
  asymmetric_weight_shift: ['F', [24, 32, 8, 0]],
  sls_knee_valgus: ['L', [18, 45, 6, 0]],
  sls_hip_hike: ['L', [29, 32, 0, -6]],
  sls_hip_drop: ['L', [29, 32, 0, 6]],
  sls_trunk_rotation: ['L', [24, 20, 6, 3]],
  push_shoulders_elevate: ['P', [27, 15, 0, -6]],
  push_head_forward: ['P', [28, 7, 7, 0]],
  push_low_back_arches: ['P', [27, 32, 6, 0]],
  pull_shoulders_elevate: ['Q', [27, 15, 0, -6]],
  pull_head_forward: ['Q', [28, 7, 7, 0]],
  pull_low_back_arches: ['Q', [27, 32, 6, 0]],
};

export function CompPic({ c }: { c: Compensation }) {
  const [fig, ...spots] = PICS[c.id] ?? [c.view === 'lateral' ? 'S' : 'F'];
  return (
    <svg viewBox="0 0 48 64" aria-hidden="true">
      <circle cx={HEAD[fig]} cy="7" r="4.5" />
      <path d={BASE[fig]} />
      {spots.map(([x, y, dx, dy]) => (
        <g class="hi" key={`${x},${y}`}>
          <circle class="hi" cx={x} cy={y} r="4" />
          <path class="hi" d={`M${x} ${y}l${dx} ${dy}`} />
        </g>
      ))}
    </svg>
  );
}


export function findingName(f: Finding, comps: Compensation[]): string {
  const n = comps.find((c) => c.id === f.id)?.name ?? f.id.replace(/_/g, ' ');
  return f.side ? `${n} (${f.side})` : n;
}

export function AssessScreen({ client = null }: { client?: number | null }) {
  const sub = subject(client);
  const { assessDraft } = sub;
  const who = useClientName(client);
  const data = useApi(() => api.compensations(), []);
  const draft = useStore(assessDraft);
  const [kind, setKind] = useState<AssessmentKind>('overhead_squat');
  const [view, setView] = useState<AssessmentView>('anterior');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (data.error && !data.data) return <ErrorNote error={data.error} retry={data.retry} />;
  const comps = data.data;
  if (!comps) return <Loading what="Loading the assessment" />;
  const views = VIEWS.filter(([v]) => comps.some((c) => c.assessment === kind && c.view === v));
  const shown = views.some(([v]) => v === view) ? view : views[0]?.[0];
  const has = (id: string, side?: Side) => draft.findings.some((f) => f.id === id && f.side === side);
  const toggle = (id: string, side?: Side) =>
    assessDraft.set({ ...draft, findings: has(id, side) ? draft.findings.filter((f) => !(f.id === id && f.side === side)) : [...draft.findings, side ? { id, side } : { id }] });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      sub.lastAssessment.set(await api.assess(draft, client));
      assessDraft.set({ findings: [], edition: draft.edition });
      navigate(`${sub.base}/assess/result`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="screen assess-form">
      <ScreenTitle title="Assess">{client ? `${who}: movement assessment` : 'Movement assessment'}</ScreenTitle>
      <p class="lead">
        Watch {client ? `${who}'s` : 'the'} movement from each side and tick what you see. We'll work out which muscles to roll and stretch, and which to
        activate.
      </p>
      <div class="segmented wrap" role="group" aria-label="Assessment">
        {KINDS.map(([k, name]) => (
          <button type="button" key={k} aria-pressed={k === kind} onClick={() => setKind(k)}>{name}</button>
        ))}
      </div>
      <div class="segmented" role="group" aria-label="View">
        {views.map(([v, name]) => (
          <button type="button" key={v} aria-pressed={v === shown} onClick={() => setView(v)}>{name}</button>
        ))}
      </div>
      <h2>{KINDS.find(([k]) => k === kind)![1]}, {VIEWS.find(([v]) => v === shown)?.[1].toLowerCase()} view</h2>
      {comps.filter((c) => c.assessment === kind && c.view === shown).map((c) => (
        <article class="card comp" key={c.id}>
          <CompPic c={c} />
          <div>
            <h3>{c.name}</h3>
            <p class="small">{c.look_for}</p>
            {c.sided ? (
              <fieldset class="sides">
                <legend class="small">{c.assessment === 'single_leg_squat' ? 'Standing leg' : 'Toward which side'}</legend>
                {(['left', 'right'] as Side[]).map((side) => (
                  <label class="check" key={side}>
                    <input type="checkbox" checked={has(c.id, side)} onChange={() => toggle(c.id, side)} aria-label={`${c.name}: ${side}`} />
                    <span>{side === 'left' ? 'Left' : 'Right'}</span>
                  </label>
                ))}
              </fieldset>
            ) : (
              <label class="check">
                <input type="checkbox" checked={has(c.id)} onChange={() => toggle(c.id)} />
                <span>Seen: {c.name.toLowerCase()}</span>
              </label>
            )}
          </div>
        </article>
      ))}
      <fieldset class="question">
        <legend>Edition of the assessment tables</legend>
        <div class="segmented wrap">
          {[['c4', 'C4', 'default'], ['c7', 'C7', '7th edition']].map(([id, name, hint]) => (
            <label class="seg-radio" key={id}>
              <input type="radio" name="edition" checked={draft.edition === id} onChange={() => assessDraft.set({ ...draft, edition: id })} />
              <span>{name}<small>{hint}</small></span>
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status">
        {draft.findings.length ? `Seen: ${draft.findings.map((f) => findingName(f, comps)).join(', ')}.` : 'Nothing ticked yet.'}
      </p>
      {error !== null && <ErrorNote error={error} />}
      <div class="actions sticky">
        <button type="button" class="btn primary big" disabled={busy || !draft.findings.length} onClick={submit}>See the result</button>
      </div>
    </div>
  );
}

function Calls({ calls, comps, title, id }: { calls: MuscleCall[]; comps: Compensation[]; title: string; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {calls.length === 0 ? <p class="muted">None.</p> : (
        <ul>
          {calls.map((m) => (
            <li key={`${m.muscle}${m.side}`}>
              <strong>{m.name}{m.side && `, ${m.side} side`}</strong>
              <span class="small muted"> · {m.because.map((b) => `${findingName({ id: b.finding, side: b.side ?? undefined }, comps)} (${b.sources.join(', ')})`).join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AssessResultScreen({ client = null }: { client?: number | null }) {
  const sub = subject(client);
  const choice = sub.choice;
  const who = useClientName(client);
  const entry = useStore(sub.lastAssessment);
  const c = useStore(choice);
  const saved = useStore(sub.screening);
  const data = useApi(() => Promise.all([api.compensations(), api.regions()]), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!entry) return <Redirect to={`${sub.base}/assess`} />;
  if (data.error && !data.data) return <ErrorNote error={data.error} retry={data.retry} />;
  if (!data.data) return <Loading what="Loading the result" />;
  const [comps, regions] = data.data;
  const { result, changes } = entry as AssessmentEntry;
  const marks = new Map<string, Mark>();
  const mark = (calls: MuscleCall[], m: Mark) => {
    for (const call of calls)
      for (const r of call.regions) {
        const key = call.side ? `${r}:${call.side}` : r;
        const had = marks.get(key);
        marks.set(key, had && had !== m ? 'both' : m);
      }
  };
  mark(result.overactive, 'over');
  mark(result.underactive, 'under');
  const build = async () => {
    setBusy(true);
    setError(null);
    try {
      const profile = { ...profileFor(c, saved?.answers ?? {}), assessment: entry.assessment };
      const plan = await api.plan(profile);
      if (client) {
        sub.draft.set({ profile, plan });
        return navigate(`${sub.base}/assign`);
      }
      setPlan(plan, profile);
      navigate('/plan');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const list = (fs: Finding[]) => (fs.length ? fs.map((f) => findingName(f, comps)).join(', ') : 'none');
  return (
    <div class="screen assess-result">
      <ScreenTitle title="Assessment result">{client ? `${who}: assessment result` : 'Assessment result'}</ScreenTitle>
      <p class="lead">
        {dayText(entry.date)} · {result.edition.toUpperCase()} tables · seen: {list(entry.assessment.findings)}.
      </p>
      <div class="calls">
        <Calls calls={result.overactive} comps={comps} id="over-h" title="Overactive: roll and stretch" />
        <Calls calls={result.underactive} comps={comps} id="under-h" title="Underactive: activate" />
      </div>
      <BodyMap regions={regions} mode="heat" marks={marks} label="Overactive and underactive muscles" idPrefix="assess" />
      <ul class="map-key" aria-label="Map key">
        <li><span class="swatch over" aria-hidden="true" /> overactive</li>
        <li><span class="swatch under" aria-hidden="true" /> underactive</li>
        <li><span class="swatch both" aria-hidden="true" /> both</li>
      </ul>
      {changes && (
        <section aria-labelledby="changes-h">
          <h2 id="changes-h">Since the last assessment</h2>
          <ul>
            <li><strong>Resolved:</strong> {list(changes.resolved)}</li>
            <li><strong>Still there:</strong> {list(changes.persisted)}</li>
            <li><strong>New:</strong> {list(changes.appeared)}</li>
          </ul>
        </section>
      )}
      <label class="inline">
        Minutes for the plan
        <select value={c.minutes} onChange={(e) => choice.set({ ...c, minutes: Number((e.target as HTMLSelectElement).value) })}>
          {[10, 15, 20, 30, 45, 60].map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      {error !== null && <ErrorNote error={error} />}
      <div class="actions sticky">
        <button type="button" class="btn ghost" onClick={() => navigate(`${sub.base}/assess`)}>Assess again</button>
        <button type="button" class="btn primary big" disabled={busy} onClick={build}>{client ? `Build a routine for ${who}` : 'Build my plan'}</button>
      </div>
    </div>
  );
}
