// Step 2: what to roll (body map or a ready-made goal), how long, with what, and when; then
// POST /api/v1/plans. With `client`, a trainer builds a routine for their client the same way,
// previews it, and assigns it (src/screens/Clients.tsx: AssignScreen).
import { useState } from 'preact/hooks';
import { api, isNetworkError } from '../api/client';
import type { Context, Goal, Tool } from '../api/types';
import { BodyMap } from '../components/BodyMap';
import { plan as guestOrOwnPlan } from '../guest';
import { ErrorNote, Loading, ScreenTitle, errorText } from '../components/ui';
import { useClientName } from '../components/Working';
import { targetName } from '../lib/names';
import { profileFor, splitSide, toggleTarget } from '../lib/requests';
import { keysOf, pressedKeys, screenTargets } from '../lib/targets';
import { dateText } from '../lib/time';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApi } from '../lib/useApi';
import { currentPlan, setPlan, subject, type Choice } from '../state';

const CONTEXTS: Array<{ id: Context; name: string; hint: string }> = [
  { id: 'warm_up', name: 'Before exercise', hint: 'short, 1–3 areas' },
  { id: 'cool_down', name: 'After exercise', hint: 'slower, longer holds' },
  { id: 'daily', name: 'Any time', hint: 'your daily routine' },
];
const MINUTES = [5, 10, 15, 20, 30];

export function ChooseScreen({ client = null }: { client?: number | null }) {
  const sub = subject(client);
  const choiceStore = sub.choice;
  const who = useClientName(client);
  const data = useApi(() => Promise.all([api.regions(), api.muscles(), api.goals(), api.tools()]), []);
  const c = useStore(choiceStore);
  const saved = useStore(sub.screening);
  const [problem, setProblem] = useState<{ text: string; offline?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [leftOut, setLeftOut] = useState<Array<{ target: string; why: string }>>([]);

  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading what="Getting the body map ready" />;
  const [regions, muscles, goals, tools] = data.data;
  const update = (patch: Partial<Choice>) => choiceStore.set({ ...c, ...patch });
  const names = { regions, muscles, tools };
  const excluded = saved?.result.excluded_regions ?? [];
  const pickGoal = (g: Goal) => {
    // Screening first: what it leaves out is never put on the list, and is named beside it.
    const { keep, leftOut: out } = screenTargets(g.targets, regions, muscles, excluded);
    setLeftOut(out);
    update({ goal: g.id, targets: keep, context: g.context, minutes: g.minutes });
  };
  const tapMap = (key: string) => {
    setLeftOut([]);
    // A shape pressed because a chosen muscle lies there: the tap takes that muscle off.
    const viaMuscle = c.targets.filter((t) => !regions.some((r) => r.id === splitSide(t)[0]) && keysOf(t, regions, muscles).includes(key));
    const targets = viaMuscle.length ? c.targets.filter((t) => !viaMuscle.includes(t)) : toggleTarget(c.targets, key);
    update({ targets, goal: null });
  };

  const makePlan = async () => {
    if (!saved) return navigate(`${sub.base}/screening`);
    if (c.targets.length === 0) return setProblem({ text: 'Pick at least one place on the map, or a goal.' });
    if (c.tools.length === 0) return setProblem({ text: 'Pick the tool you have.' });
    setBusy(true);
    setProblem(null);
    try {
      const profile = profileFor(c, saved.answers);
      const plan = await (client ? api.plan(profile) : guestOrOwnPlan(profile));
      if (client) {
        sub.draft.set({ profile, plan });
        return navigate(`${sub.base}/assign`);
      }
      setPlan(plan, profile);
      navigate('/plan');
    } catch (e) {
      setProblem({ text: errorText(e), offline: isNetworkError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen choose">
      <ScreenTitle title={client ? 'Routine' : 'Choose'}>{client ? `A routine for ${who}` : 'What needs rolling today?'}</ScreenTitle>
      {saved && (
        <p class="muted small">
          {client ? `${who}'s health answers` : 'Health answers'} from {dateText(saved.at)}. <a href={`#${sub.base}/screening`}>Change them</a>
        </p>
      )}

      <section aria-labelledby="goals-h" class="wide">
        <h2 id="goals-h">Start from a goal</h2>
        <div class="goals">
          {goals.map((g: Goal) => (
            <button type="button" key={g.id} class="goal" aria-pressed={c.goal === g.id}
              onClick={() => pickGoal(g)}>
              <strong>{g.name}</strong>
              <span>{g.summary}</span>
            </button>
          ))}
        </div>
      </section>

      <section aria-labelledby="map-h" class="map-col">
        <h2 id="map-h">{client ? `Or tap where ${who} feels tight` : 'Or tap where you feel tight'}</h2>
        <BodyMap regions={regions} mode="targets" label="Choose what to roll" idPrefix="choose" excluded={excluded}
          selected={pressedKeys(c.targets, regions, muscles)} onToggle={tapMap} />
        <Legend />
      </section>

      <section aria-labelledby="chosen-h">
        <h2 id="chosen-h">{client ? 'The list' : 'Your list'} {c.targets.length > 0 && <span class="muted small">(first = most important)</span>}</h2>
        {leftOut.length > 0 && (
          <p class="note" role="status">
            Left out {client ? `for ${who}` : 'for you'}: {leftOut.map((x) => `${targetName(x.target, names)} (${x.why.replace('your', client ? 'their' : 'your')})`).join(', ')}.
          </p>
        )}
        {c.targets.length === 0 ? (
          <p class="muted">Nothing yet.</p>
        ) : (
          <ol class="targets">
            {c.targets.map((t, i) => (
              <li key={t}>
                <span>{targetName(t, names)}</span>
                {i > 0 && (
                  <button type="button" class="icon-btn" aria-label={`Move ${targetName(t, names)} up`}
                    onClick={() => update({ targets: [...c.targets.slice(0, i - 1), t, c.targets[i - 1], ...c.targets.slice(i + 1)], goal: null })}>
                    ↑
                  </button>
                )}
                <button type="button" class="icon-btn" aria-label={`Remove ${targetName(t, names)}`}
                  onClick={() => update({ targets: c.targets.filter((x) => x !== t), goal: null })}>
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>

      <fieldset class="group">
        <legend>{client ? 'How long?' : 'How long do you have?'}</legend>
        <div class="segmented wrap">
          {MINUTES.map((m) => (
            <button type="button" key={m} aria-pressed={c.minutes === m} onClick={() => update({ minutes: m })}>{m} min</button>
          ))}
        </div>
        <label class="inline">
          Other: <input type="number" min={1} max={240} value={c.minutes} inputMode="numeric"
            onInput={(e) => {
              const v = Math.round(Number((e.target as HTMLInputElement).value));
              if (v >= 1 && v <= 240) update({ minutes: v });
            }} /> minutes
        </label>
      </fieldset>

      <fieldset class="group">
        <legend>{client ? 'What do they have?' : 'What do you have?'}</legend>
        {saved && saved.result.prefer_tools.length > 0 && (
          <p class="note">Your answers suggest a gentler tool: {saved.result.prefer_tools.map((t) => names.tools.find((x) => x.id === t)?.name ?? t).join(' or ')}.</p>
        )}
        {tools.map((t: Tool) => (
          <label key={t.id} class="check">
            <input type="checkbox" checked={c.tools.includes(t.id)}
              onChange={(e) => update({ tools: (e.target as HTMLInputElement).checked ? [...c.tools, t.id] : c.tools.filter((x) => x !== t.id) })} />
            <span><strong>{t.name}</strong> <span class="muted">{t.description}</span></span>
          </label>
        ))}
      </fieldset>

      <fieldset class="group">
        <legend>When is this?</legend>
        <div class="segmented wrap">
          {CONTEXTS.map((x) => (
            <label key={x.id} class="seg-radio">
              <input type="radio" name="context" checked={c.context === x.id} onChange={() => update({ context: x.id })} />
              <span>{x.name}<small>{x.hint}</small></span>
            </label>
          ))}
        </div>
      </fieldset>

      {problem && (
        <div class="note warn" role="alert">
          <p>{problem.text}</p>
          {problem.offline && !client && currentPlan.get() && (
            <button type="button" class="btn" onClick={() => navigate('/plan')}>Use my last plan</button>
          )}
        </div>
      )}
      <div class="actions sticky">
        <button type="button" class="btn primary big" onClick={makePlan} disabled={busy}>
          {busy ? 'Planning…' : client ? 'Preview the routine' : 'Make my plan'}
        </button>
      </div>
    </div>
  );
}

function Legend() {
  return (
    <ul class="map-key" aria-label="Map key">
      <li><span class="swatch on" aria-hidden="true" /> chosen</li>
      <li><span class="swatch" aria-hidden="true" /> can be rolled</li>
      <li><span class="swatch never" aria-hidden="true" /> never rolled</li>
      <li><span class="swatch disabled" aria-hidden="true" /> left out for you</li>
    </ul>
  );
}
