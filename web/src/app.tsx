// The app shell: header with navigation and the sync badge, and the hash router.
import { useEffect } from 'preact/hooks';
import { Redirect, ScreenTitle } from './components/ui';
import { useRoute } from './lib/router';
import { useStore } from './lib/store';
import { AssessResultScreen, AssessScreen } from './screens/Assess';
import { ChooseScreen } from './screens/Choose';
import { ArticleScreen, LearnScreen, LibraryScreen, StretchScreen, TechniqueScreen } from './screens/Library';
import { PlanScreen } from './screens/Plan';
import { ProgressScreen } from './screens/Progress';
import { ScreeningResultScreen, ScreeningScreen } from './screens/Screening';
import { SessionScreen, sessionRunning } from './screens/Session';
import { screening } from './state';
import { syncStatus } from './sync/sync';

const NAV = [
  { path: 'choose', label: 'Roll', match: ['', 'choose', 'plan', 'session', 'screening'] },
  { path: 'assess', label: 'Assess', match: ['assess'] },
  { path: 'progress', label: 'Progress', match: ['progress'] },
  { path: 'library', label: 'Library', match: ['library'] },
  { path: 'learn', label: 'Learn', match: ['learn'] },
];

function SyncBadge() {
  const s = useStore(syncStatus);
  let text = '';
  let tone = 'ok';
  if (!s.online) [text, tone] = [s.pending ? `Offline · ${s.pending} to sync` : 'Offline', 'off'];
  else if (s.pending > 0) [text, tone] = [s.syncing ? `Syncing ${s.pending}…` : `${s.pending} to sync`, 'busy'];
  else if (s.error) [text, tone] = ['Sync problem', 'off'];
  return (
    <span class={`badge badge-${tone}`} role="status" title={s.error ?? undefined}>
      {text}
    </span>
  );
}

function Welcome() {
  return (
    <div class="screen welcome">
      <ScreenTitle title="Welcome">Roll out the knots, one tender spot at a time</ScreenTitle>
      <p class="lead">
        unknot coaches your foam rolling the way a good trainer would: find the tender spot, rest on it until it eases, stretch, and watch
        those spots get fewer and milder over the weeks.
      </p>
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

function Screen({ path }: { path: string[] }) {
  const screened = useStore(screening);
  const [a, b, c] = path;
  switch (a) {
    case undefined:
      return screened ? <Redirect to={sessionRunning() ? '/session' : '/choose'} /> : <Welcome />;
    case 'screening':
      return b === 'result' ? <ScreeningResultScreen /> : <ScreeningScreen />;
    case 'choose':
      return screened ? (screened.result.verdict === 'refer' ? <Redirect to="/screening/result" /> : <ChooseScreen />) : <Redirect to="/screening" />;
    case 'plan':
      return <PlanScreen />;
    case 'session':
      return <SessionScreen />;
    case 'assess':
      if (!screened) return <Redirect to="/screening" />;
      return b === 'result' ? <AssessResultScreen /> : <AssessScreen />;
    case 'progress':
      return <ProgressScreen />;
    case 'library':
      if (b === 'technique' && c) return <TechniqueScreen id={c} />;
      if (b === 'stretch' && c) return <StretchScreen id={c} />;
      return <LibraryScreen />;
    case 'learn':
      return b ? <ArticleScreen slug={b} /> : <LearnScreen />;
    default:
      return (
        <div class="screen">
          <ScreenTitle title="Not found">Nothing here</ScreenTitle>
          <p><a href="#/">Go to the start</a></p>
        </div>
      );
  }
}

export function App() {
  const path = useRoute();
  const here = path[0] ?? '';
  useEffect(() => window.scrollTo(0, 0), [path.join('/')]);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/" aria-label="unknot, home">
          <svg viewBox="0 0 32 32" aria-hidden="true" width="28" height="28"><rect x="3" y="12" width="26" height="9" rx="4.5" /><path d="M6 9c3-3 6-3 10-1s7 2 10-1" /></svg>
          unknot
        </a>
        <SyncBadge />
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a href={`#/${n.path}`} aria-current={n.match.includes(here) ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {sessionRunning() && here !== 'session' && (
        <p class="running-bar"><a href="#/session">Your session is still running · back to it</a></p>
      )}
      <main id="main" tabIndex={-1}>
        <Screen path={path} />
      </main>
    </>
  );
}
