// Step 3: the plan, in the order it runs (roll first, then stretch), with how to set up for
// each item and what was left out and why.
import type { ComponentChildren } from 'preact';
import { api } from '../api/client';
import type { Activation, ActivationItem, Compensation, Integration, IntegrationItem, Plan, PlanItem, SmrItem, Stretch, StretchItem, Technique } from '../api/types';
import { lazy } from '../components/Lazy';
import { Picture } from '../components/Picture';
import { List, Loading, ScreenTitle } from '../components/ui';
import { doseText, minutesText, targetName, toolName, whyText, type Names } from '../lib/names';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { asGuest } from '../guest';
import { useApi } from '../lib/useApi';
import { currentPlan, planFrom } from '../state';

/** A PDF's button and paper size, in the lazy handout chunk (with the print stylesheet). */
export const Pdf = lazy(() => import('../components/Handout'), (m) => m.PdfButton);

/** Consecutive items of the same technique (left, then right) shown as one card. */
export function groupItems(items: PlanItem[]): PlanItem[][] {
  const out: PlanItem[][] = [];
  for (const i of items) {
    const last = out[out.length - 1];
    if (last && last[0].id === i.id && last[0].kind === i.kind) last.push(i);
    else out.push([i]);
  }
  return out;
}

function sidesText(group: PlanItem[]): string {
  const sides = group.map((i) => i.side).filter(Boolean) as string[];
  if (sides.length === 0) return '';
  if (sides.length === 1) return `${sides[0]} side only`;
  return `${sides[0]} side, then ${sides[1]}`;
}

function Why({ i, comps }: { i: PlanItem; comps: Compensation[] }) {
  const w = whyText(i.why, comps);
  return w ? <p class="why small">{w}</p> : null;
}

export function SmrCard({ group, t, names, comps = [] }: { group: SmrItem[]; t: Technique | undefined; names: Names; comps?: Compensation[] }) {
  const i = group[0];
  return (
    <article class="card item">
      <div class="item-head">
        <Picture move={i.id} tool={i.tool} side={i.side} size={128} label={`${i.name}: how to lie on the ${toolName(i.tool, names).toLowerCase()}`} />
        <div>
          <h3>{i.name}</h3>
          <p class="muted small">{[sidesText(group), toolName(i.tool, names), `hold ${i.hold_min_s}–${i.hold_max_s} s per tender spot`].filter(Boolean).join(' · ')}</p>
        </div>
      </div>
      <Why i={i} comps={comps} />
      {t && (
        <>
          <h4>Set up</h4>
          <List items={t.setup} ordered />
          <p><strong>Roll</strong> slowly from {t.roll_from} to {t.roll_to}.</p>
          {t.avoid.length > 0 && <p class="small"><strong>Stay off:</strong> {t.avoid.join(' ')}</p>}
        </>
      )}
    </article>
  );
}

export function StretchCard({ group, s, comps = [] }: { group: StretchItem[]; s: Stretch | undefined; comps?: Compensation[] }) {
  const i = group[0];
  return (
    <article class="card item">
      <div class="item-head">
        <Picture move={i.id} side={i.side} size={128} label={`${i.name}: the stretch position`} />
        <div>
          <h3>{i.name}</h3>
          <p class="muted small">{[sidesText(group), `hold ${i.hold_s} s${i.sets > 1 ? ` × ${i.sets}` : ''}`].filter(Boolean).join(' · ')}</p>
        </div>
      </div>
      <Why i={i} comps={comps} />
      {s && (<><h4>Set up</h4><List items={s.setup} ordered /></>)}
    </article>
  );
}

function ExerciseCard({ group, x, comps }: { group: Array<ActivationItem | IntegrationItem>; x: Activation | Integration | undefined; comps: Compensation[] }) {
  const i = group[0];
  return (
    <article class="card item">
      <div class="item-head">
        <Picture move={i.id} side={i.side} size={128} label={`${i.name}: the starting position`} />
        <div>
          <h3>{i.name}</h3>
          <p class="muted small">{[sidesText(group), doseText(i), x && x.equipment !== 'none' && x.equipment].filter(Boolean).join(' · ')}</p>
        </div>
      </div>
      <Why i={i} comps={comps} />
      {x && (<><h4>Set up</h4><List items={x.setup} ordered /></>)}
    </article>
  );
}

const PHASES = {
  inhibit: ['Roll', 'Roll slowly to find the most tender spot, then rest on it until it eases.'],
  lengthen: ['Stretch', 'Stretch what you just rolled, gently, while it is warm.'],
  activate: ['Activate', 'Wake up the muscles that are not doing their share: slow, controlled reps.'],
  integrate: ['Integrate', 'Put it together in one whole movement, with good form.'],
};

export function PlanScreen() {
  const plan = useStore(currentPlan);
  const from = useStore(planFrom);
  if (!plan)
    return (
      <div class="screen">
        <ScreenTitle title="Your plan">No plan yet</ScreenTitle>
        <p><a href="#/choose">Choose what to roll</a> and we'll build one.</p>
      </div>
    );
  // A guest's handout would need an account (POST /api/v1/handouts): the printable view still works.
  return <PlanDetails plan={plan} handout={asGuest() ? null : from} />;
}

/** What a plan's handout is made from: an assigned routine's id, a Profile, or a body for POST /handouts. */
export type HandoutFrom = number | object;

/** A plan laid out in full. `heading` and `footer` replace "Your plan" and its Change/Start bar;
 *  `intro` goes under the summary (a trainer previewing a client's routine: src/screens/Clients.tsx). */
export function PlanDetails({ plan, heading, intro, footer, handout }: { plan: Plan; heading?: string; intro?: ComponentChildren; footer?: ComponentChildren;
  handout?: HandoutFrom | null }) {
  const data = useApi(() => Promise.all([api.techniques(), api.stretches(), api.regions(), api.muscles(), api.tools(),
    api.activations().catch(() => []), api.integrations().catch(() => []), api.compensations().catch(() => [])]), []);
  if (!data.data && !data.error) return <Loading what="Laying out the plan" />;
  const [techniques, stretches, regions, muscles, tools, acts, ints, comps] = data.data ?? [[], [], [], [], [], [], [], []];
  return <PlanView plan={plan} techniques={techniques} stretches={stretches} names={{ regions, muscles, tools }} xs={[...acts, ...ints]} comps={comps}
    heading={heading} intro={intro} footer={footer} handout={handout} />;
}

/** "About 12 minutes of your 15: 3 to roll, then 2 stretches." */
export function planSummary(plan: Plan): { rolls: number; stretches: number; exercises: number } {
  const items = plan.phases.flatMap((p) => p.items);
  const rolls = items.filter((i) => i.kind === 'smr').length;
  const stretches = items.filter((i) => i.kind === 'stretch').length;
  return { rolls, stretches, exercises: items.length - rolls - stretches };
}

function PlanView({ plan, techniques, stretches, names, xs, comps, heading, intro, footer, handout }: { plan: Plan; techniques: Technique[]; stretches: Stretch[];
  names: Names; xs: Array<Activation | Integration>; comps: Compensation[]; heading?: string; intro?: ComponentChildren; footer?: ComponentChildren;
  handout?: HandoutFrom | null }) {
  const { rolls, stretches: stretchCount, exercises } = planSummary(plan);
  const empty = rolls + stretchCount + exercises === 0;
  return (
    <div class="screen plan">
      <ScreenTitle title={heading ?? 'Your plan'}>{empty ? 'Nothing to roll this time' : (heading ?? 'Your plan')}</ScreenTitle>
      {!empty && (
        <p class="lead">
          About <strong>{minutesText(plan.total_seconds)}</strong> of {heading ? 'the' : 'your'} {minutesText(plan.budget_seconds)}: {rolls} to roll
          {stretchCount > 0 && `, then ${stretchCount} stretch${stretchCount === 1 ? '' : 'es'}`}
          {exercises > 0 && `, then ${exercises} exercise${exercises === 1 ? '' : 's'}`}.
        </p>
      )}
      {intro}
      {plan.screening.verdict === 'refer' && (
        <p class="note warn">The health answers say to check with a professional before rolling. <a href="#/screening/result">See why</a></p>
      )}
      {plan.screening.verdict === 'caution' && plan.screening.excluded_regions.length > 0 && (
        <p class="note">Left out for you: {plan.screening.excluded_regions.map((r) => targetName(r, names)).join(', ')}.</p>
      )}
      {plan.phases.filter((p) => p.items.length > 0).map((phase, n) => (
        <section key={phase.phase} aria-labelledby={`phase-${phase.phase}`}>
          <h2 id={`phase-${phase.phase}`}>{n + 1}. {PHASES[phase.phase][0]}</h2>
          <p class="muted small">{PHASES[phase.phase][1]}</p>
          {groupItems(phase.items).map((g) =>
            g[0].kind === 'smr' ? (
              <SmrCard key={`${g[0].id}${g[0].side}`} group={g as SmrItem[]} t={techniques.find((t) => t.id === g[0].id)} names={names} comps={comps} />
            ) : g[0].kind === 'stretch' ? (
              <StretchCard key={`${g[0].id}${g[0].side}`} group={g as StretchItem[]} s={stretches.find((s) => s.id === g[0].id)} comps={comps} />
            ) : (
              <ExerciseCard key={`${g[0].id}${g[0].side}`} group={g as ActivationItem[]} x={xs.find((x) => x.id === g[0].id)} comps={comps} />
            ),
          )}
        </section>
      ))}
      {plan.dropped.length > 0 && (
        <section aria-labelledby="dropped-h">
          <h2 id="dropped-h">Left out of this plan</h2>
          <ul>
            {plan.dropped.map((d) => (
              <li key={d.target}><strong>{targetName(d.target, names)}:</strong> {d.reason}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.notes.length > 0 && (<section aria-label="Notes"><List items={plan.notes} /></section>)}
      {handout && !empty && <Pdf plan={handout} />}
      {footer ?? (
        <div class="actions sticky">
          <button type="button" class="btn ghost" onClick={() => navigate('/choose')}>Change</button>
          {!empty && <button type="button" class="btn primary big" onClick={() => navigate('/session')}>Start session</button>}
        </div>
      )}
    </div>
  );
}
