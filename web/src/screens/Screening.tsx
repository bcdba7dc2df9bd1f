// First run: the health questions (GET /api/v1/conditions) in three short steps, then the
// verdict from POST /api/v1/screenings. Answers are remembered on this device. With `client`,
// a trainer asks their client the same questions (recorded for the client: ?client=ID).
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AnswerValue, Condition, Region, Screening } from '../api/types';
import { BodyMap } from '../components/BodyMap';
import { ErrorNote, List, Loading, Redirect, ScreenTitle, errorText } from '../components/ui';
import { useClientName } from '../components/Working';
import { targetName } from '../lib/names';
import { answersToSend } from '../lib/requests';
import { navigate } from '../lib/router';
import { useApi } from '../lib/useApi';
import { useStore } from '../lib/store';
import { subject } from '../state';

interface Group {
  id: string;
  title: string;
  intro: string;
  conditions: Condition[];
}

export function groupConditions(all: Condition[]): Group[] {
  const places = all.filter((c) => c.follow_up?.kind === 'regions');
  const serious = all.filter((c) => c.outcome === 'refer' && !places.includes(c));
  const care = all.filter((c) => !places.includes(c) && !serious.includes(c));
  return [
    { id: 'serious', title: 'Your health', intro: 'Some conditions make rolling unsafe. If you are not sure, answer yes: we will tell you who to ask.', conditions: serious },
    { id: 'places', title: 'Places to keep off', intro: 'Pressing on a sore, injured or numb place can make it worse, so we leave those places out.', conditions: places },
    { id: 'care', title: 'A few more things', intro: 'These don\'t stop you rolling, but they change how: gentler tools, fewer floor moves, or some places left out.', conditions: care },
  ].filter((g) => g.conditions.length > 0);
}

/** The server merges the advice of every condition. With a refer verdict, tips on rolling
 *  gently (from the caution answers) would mislead: ask again with the refer answers alone. */
async function referAdvice(conditions: Condition[], sent: Record<string, AnswerValue>, result: Screening, client: number | null): Promise<string[] | undefined> {
  if (result.verdict !== 'refer') return undefined;
  const ids = new Set(result.reasons.filter((r) => r.outcome === 'refer').map((r) => r.condition));
  const keep = new Set(conditions.filter((c) => ids.has(c.id)).flatMap((c) => [c.id, ...(c.follow_up ? [c.follow_up.id] : [])]));
  try {
    return (await api.preview({ answers: Object.fromEntries(Object.entries(sent).filter(([k]) => keep.has(k))) }, client)).advice;
  } catch {
    return [];
  }
}

function missing(group: Group, answers: Record<string, AnswerValue>): string[] {
  const ids: string[] = [];
  for (const c of group.conditions) {
    if (answers[c.id] === undefined) ids.push(c.id);
    else if (answers[c.id] === true && c.follow_up) {
      const f = answers[c.follow_up.id];
      if (f === undefined || (Array.isArray(f) && f.length === 0)) ids.push(c.follow_up.id);
    }
  }
  return ids;
}

function YesNo(props: { name: string; value: AnswerValue | undefined; onChange: (v: boolean) => void }) {
  return (
    <div class="yesno">
      {[true, false].map((v) => (
        <label key={String(v)} class="yesno-option">
          <input type="radio" name={props.name} checked={props.value === v} onChange={() => props.onChange(v)} />
          <span>{v ? 'Yes' : 'No'}</span>
        </label>
      ))}
    </div>
  );
}

function Question(props: { c: Condition; answers: Record<string, AnswerValue>; set: (id: string, v: AnswerValue | undefined) => void; regions: Region[] }) {
  const { c, answers, set } = props;
  const f = c.follow_up;
  const places = f && Array.isArray(answers[f.id]) ? (answers[f.id] as string[]) : [];
  return (
    <fieldset class="question" id={`q-${c.id}`}>
      <legend>{c.question}</legend>
      <YesNo name={c.id} value={answers[c.id]} onChange={(v) => set(c.id, v)} />
      <details class="why">
        <summary>Why we ask</summary>
        <p>{c.explain}</p>
      </details>
      {f && answers[c.id] === true && (
        <div class="follow-up" id={`q-${f.id}`}>
          {f.kind === 'yes_no' ? (
            <fieldset class="question nested">
              <legend>{f.question}</legend>
              <YesNo name={f.id} value={answers[f.id]} onChange={(v) => set(f.id, v)} />
            </fieldset>
          ) : (
            <div role="group" aria-labelledby={`fl-${f.id}`}>
              <p id={`fl-${f.id}`} class="fu-q">{f.question}</p>
              <BodyMap regions={props.regions} mode="places" label={f.question} idPrefix={f.id} selected={new Set(places)}
                onToggle={(key) => set(f.id, places.includes(key) ? places.filter((p) => p !== key) : [...places, key])} />
              <p class="muted" aria-live="polite">
                {places.length ? `Marked: ${places.map((p) => targetName(p, { regions: props.regions, muscles: [] })).join('; ')}` : 'Nothing marked yet.'}
              </p>
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
  const data = useApi(() => Promise.all([api.conditions(), api.regions()]), []);
  const saved = useStore(sub.screening);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(saved?.answers ?? {});
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading what="Loading the questions" />;
  const [conditions, regions] = data.data;
  const groups = groupConditions(conditions);
  const group = groups[Math.min(step, groups.length - 1)];
  const set = (id: string, v: AnswerValue | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });
  const noneOfThese = () =>
    setAnswers((a) => {
      const next = { ...a };
      for (const c of group.conditions) {
        next[c.id] = false;
        if (c.follow_up) delete next[c.follow_up.id];
      }
      return next;
    });

  const goOn = async () => {
    const gaps = missing(group, answers);
    if (gaps.length) {
      setProblem(`${gaps.length === 1 ? 'One question still needs' : `${gaps.length} questions still need`} an answer.`);
      document.getElementById(`q-${gaps[0]}`)?.querySelector<HTMLElement>('input, [role=button]')?.focus();
      return;
    }
    setProblem('');
    if (step < groups.length - 1) {
      setStep(step + 1);
      top.current?.scrollIntoView();
      top.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const sent = answersToSend(conditions, answers);
      const result = await api.screen({ answers: sent }, client);
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
      {step === 0 && client && (
        <p class="lead">
          Ask {name} these questions, or hand them the device. Their answers are saved to their record, and every routine you assign
          respects them.
        </p>
      )}
      {step === 0 && !client && (
        <p class="lead">
          Foam rolling is safe for most people, but not for everyone. Answer these once; we remember them on this device and you can change
          them any time.
        </p>
      )}
      <div ref={top} tabIndex={-1} class="step-head">
        <p class="step-count">Step {step + 1} of {groups.length}</p>
        <h2>{group.title}</h2>
        <p>{group.intro}</p>
        <button type="button" class="btn ghost" onClick={noneOfThese}>None of these apply to me</button>
      </div>
      {group.conditions.map((c) => <Question key={c.id} c={c} answers={answers} set={set} regions={regions} />)}
      {problem && <p class="note warn" role="alert">{problem}</p>}
      <div class="actions sticky">
        {step > 0 && <button type="button" class="btn ghost" onClick={() => setStep(step - 1)}>Back</button>}
        <button type="button" class="btn primary" onClick={goOn} disabled={busy}>
          {step < groups.length - 1 ? 'Next' : busy ? 'Checking…' : 'See my result'}
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
  if (!saved) return <Redirect to={`${sub.base}/screening`} />;
  return <Verdict result={saved.result} referAdvice={saved.refer_advice ?? []} regions={regions.data ?? []} toolNames={tools.data ?? []}
    base={sub.base} who={client ? name : null} />;
}

function Verdict(props: { result: Screening; referAdvice: string[]; regions: Region[]; toolNames: Array<{ id: string; name: string }>; base: string; who: string | null }) {
  const { result, regions, toolNames, base, who } = props;
  const names = { regions, muscles: [] };
  const redo = (
    <button type="button" class="btn ghost" onClick={() => navigate(`${base}/screening`)}>{who ? 'Change the answers' : 'Change my answers'}</button>
  );
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
        <List items={result.reasons.filter((r) => r.outcome === 'refer').map((r) => r.text)} />
        {props.referAdvice.length > 0 && (<><h2>What to do</h2><List items={props.referAdvice} /></>)}
        <p>{who ? `When a professional says rolling is fine for ${who}, change the answers here.` : 'When a professional says rolling is fine for you, change your answers here.'}</p>
        <div class="actions">{redo}<a class="btn ghost" href="#/learn/safety">Who should not roll</a></div>
      </div>
    );
  const excluded = result.excluded_regions.map((r) => targetName(r, names));
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
