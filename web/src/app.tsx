// The app shell: header with navigation, the sync badge and the account link; who is signed in
// decides what the hash route shows (sign-in screens come first when nobody is); and the routes.
import { useEffect } from 'preact/hooks';
import type { User } from './api/types';
import { auth, deviceOwner, isCoach, type AuthStatus } from './auth';
import { lazy } from './components/Lazy';
import { Loading, Redirect, ScreenTitle } from './components/ui';
import { useRoute } from './lib/router';
import { useStore } from './lib/store';
import { guest } from './guest';
import { ChooseScreen } from './screens/Choose';
import { Home } from './screens/Home';
import { Landing } from './screens/Landing';
import { ArticleScreen, LearnScreen, LibraryScreen, StretchScreen, TechniqueScreen } from './screens/Library';
import { PlanScreen } from './screens/Plan';
import { ScreeningResultScreen, ScreeningScreen } from './screens/Screening';
import { SessionScreen, sessionRunning } from './screens/Session';
import { subject } from './state';
import { syncStatus } from './sync/sync';

// Each in its own chunk (vite.config.ts): not needed on the phone's way to a session.
const AuthRoute = lazy(() => import('./screens/Account'), (m) => m.AuthRoute);
const AccountScreen = lazy(() => import('./screens/Account'), (m) => m.AccountScreen);
const ClientsScreen = lazy(() => import('./screens/Clients'), (m) => m.ClientsScreen);
const ClientRoute = lazy(() => import('./screens/Clients'), (m) => m.ClientRoute);
// Not on the way to a session either: the movement assessment (the service worker keeps its
// chunk for offline use like every other).
const AssessScreen = lazy(() => import('./screens/Assess'), (m) => m.AssessScreen);
const AssessResultScreen = lazy(() => import('./screens/Assess'), (m) => m.AssessResultScreen);
// Progress too: it is read after a session, never on the way to one (and brings uPlot later).
const ProgressScreen = lazy(() => import('./screens/Progress'), (m) => m.ProgressScreen);

const NAV = [
  { path: 'clients', label: 'Clients', match: ['clients'], coach: true },
  { path: 'choose', label: 'Roll', match: ['', 'choose', 'plan', 'session', 'screening'] },
  { path: 'assess', label: 'Assess', match: ['assess'] },
  { path: 'progress', label: 'Progress', match: ['progress'] },
  { path: 'library', label: 'Library', match: ['library'] },
  { path: 'learn', label: 'Learn', match: ['learn'] },
];
const PUBLIC = ['library', 'learn']; // content anyone may read
const GUEST = ['screening', 'choose', 'plan', 'session']; // trying a routine without an account
const AUTH_ROUTES = ['invite', 'reset']; // links from emails and trainers: work signed in or not

function SyncBadge() {
  const s = useStore(syncStatus);
  const trying = useStore(guest);
  let text = '';
  let tone = 'ok';
  if (s.signedOut && s.pending) [text, tone] = [trying ? 'On this device only' : `Sign in to sync ${s.pending}`, 'off'];
  else if (!s.online) [text, tone] = [s.pending ? `Offline · ${s.pending} to sync` : 'Offline', 'off'];
  else if (s.pending > 0) [text, tone] = [s.syncing ? `Syncing ${s.pending}…` : `${s.pending} to sync`, 'busy'];
  else if (s.error) [text, tone] = ['Sync problem', 'off'];
  return (
    <span class={`badge badge-${tone}`} role="status" title={s.error ?? undefined}>
      {text}
    </span>
  );
}

function NotFound() {
  return (
    <div class="screen">
      <ScreenTitle title="Not found">Nothing here</ScreenTitle>
      <p><a href="#/">Go to the start</a></p>
    </div>
  );
}

function Screen({ path, user }: { path: string[]; user: User }) {
  const screened = useStore(subject(null).screening);
  const [a, b] = path;
  switch (a) {
    case undefined:
      return <Home user={user} />;
    case 'signin':
    case 'signup':
      return <Redirect to="/" />;
    case 'account':
      return <AccountScreen user={user} />;
    case 'clients': {
      if (!isCoach(user)) return <NotFound />;
      if (!b) return <ClientsScreen />;
      const id = Number(b);
      return Number.isInteger(id) && id > 0 ? <ClientRoute id={id} rest={path.slice(2)} /> : <NotFound />;
    }
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
    default:
      return <Content path={path} />;
  }
}

/** The library and the articles: for anyone, signed in or not. */
function Content({ path }: { path: string[] }) {
  const [a, b, c] = path;
  if (a === 'library') {
    if (b === 'technique' && c) return <TechniqueScreen id={c} />;
    if (b === 'stretch' && c) return <StretchScreen id={c} />;
    return <LibraryScreen />;
  }
  if (a === 'learn') return b ? <ArticleScreen slug={b} /> : <LearnScreen />;
  return <NotFound />;
}

/** Trying without an account: the health check, choosing, the plan and the session. */
function GuestScreen({ path }: { path: string[] }) {
  const screened = useStore(subject(null).screening);
  const [a, b] = path;
  if (a === 'screening') return b === 'result' ? <ScreeningResultScreen /> : <ScreeningScreen />;
  if (a === 'choose') return screened ? (screened.result.verdict === 'refer' ? <Redirect to="/screening/result" /> : <ChooseScreen />) : <Redirect to="/screening" />;
  if (a === 'plan') return <PlanScreen />;
  if (a === 'session') return <SessionScreen />;
  return screened ? <Redirect to="/choose" /> : <Landing />;
}

/** What the route shows for who is (not) signed in. */
function Gate({ path, status }: { path: string[]; status: AuthStatus }) {
  const here = path[0] ?? '';
  const trying = useStore(guest);
  if (AUTH_ROUTES.includes(here) && path[1]) return <AuthRoute path={path} status={status} />;
  if (status.kind === 'signed_in') return <Screen path={path} user={status.user} />;
  if (status.kind === 'loading') return <Loading what="Opening unknot" />;
  if (PUBLIC.includes(here)) return <Content path={path} />;
  if (status.kind === 'signed_out' && trying && (here === '' || GUEST.includes(here))) return <GuestScreen path={path} />;
  // A first visit on this device: what unknot is, before any form (someone who has signed in
  // here before gets the sign-in screen; it links back to this page).
  if (status.kind === 'signed_out' && ((here === '' && !status.expired && deviceOwner() === null) || here === 'welcome')) return <Landing />;
  // Signed out in the middle of a session (the login ran out): the session goes on, it is kept
  // on this device, and the banner asks to sign in when convenient.
  if (here === 'session' && sessionRunning()) return <SessionScreen />;
  return <AuthRoute path={path} status={status} />;
}

function Header({ status, here }: { status: AuthStatus; here: string }) {
  const user = status.kind === 'signed_in' ? status.user : null;
  const trying = useStore(guest) && status.kind === 'signed_out';
  const nav = NAV.filter((n) => (user ? !n.coach || isCoach(user) : PUBLIC.includes(n.path) || (trying && n.path === 'choose')));
  return (
    <header class="top">
      <a class="brand" href="#/" aria-label="unknot, home">
        <svg viewBox="0 0 32 32" aria-hidden="true" width="28" height="28"><rect x="3" y="12" width="26" height="9" rx="4.5" /><path d="M6 9c3-3 6-3 10-1s7 2 10-1" /></svg>
        unknot
      </a>
      <SyncBadge />
      {user ? (
        <a class="me" href="#/account" aria-current={here === 'account' ? 'page' : undefined} aria-label={`Account: ${user.name}`}>
          <svg viewBox="0 0 24 24" aria-hidden="true" width="22" height="22"><circle cx="12" cy="8" r="4" /><path d="M4 21c1-5 5-7 8-7s7 2 8 7" /></svg>
          <span>{user.name.split(/\s+/)[0]}</span>
        </a>
      ) : status.kind === 'signed_out' && trying && !['session', 'signup', 'signin'].includes(here) ? (
        <a class="me" href="#/signup">Create account</a>
      ) : status.kind === 'signed_out' && !['signin', '', 'session'].includes(here) ? (
        <a class="me" href="#/signin">Sign in</a>
      ) : null}
      <nav aria-label="Main">
        <ul>
          {nav.map((n) => (
            <li key={n.path}>
              <a href={`#/${n.path}`} aria-current={n.match.includes(here) ? 'page' : undefined}>{n.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function App() {
  const path = useRoute();
  const status = useStore(auth);
  const here = path[0] ?? '';
  useEffect(() => window.scrollTo(0, 0), [path.join('/')]);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <Header status={status} here={here} />
      {status.kind === 'signed_out' && status.expired && here === 'session' && sessionRunning() && (
        <aside class="running-bar warn-bar" aria-label="Signed out"><a href="#/signin">You were signed out. This session is kept here: sign in to save it</a></aside>
      )}
      {sessionRunning() && here !== 'session' && (
        <aside class="running-bar" aria-label="Your session"><a href="#/session">Your session is still running · back to it</a></aside>
      )}
      <main id="main" tabIndex={-1}>
        <Gate path={path} status={status} />
      </main>
    </>
  );
}
