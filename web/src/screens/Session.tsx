// Step 4: the guided session, eyes-off first. One huge button does the obvious next thing; the
// ring shows the time; cues are spoken, sounded and buzzed; everything else is one tap away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Activation, ActivationItem, Hold, Integration, IntegrationItem, Plan, Stretch, Technique } from '../api/types';
import { Picture } from '../components/Picture';
import { Ring, type RingMark } from '../components/Ring';
import { TendernessPicker } from '../components/TendernessPicker';
import { ErrorNote, List, Loading, ScreenTitle } from '../components/ui';
import { clock, doseText, minutesText } from '../lib/names';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApi } from '../lib/useApi';
import { unlockAudio, stopSpeaking } from '../session/feedback';
import { LiveSession, savedActive } from '../session/live';
import { asGuest } from '../guest';
import { currentPlan, muted } from '../state';
import { syncStatus } from '../sync/sync';

let live: LiveSession | null = null; // survives leaving the screen: the clock keeps running
// The chosen plan when `live` was made. Not live.plan: after a reload that one is rebuilt from the
// saved record, a different object, and comparing with it would throw a finished session away.
let liveFor: Plan | null = null;

export function sessionRunning(): boolean {
  const s = live?.engine.state();
  return !!s && s !== 'ready' && s !== 'done';
}

type Picking = 'found' | 'eased' | 'again' | null;
// A question that takes the place of the big button until it is answered.
type Asking = 'end' | 'early' | null;

export function SessionScreen() {
  const plan = useStore(currentPlan);
  const data = useApi(() => Promise.all([api.cues(), api.techniques(), api.stretches(), api.activations().catch(() => []), api.integrations().catch(() => [])]), []);
  const [, setFrame] = useState(0);

  if (live && plan && plan !== liveFor && ['ready', 'done'].includes(live.engine.state())) {
    live.detach(); // a new plan replaces a session that is over or never began
    live = null;
  }
  const [ready, setReady] = useState(!!live);
  useEffect(() => {
    if (!data.data || live) return;
    const [cues, techniques] = data.data;
    const record = savedActive();
    if (record) live = new LiveSession(record.plan, cues, techniques, () => muted.get(), record);
    else if (plan) live = new LiveSession(plan, cues, techniques, () => muted.get());
    liveFor = plan;
    setReady(true);
  }, [data.data, plan]);
  useEffect(() => (ready && live ? live.subscribe(() => setFrame((n) => n + 1)) : undefined), [ready]);

  if (data.error && !data.data) return <ErrorNote error={data.error} retry={data.retry} />;
  if (!live) {
    if (!plan && data.data)
      return (
        <div class="screen">
          <ScreenTitle title="Session">No plan to run yet</ScreenTitle>
          <p><a href="#/choose">Choose what to roll</a> first.</p>
        </div>
      );
    return <Loading what="Getting your session ready" />;
  }
  const [, , stretches = [], acts = [], ints = []] = data.data ?? [];
  return <Running s={live} stretches={stretches} xs={[...acts, ...ints]} />;
}

type Exercise = ActivationItem | IntegrationItem;
/** The plan's own item (reps, tempo) behind the engine's current one. */
function exerciseItem(s: LiveSession, index: number): Exercise | undefined {
  const i = s.plan.phases.flatMap((p) => p.items)[index];
  return i && (i.kind === 'activation' || i.kind === 'integration') ? i : undefined;
}

function Running({ s, stretches, xs }: { s: LiveSession; stretches: Stretch[]; xs: Array<Activation | Integration> }) {
  const [picking, setPicking] = useState<Picking>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const isMuted = useStore(muted);
  const sync = useStore(syncStatus);
  const state = s.engine.state();
  const running = state !== 'ready' && state !== 'done';
  useEffect(() => {
    document.body.classList.toggle('in-session', running); // the app chrome steps back
    return () => document.body.classList.remove('in-session');
  }, [running]);

  if (state === 'ready') return <Ready s={s} />;
  if (state === 'done') return <Done s={s} />;

  const snap = s.engine.snapshot();
  const item = s.item();
  const t = s.technique();
  const stretch = item?.kind === 'stretch' ? stretches.find((x) => x.id === item.id) : undefined;
  const ex = exerciseItem(s, snap.item);
  const planItem = s.plan.phases.flatMap((p) => p.items)[snap.item];
  const x = ex && xs.find((e) => e.id === ex.id);
  const underneath = s.engine.activeState();
  const paused = state === 'paused';
  const left = Math.ceil(((item?.hold_min_s ?? 30) * 1000 - snap.state_elapsed_ms) / 1000);
  const openPicker = (kind: Exclude<Picking, null>) => {
    s.freeze();
    setPicking(kind);
  };
  const pick = (n: number) => {
    const kind = picking;
    setPicking(null);
    s.act(kind === 'eased' ? 'eased' : 'found', n);
  };
  const cancelPick = () => {
    s.unfreeze();
    setPicking(null);
  };
  // Before the minimum, "it eased" first asks: the clock waits while you answer.
  const eased = () => {
    if (left <= 0) return openPicker('eased');
    s.freeze();
    setAsking('early');
  };
  const primary = primaryAction(s, underneath, paused, left, underneath === 'holding' ? eased : () => openPicker('found'));
  const easeOff = s.notice?.kind === 'too_painful';
  const act = (type: 'pause' | 'skip' | 'next' | 'too_painful') => () => s.act(type);

  return (
    <div class={`screen session state-${state}`}>
      <div class="session-top">
        <p class="step-count">{snap.item + 1} of {snap.items}</p>
        <button type="button" class="icon-btn" aria-pressed={isMuted} onClick={() => { muted.set(!isMuted); if (!isMuted) stopSpeaking(); }}>
          Mute
        </button>
        <button type="button" class="btn ghost" onClick={() => { cancelPick(); setAsking('end'); }}>End session</button>
      </div>
      <ScreenTitle title="Session">
        {item?.name}
        {item?.side && <span class="side">, {item.side} side</span>}
      </ScreenTitle>
      {ex && <p class="dose">{doseText(ex)}</p>}

      {s.notice?.kind === 'switch' && <p class="banner" role="status">Switch sides</p>}

      {picking ? (
        <TendernessPicker
          title={picking === 'eased' ? 'How tender is it now?' : 'How tender is this spot?'}
          hint="0 is nothing at all, 10 is the worst you can imagine. The clock waits for you."
          onPick={pick}
          onCancel={cancelPick}
        />
      ) : (
        <>
          {asking === 'end' ? (
            <Ask q="End the session now? Everything you've done so far is kept." yes="End now" no="Keep going"
              onYes={() => { setAsking(null); s.act('quit'); }} onNo={() => setAsking(null)} />
          ) : asking === 'early' ? (
            <Ask q={`Ease off already? ${left} s more gives this spot time to let go.`} yes="Keep holding" no="Yes, ease off"
              onYes={() => { s.unfreeze(); setAsking(null); }} onNo={() => { setAsking(null); setPicking('eased'); }} />
          ) : easeOff ? (
            <div class="note warn ask" role="alert">
              <h2>Ease off</h2>
              <List items={t?.lighter.length ? t.lighter : ['Use less of your body weight.']} />
              <div class="actions"><button type="button" class="btn primary big" ref={focusOnMount} onClick={() => s.dismissNotice()}>OK</button></div>
            </div>
          ) : (
            <>
              {underneath === 'positioning' && !paused ? (
                item && (
                  <div class="pose-big">
                    <Picture move={item.id} tool={planItem?.kind === 'smr' ? planItem.tool : null} side={item.side} mode="setup" size={260}
                      label={`${item.name}: the set-up position`} />
                  </div>
                )
              ) : (
                <>
                  {underneath === 'rolling' && !paused && item && (
                    <div class="pose-roll">
                      <Picture move={item.id} tool={planItem?.kind === 'smr' ? planItem.tool : null} side={item.side} mode="move" size={200}
                        label={`${item.name}: roll slowly${t ? ` from ${t.roll_from} to ${t.roll_to}` : ''}`} />
                    </div>
                  )}
                  <SessionRing s={s} state={underneath} paused={paused} elapsed={snap.state_elapsed_ms} />
                </>
              )}
              <button type="button" class="btn primary huge" onClick={primary.run}>
                {primary.label}
                {primary.sub && <small>{primary.sub}</small>}
              </button>
              <div class="secondary" role="group" aria-label="More actions">
                {(underneath === 'holding' || underneath === 'rolling') && !paused && (
                  <button type="button" class="btn warn" onClick={act('too_painful')}>Too painful</button>
                )}
                {underneath === 'eased' && !paused && (
                  <button type="button" class="btn" onClick={() => openPicker('again')}>Found another spot</button>
                )}
                {!paused && <button type="button" class="btn" onClick={act('pause')}>Pause</button>}
                {underneath === 'rolling' && !paused && (
                  <button type="button" class="btn" onClick={act('next')}>Nothing tender: next</button>
                )}
                {!paused && <button type="button" class="btn" onClick={act('skip')}>Skip</button>}
              </div>
            </>
          )}
          {/* (the ease-off guidance says it already, in its own list) */}
          <p class="cue" aria-live="polite" aria-atomic="true">{easeOff ? '' : s.lastCue?.text ?? ''}</p>
          {s.rejected && <p class="muted small" role="status">That didn't apply just now ({s.rejected}).</p>}
          <Guidance state={underneath} t={t} stretch={stretch} x={x} />
        </>
      )}
      <p class="muted small sync-line">{syncLine(s, sync.pending)}</p>
    </div>
  );
}

const focusOnMount = (el: HTMLButtonElement | null) => el?.focus();

/** A question in place of the big button: nothing else can be tapped by mistake meanwhile. */
function Ask(p: { q: string; yes: string; no: string; onYes: () => void; onNo: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="note ask" role="alertdialog" aria-labelledby="ask-q">
      <p id="ask-q">{p.q}</p>
      <div class="actions">
        <button type="button" class="btn primary big" ref={ref} onClick={p.onYes}>{p.yes}</button>
        <button type="button" class="btn big" onClick={p.onNo}>{p.no}</button>
      </div>
    </div>
  );
}

function primaryAction(s: LiveSession, state: string, paused: boolean, left: number, pickSpot: () => void): { label: string; sub?: string; run: () => void } {
  if (paused) return { label: 'Resume', sub: 'the clock is stopped', run: () => s.act('resume') };
  const next = s.nextIsOtherSide() ? 'Switch sides' : 'Next';
  switch (state) {
    case 'positioning':
      return { label: "I'm in position", run: () => s.act('in_position') };
    case 'rolling':
      return { label: 'Found a tender spot', run: pickSpot };
    case 'holding':
      return { label: 'It eased', sub: left > 0 ? `best after ${left} s more` : undefined, run: pickSpot };
    case 'eased':
    case 'stretching':
      return { label: next, run: () => s.act('next') };
    case 'exercising':
      return { label: 'Done', sub: 'reps finished', run: () => s.act('next') };
    default:
      return { label: 'Next', run: () => s.act('next') };
  }
}

function SessionRing({ s, state, paused, elapsed }: { s: LiveSession; state: string; paused: boolean; elapsed: number }) {
  const item = s.item();
  const tone = paused ? 'calm' : state === 'holding' ? 'hold' : 'ok';
  if (state === 'holding' && item) {
    const max = item.hold_max_s * 1000;
    const marks: RingMark[] = [
      { at: (item.hold_min_s * 1000) / max, label: `${item.hold_min_s}s` },
      { at: 0.999, label: `${item.hold_max_s}s` },
    ];
    const small = paused ? 'paused' : elapsed < item.hold_min_s * 1000 ? 'stay on the spot' : 'until it eases';
    return <Ring fraction={elapsed / max} big={clock(elapsed)} small={small} marks={marks} tone={tone}
      label={`Held ${Math.floor(elapsed / 1000)} seconds of at most ${item.hold_max_s}`} />;
  }
  if (state === 'stretching' && item) {
    const total = item.hold_target_s * item.sets * 1000;
    return <Ring fraction={elapsed / total} big={clock(total - elapsed)} small={paused ? 'paused' : 'left in the stretch'} tone={tone}
      label={`${Math.ceil((total - elapsed) / 1000)} seconds left in the stretch`} />;
  }
  if (state === 'exercising' && item) {
    const total = Math.max(10, item.seconds - 10) * 1000;
    return <Ring fraction={elapsed / total} big={clock(total - elapsed)} small={paused ? 'paused' : 'for your reps'} tone={tone}
      label={`About ${Math.ceil((total - elapsed) / 1000)} seconds left for your reps`} />;
  }
  if (state === 'rolling')
    return <Ring fraction={(elapsed % 20000) / 20000} big={clock(elapsed)} small={paused ? 'paused' : 'rolling slowly'} tone={tone}
      label={`Rolling for ${Math.floor(elapsed / 1000)} seconds`} />;
  const snap = s.engine.snapshot();
  if (state === 'eased') {
    const last = s.holds[s.holds.length - 1];
    const how = last?.outcome === 'released_early' ? 'eased off early' : 'eased';
    return <Ring fraction={1} big={last ? `${last.hold_s} s` : '✓'} small={paused ? 'paused' : `spot ${snap.spots} ${how}`} tone="ok"
      label={`Spot ${snap.spots} ${how}${last ? ` after ${last.hold_s} seconds` : ''}`} />;
  }
  return <Ring fraction={snap.item / Math.max(1, snap.items)} big={`${snap.item + 1}/${snap.items}`} small={paused ? 'paused' : 'get set'} tone="calm"
    label={`Item ${snap.item + 1} of ${snap.items}`} />;
}

function Guidance({ state, t, stretch, x }: { state: string; t: Technique | undefined; stretch: Stretch | undefined; x?: Activation | Integration }) {
  if (state === 'positioning')
    return (
      <details class="guide" open>
        <summary>How to set up</summary>
        <div class="guide-body">
          <List items={t?.setup ?? stretch?.setup ?? x?.setup ?? []} ordered />
        </div>
      </details>
    );
  if (state === 'rolling' && t)
    return (
      <p class="guide-line">
        Roll from {t.roll_from} to {t.roll_to}.
      </p>
    );
  if (state === 'stretching' && stretch?.cues.length) return <p class="guide-line">{stretch.cues[0]}</p>;
  if (state === 'exercising' && x?.cues.length) return <p class="guide-line">{x.cues[0]}</p>;
  return null;
}

function syncLine(s: LiveSession, pending: number): string {
  if (asGuest()) return 'Kept on this device: create an account to keep it in a history.';
  if (s.serverState || s.serverId !== null) return pending > 0 ? `Saving… ${pending} waiting` : 'Saved to your history as you go.';
  return pending > 0 ? 'Offline: saved on this device, will sync when you are back online.' : 'Saving…';
}

function Ready({ s }: { s: LiveSession }) {
  const items = s.engine.items;
  const seconds = s.plan.total_seconds;
  return (
    <div class="screen session state-ready">
      <ScreenTitle title="Session">Ready when you are</ScreenTitle>
      <p class="lead">{items.length} items, about {minutesText(seconds)}. Put your phone where you can see it or hear it. One big button does the next thing; you can pause any time.</p>
      <ul class="tips">
        <li>Aim for a tenderness of 5 to 7 out of 10: uncomfortable, but you can relax and breathe.</li>
        <li>Keep off joints and bones, your lower back and your neck.</li>
        <li>Draw your belly button gently in while you roll.</li>
      </ul>
      <label class="check">
        <input type="checkbox" checked={!muted.get()} onChange={(e) => muted.set(!(e.target as HTMLInputElement).checked)} />
        <span>Speak the cues out loud</span>
      </label>
      <div class="primary-wrap">
        <button type="button" class="btn primary huge" onClick={() => { unlockAudio(); s.start(); }}>Start</button>
        <button type="button" class="btn ghost" onClick={() => s.act('quit')}>End session</button>
      </div>
    </div>
  );
}

function holdLine(h: Hold, name: string): string {
  const how = { eased: 'eased', too_painful: 'too painful, eased off', timed_out: 'held the full time', stopped: 'stopped', released_early: 'eased off early' }[h.outcome];
  const t = h.tenderness_end === null ? `${h.tenderness_start}/10` : `${h.tenderness_start} → ${h.tenderness_end}/10`;
  return `${name}${h.side ? `, ${h.side}` : ''}, spot ${h.spot}: ${h.hold_s} s, ${t} (${how})`;
}

function Done({ s }: { s: LiveSession }) {
  const sync = useStore(syncStatus);
  // Only once the server has taken the end: before that its record lacks the last hold.
  const ended = !!s.serverState && s.serverState.status !== 'open';
  useEffect(() => {
    if (sync.pending === 0 && ended) void s.loadServerRecord().catch(() => undefined);
  }, [sync.pending, ended]);
  const names = new Map(s.engine.items.map((i) => [i.id, i.name]));
  const guest = asGuest();
  const server = s.serverFinal ? s.serverHolds : null;
  const holds = server ?? s.holds;
  const finish = () => {
    live?.detach();
    live = null;
    navigate('/progress');
  };
  return (
    <div class="screen session state-done">
      <ScreenTitle title="Session done">{s.events.length ? 'Well rolled' : 'Session ended'}</ScreenTitle>
      <p class="lead">
        {holds.length === 0 ? 'No tender spots logged this time.' : `${holds.length} tender spot${holds.length === 1 ? '' : 's'} held.`} Over the weeks they should get fewer
        and milder.
      </p>
      {holds.length > 0 && (
        <section aria-labelledby="holds-h">
          <h2 id="holds-h">{server ? 'Saved to your history' : 'Logged on this device'}</h2>
          <ul>{holds.map((h, i) => <li key={i}>{holdLine(h, names.get(h.technique) ?? h.technique)}</li>)}</ul>
          {!server && !guest && <p class="muted small">These will be saved to your history as soon as you are back online.</p>}
        </section>
      )}
      {guest && s.events.length > 0 && (
        <p class="note">This session is kept on this device only. Create an account and it goes into your history, where the weeks show
          whether your spots get fewer and milder.</p>
      )}
      <div class="actions">
        {guest ? (
          <a class="btn primary" href="#/signup" onClick={() => { live?.detach(); live = null; }}>Create an account to keep it</a>
        ) : (
          <button type="button" class="btn primary" onClick={finish}>See my progress</button>
        )}
        <button type="button" class="btn ghost" onClick={() => { live?.detach(); live = null; navigate('/choose'); }}>Plan another</button>
      </div>
    </div>
  );
}
