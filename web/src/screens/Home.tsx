// The start: a client with a routine from their trainer sees it first, with one big Start;
// everyone else gets the welcome (first visit) or goes straight to choosing what to roll.
import { useEffect } from 'preact/hooks';
import { api } from '../api/client';
import type { Assignment, User } from '../api/types';
import { List, Loading, Redirect, ScreenTitle } from '../components/ui';
import { minutesText } from '../lib/names';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { daysAgo } from '../lib/time';
import { useApi } from '../lib/useApi';
import { screening, setPlan } from '../state';
import { planSummary } from './Plan';
import { sessionRunning } from './Session';

export function Home({ user }: { user: User }) {
  const screened = useStore(screening);
  const coached = !!user.trainer;
  const routines = useApi(() => (coached ? api.assignments() : Promise.resolve([] as Assignment[])), [user.id, user.trainer?.id]);
  useEffect(() => {
    // Back to the app later (the phone was in a pocket): a routine may have arrived meanwhile.
    const again = () => document.visibilityState === 'visible' && coached && routines.retry();
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, [coached, routines.retry]);
  if (sessionRunning()) return <Redirect to="/session" />;
  if (user.role === 'trainer') return <Redirect to="/clients" />;
  if (coached && routines.loading && !routines.data) return <Loading what="Looking for today's routine" />;
  const latest = routines.data?.[0];
  if (latest) return <TodayRoutine a={latest} />;
  if (screened) return <Redirect to="/choose" />;
  return <Welcome trainer={user.trainer?.name ?? null} />;
}

function TodayRoutine({ a }: { a: Assignment }) {
  const from = a.trainer ?? 'your trainer';
  const { plan } = a;
  const items = plan.phases.flatMap((p) => p.items);
  const s = planSummary(plan);
  const names = items.map((i) => `${i.name}${i.side ? `, ${i.side}` : ''}`);
  const refer = plan.screening.verdict === 'refer';
  const start = (to: string) => {
    setPlan(plan, a.id);
    navigate(to);
  };
  return (
    <div class="screen today">
      <ScreenTitle title="Today's routine">Today's routine from {from}</ScreenTitle>
      <p class="muted small">Sent {daysAgo(a.created_unix_ms)}</p>
      {a.note && (
        <blockquote class="trainer-note">
          <p>{a.note}</p>
          <footer>{from}</footer>
        </blockquote>
      )}
      {refer ? (
        <p class="note warn">Your health answers say to check with a professional before rolling, so this routine has nothing to roll. Talk to {from}.</p>
      ) : items.length === 0 ? (
        <p class="lead">Nothing to roll in this routine. Ask {from} for a new one.</p>
      ) : (
        <>
          <p class="lead">
            About <strong>{minutesText(plan.total_seconds)}</strong>: {s.rolls} to roll{s.stretches > 0 && `, then ${s.stretches} stretch${s.stretches === 1 ? '' : 'es'}`}
            {s.exercises > 0 && `, then ${s.exercises} exercise${s.exercises === 1 ? '' : 's'}`}.
          </p>
          <List items={names} ordered />
          <div class="primary-wrap">
            <button type="button" class="btn primary huge" onClick={() => start('/session')}>Start<small>the guided session</small></button>
          </div>
          <div class="actions">
            <button type="button" class="btn" onClick={() => start('/plan')}>How to do each one</button>
            <a class="btn ghost" href="#/choose">Roll something else</a>
          </div>
        </>
      )}
    </div>
  );
}

function Welcome({ trainer }: { trainer: string | null }) {
  return (
    <div class="screen welcome">
      <ScreenTitle title="Welcome">Roll out the knots, one tender spot at a time</ScreenTitle>
      <p class="lead">
        unknot coaches your foam rolling the way a good trainer would: find the tender spot, rest on it until it eases, stretch, and watch
        those spots get fewer and milder over the weeks.
      </p>
      {trainer && <p class="note">{trainer} is your trainer. When they send you a routine, it shows up here, ready to start.</p>}
      <ol class="steps">
        <li><strong>A quick health check</strong>, so we never ask you to roll where you shouldn't.</li>
        <li><strong>Tap where you feel tight</strong>, or pick a goal.</li>
        <li><strong>Follow the session</strong>: big buttons, spoken cues, no need to look.</li>
      </ol>
      <div class="actions">
        <a class="btn primary big" href="#/screening">Let's start</a>
      </div>
      <p class="muted small">unknot is not medical advice. If something hurts sharply, stop.</p>
    </div>
  );
}
