// First run: the health check. A short gate first (GET /api/v1/screening-gate: about eight
// yes/no questions in plain words), then only the questions under each "yes", and the body
// map only for what was answered yes; the verdict comes from POST /api/v1/screenings. Answers
// are remembered on this device. With `client`, a trainer asks their client the same questions
// (recorded for the client: ?client=ID). After a refer, a professional's clearance is recorded
// as its own record (Clearance.tsx, a lazy chunk), never by changing an answer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AnswerValue, Condition, GateQuestion, Reason, Region, Screening } from '../api/types';
import { BodyMap } from '../components/BodyMap';
import { asGuest, preview, screen } from '../guest';
import { lazy } from '../components/Lazy';
import { ErrorNote, List, Loading, Redirect, ScreenTitle, errorText } from '../components/ui';
import { useClientName } from '../components/Working';
import { targetName } from '../lib/names';
import { answersToSend, unanswered } from '../lib/requests';
import { navigate } from '../lib/router';
import { useApi } from '../lib/useApi';
import { useStore } from '../lib/store';
import { subject } from '../state';

const ClearanceOffer = lazy(() => import('./Clearance'), (m) => m.ClearanceOffer);
const Lifted = lazy(() => import('./Clearance'), (m) => m.Lifted);

/** Answers saved before the gate existed: a gate is "no" when every question under it was. */
function withGate(gate: GateQuestion[], saved: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const out = { ...saved };
  for (const g of gate)
    if (out[g.id] === undefined && g.covers.every((c) => saved[c] !== undefined)) out[g.id] = g.covers.some((c) => saved[c] === true);
  return out;
}

/** The server merges the advice of every condition. With a refer verdict, tips on rolling
 *  gently (from the caution answers) would mislead: ask again with the refer answers alone. */
async function referAdvice(conditions: Condition[], sent: Record<string, AnswerValue>, result: Screening, client: number | null): Promise<string[] | undefined> {
  if (result.verdict !== 'refer') return undefined;
  const ids = new Set(result.reasons.filter((r) => r.outcome === 'refer').map((r) => r.condition));
  const keep = new Set(conditions.filter((c) => ids.has(c.id)).flatMap((c) => [c.id, ...(c.follow_up ? [c.follow_up.id] : [])]));
  try {
    return (await preview({ answers: Object.fromEntries(Object.entries(sent).filter(([k]) => keep.has(k))) }, client)).advice;
  } catch {
    return [];
  }
}

function YesNo(props: { name: string; value: AnswerValue | undefined; onChange: (v: boolean) => void; gap?: boolean }) {
  return (
    <div class="yesno" aria-describedby={props.gap ? `e-${props.name}` : undefined}>
      {[true, false].map((v) => (
        <label key={String(v)} class="yesno-option">
          <input type="radio" name={props.name} checked={props.value === v} onChange={() => props.onChange(v)} />
          <span>{v ? 'Yes' : 'No'}</span>
        </label>
      ))}
    </div>
  );
}

/** Beside the item it is about, so it is on screen where the person is looking. */
function Gap({ id, gaps }: { id: string; gaps: string[] }) {
  const at = gaps.indexOf(id);
  if (at < 0) return null;
  const more = at === 0 && gaps.length > 1 ? ` (${gaps.length - 1} more below)` : '';
  return <p class="gap" id={`e-${id}`} role={at === 0 ? 'alert' : undefined}>Please answer this one{more}.</p>;
}

interface Asked {
  answers: Record<string, AnswerValue>;
  set: (id: string, v: AnswerValue | undefined) => void;
  gaps: string[];
}

function GateItem({ g, asked }: { g: GateQuestion; asked: Asked }) {
  return (
    <fieldset class={`question${asked.gaps.includes(g.id) ? ' open' : ''}`} id={`q-${g.id}`}>
      <legend>{g.question}</legend>
      <YesNo name={g.id} value={asked.answers[g.id]} onChange={(v) => asked.set(g.id, v)} gap={asked.gaps.includes(g.id)} />
      <Gap id={g.id} gaps={asked.gaps} />
    </fieldset>
  );
}

function Question(props: { c: Condition; asked: Asked; regions: Region[] }) {
  const { c } = props;
  const { answers, set, gaps } = props.asked;
  const f = c.follow_up;
  const places = f && Array.isArray(answers[f.id]) ? (answers[f.id] as string[]) : [];
  return (
    <fieldset class={`question${gaps.includes(c.id) ? ' open' : ''}`} id={`q-${c.id}`}>
      <legend>{c.question}</legend>
      <YesNo name={c.id} value={answers[c.id]} onChange={(v) => set(c.id, v)} gap={gaps.includes(c.id)} />
      <Gap id={c.id} gaps={gaps} />
      <details class="why">
        <summary>Why we ask</summary>
        <p>{c.explain}</p>
      </details>
      {f && answers[c.id] === true && (
        <div class="follow-up" id={`q-${f.id}`}>
          {f.kind === 'yes_no' ? (
            <fieldset class="question nested">
              <legend>{f.question}</legend>
              <YesNo name={f.id} value={answers[f.id]} onChange={(v) => set(f.id, v)} gap={gaps.includes(f.id)} />
              <Gap id={f.id} gaps={gaps} />
            </fieldset>
          ) : (
            <div role="group" aria-labelledby={`fl-${f.id}`}>
              <p id={`fl-${f.id}`} class="fu-q">{f.question}</p>
              <BodyMap regions={props.regions} mode="places" label={f.question} idPrefix={f.id} selected={new Set(places)}
                onToggle={(key) => set(f.id, places.includes(key) ? places.filter((p) => p !== key) : [...places, key])} />
              <p class="muted" aria-live="polite">
                {places.length ? `Marked: ${places.map((p) => targetName(p, { regions: props.regions, muscles: [] })).join('; ')}` : 'Nothing marked yet.'}
              </p>
              <Gap id={f.id} gaps={gaps} />
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}

export function ScreeningScreen({ client = null }: { client?: number | null }) {
  const sub = subject(client);
  const name = useClientName(client);
  const data = useApi(() => Promise.all([api.gate(), api.conditions(), api.regions()]), []);
  const saved = useStore(sub.screening);
  const [answers, setAnswers] = useState<Record<string, AnswerValue> | null>(null);
  const [details, setDetails] = useState(false);
  const [gaps, setGaps] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading what="Loading the questions" />;
  const [{ questions: gate }, conditions, regions] = data.data;
  const given = answers ?? withGate(gate, saved?.answers ?? {});
  const set = (id: string, v: AnswerValue | undefined) => {
    const next = { ...given };
    if (v === undefined) delete next[id];
    else next[id] = v;
    setAnswers(next);
    if (gaps.length) setGaps(unanswered(gate, conditions, next, details).filter((g) => gaps.includes(g)));
  };
  const asked: Asked = { answers: given, set, gaps };
  const yes = gate.filter((g) => given[g.id] === true);

  const goOn = async () => {
    const open = unanswered(gate, conditions, given, details);
    setGaps(open);
    if (open.length) {
      // The message sits beside the first open question; take the person there.
      const el = document.getElementById(`q-${open[0]}`);
      el?.scrollIntoView({ block: 'center' });
      el?.querySelector<HTMLElement>('input, [role=button]')?.focus({ preventScroll: true });
      return;
    }
    setProblem('');
    if (!details && yes.length) {
      setDetails(true);
      top.current?.scrollIntoView();
      top.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const sent = answersToSend(gate, conditions, given);
      const result = await screen({ answers: sent }, client);
      sub.screening.set({ answers: sent, result, at: Date.now(), refer_advice: await referAdvice(conditions, sent, result, client) });
      navigate(`${sub.base}/screening/result`);
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen">
      <ScreenTitle title="Health check">{client ? `${name}'s health check` : 'A quick health check'}</ScreenTitle>
      {!details && (
        <p class="lead">
          {client
            ? `Ask ${name} these questions, or hand them the device. Their answers are saved to their record, and every routine you assign respects them.`
            : 'Foam rolling is safe for most people, but not for everyone. Answer these once; we remember them on this device and you can change them any time.'}
        </p>
      )}
      <div ref={top} tabIndex={-1} class="step-head">
        <p class="step-count">Step {details ? 2 : 1} of 2</p>
        {details ? (
          <>
            <h2>A little more about your “yes”</h2>
            <p>Only the questions under what you answered yes. If you are not sure, answer yes: we will tell you who to ask.</p>
          </>
        ) : (
          <>
            <h2>{gate.length} short questions</h2>
            <p>Answer yes if any part of a question fits you; the next step asks which.</p>
            <button type="button" class="btn ghost" onClick={() => (setAnswers({ ...given, ...Object.fromEntries(gate.map((g) => [g.id, false])) }), setGaps([]))}>
              None of these apply to me
            </button>
          </>
        )}
      </div>
      {details
        ? yes.map((g) => (
            <section key={g.id} class="gate-section" aria-labelledby={`h-${g.id}`}>
              <h3 id={`h-${g.id}`}>{g.question}</h3>
              {conditions.filter((c) => g.covers.includes(c.id)).map((c) => <Question key={c.id} c={c} asked={asked} regions={regions} />)}
            </section>
          ))
        : gate.map((g) => <GateItem key={g.id} g={g} asked={asked} />)}
      {problem && <p class="note warn" role="alert">{problem}</p>}
      <div class="actions sticky">
        {details && <button type="button" class="btn ghost" onClick={() => (setDetails(false), setGaps([]))}>Back</button>}
        <button type="button" class="btn primary" onClick={goOn} disabled={busy}>
          {!details && yes.length ? 'Next' : busy ? 'Checking…' : 'See my result'}
        </button>
      </div>
    </div>
  );
}

export function ScreeningResultScreen({ client = null }: { client?: number | null }) {
  const sub = subject(client);
  const name = useClientName(client);
  const saved = useStore(sub.screening);
  const regions = useApi(() => api.regions(), []);
  const tools = useApi(() => api.tools(), []);
  // A clearance changes the verdict on record, never the answers.
  const cleared = (result: Screening) => saved && sub.screening.set({ ...saved, result, at: Date.now() });
  // A clearance kept on this device may have run out since: ask the server how things stand.
  const today = new Date().toISOString().slice(0, 10);
  useEffect(() => {
    if (saved?.result.reasons.some((r) => r.cleared_until && r.cleared_until <= today))
      preview({ answers: saved.answers }, client).then(cleared, () => undefined);
  }, []);
  if (!saved) return <Redirect to={`${sub.base}/screening`} />;
  return <Verdict result={saved.result} referAdvice={saved.refer_advice ?? []} regions={regions.data ?? []} toolNames={tools.data ?? []}
    base={sub.base} who={client ? name : null} client={client} cleared={cleared} />;
}

function reasonText(r: Reason): string {
  return r.clearance_lapsed_on ? `${r.text} (The go-ahead recorded for this ran out on ${r.clearance_lapsed_on}; please ask again.)` : r.text;
}

interface VerdictProps {
  result: Screening;
  referAdvice: string[];
  regions: Region[];
  toolNames: Array<{ id: string; name: string }>;
  base: string;
  who: string | null;
  client: number | null;
  cleared: (s: Screening) => void;
}

function Verdict(props: VerdictProps) {
  const { result, regions, toolNames, base, who } = props;
  const names = { regions, muscles: [] };
  const redo = (
    <button type="button" class="btn ghost" onClick={() => navigate(`${base}/screening`)}>{who ? 'Change the answers' : 'Change my answers'}</button>
  );
  const refers = result.reasons.filter((r) => r.outcome === 'refer');
  // An unanswered question is not something a professional can clear: it needs its answer.
  const clearable = refers.filter((r) => !result.follow_ups.some((f) => f.condition === r.condition || f.id === r.condition));
  if (result.verdict === 'refer' || result.follow_ups.length > 0)
    return (
      <div class="screen">
        <ScreenTitle title="Check with a professional">Please check with a professional first</ScreenTitle>
        <p class="lead">
          {who
            ? `From ${who}'s answers, foam rolling isn't safe for them right now, so unknot won't plan any rolling for them. A doctor or physiotherapist can say what is.`
            : "From your answers, foam rolling isn't safe for you right now, so we won't plan any rolling. A doctor or physiotherapist can tell you what is."}
        </p>
        <h2>Why</h2>
        <List items={refers.map(reasonText)} />
        {props.referAdvice.length > 0 && (<><h2>What to do</h2><List items={props.referAdvice} /></>)}
        {clearable.length > 0 && (asGuest()
          ? <p class="note">Has a doctor or physiotherapist cleared you for foam rolling? <a href="#/signup">Create an account</a> to record their go-ahead: it is kept as its own record, with its date.</p>
          : <ClearanceOffer reasons={clearable} client={props.client} who={who} onDone={props.cleared} />)}
        <div class="actions">{redo}<a class="btn ghost" href="#/learn/safety">Who should not roll</a></div>
      </div>
    );
  const excluded = result.excluded_regions.map((r) => targetName(r, names));
  const lifted = result.reasons.filter((r) => r.cleared_on && r.cleared_until);
  return (
    <div class="screen">
      <ScreenTitle title={who ? 'Health check result' : 'Your health check'}>
        {who ? (result.verdict === 'clear' ? `${who} is good to roll` : `${who} can roll, with care`) : result.verdict === 'clear' ? "You're good to roll" : 'You can roll, with care'}
      </ScreenTitle>
      {result.verdict === 'clear' ? (
        <p class="lead">Nothing in your answers stands in the way. Roll gently, and stop if anything hurts sharply.</p>
      ) : (
        <>
          <p class="lead">{who ? 'Every routine you assign respects these limits.' : 'Your plan will respect these limits.'}</p>
          {lifted.length > 0 && <Lifted reasons={lifted} />}
          {excluded.length > 0 && (<><h2>Places we'll leave out</h2><List items={excluded} /></>)}
          {result.prefer_tools.length > 0 && (
            <p>Gentler is better for you: try a {result.prefer_tools.map((t) => toolNames.find((x) => x.id === t)?.name.toLowerCase() ?? t).join(' or ')}.</p>
          )}
          {result.no_floor && <p>We'll stick to moves you can do without getting down to the floor.</p>}
          {result.advice.length > 0 && (<><h2>Good to know</h2><List items={result.advice} /></>)}
        </>
      )}
      <div class="actions">
        <button type="button" class="btn primary" onClick={() => navigate(`${base}/choose`)}>{who ? `Choose a routine for ${who}` : 'Choose what to roll'}</button>
        {redo}
      </div>
    </div>
  );
}
