// The Account page: who you are, your trainer (and leaving them), your password, personal API
// tokens, your data (download it, see who looked at it) and deleting the account.
import { useState } from 'preact/hooks';
import { accounts, type CalendarFeed } from '../api/accounts';
import type { ApiToken, AuditEntry, NewApiToken, User } from '../api/types';
import { Field, FormError, PASSWORD_HINT, fieldError, useSubmit } from '../components/forms';
import { CopyField, ErrorNote, Loading, ScreenTitle } from '../components/ui';
import { signOutHere, updateUser } from '../auth';
import { navigate } from '../lib/router';
import { dateText, whenText } from '../lib/time';
import { useApi } from '../lib/useApi';
import { forgetLocalData } from '../state';

// The sign-in screens travel in this chunk too (src/app.tsx loads both from here).
export { AuthRoute } from './Auth';
import './account.css';

export const ROLE_TEXT: Record<User['role'], string> = {
  self: 'Rolling on your own',
  client: 'Coached by a trainer',
  trainer: 'Trainer',
  admin: 'Administrator of this unknot',
};

export function AccountScreen({ user }: { user: User }) {
  const signOut = async () => {
    await accounts.logout().catch(() => undefined); // offline or already out: signed out here either way
    signOutHere(false);
    navigate('/', true);
  };
  return (
    <div class="screen account">
      <ScreenTitle title="Account">Your account</ScreenTitle>
      <dl class="facts">
        <div><dt>Name</dt><dd>{user.name}</dd></div>
        <div><dt>Email</dt><dd>{user.email}</dd></div>
        <div><dt>Account</dt><dd>{ROLE_TEXT[user.role]}</dd></div>
      </dl>
      <Trainer user={user} />
      {(user.role === 'trainer' || user.role === 'admin') && (
        <p>Your clients, invites and their progress are on the <a href="#/clients">Clients</a> page.</p>
      )}
      <Reminder />
      <YourData />
      <ChangePassword />
      <Tokens />
      <section aria-labelledby="out-h">
        <h2 id="out-h">Sign out</h2>
        <p class="muted small">Your answers and plans stay on this device for when you sign in again.</p>
        <button type="button" class="btn" onClick={signOut}>Sign out</button>
      </section>
      <DeleteAccount />
    </div>
  );
}

function Trainer({ user }: { user: User }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!user.trainer) return null;
  const name = user.trainer.name;
  const leave = async () => {
    setError(null);
    try {
      updateUser(await accounts.leaveTrainer());
      setAsking(false);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="trainer-h">
      <h2 id="trainer-h">Your trainer</h2>
      <p><strong>{name}</strong> can see your sessions, health check and progress, and sends you routines.</p>
      {asking ? (
        <div class="note" role="alertdialog" aria-labelledby="leave-q">
          <p id="leave-q">Leave {name}? They will no longer see your data or send you routines. Everything you have recorded stays yours.</p>
          <FormError error={error} fields={[]} />
          <div class="actions">
            <button type="button" class="btn warn" onClick={leave}>Leave {name}</button>
            <button type="button" class="btn ghost" onClick={() => setAsking(false)}>Stay with {name}</button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn" onClick={() => setAsking(true)}>Leave trainer</button>
      )}
    </section>
  );
}

function ChangePassword() {
  const [done, setDone] = useState(false);
  const { busy, error, onSubmit } = useSubmit(async (f, form) => {
    setDone(false);
    await accounts.changePassword(f.current, f.password);
    form.reset();
    setDone(true);
  });
  return (
    <section aria-labelledby="pw-h">
      <h2 id="pw-h">Change your password</h2>
      <form onSubmit={onSubmit} noValidate>
        <Field name="current" label="Current password" type="password" autoComplete="current-password" error={fieldError(error, 'current')} required />
        <Field name="password" id="f-new-password" label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT}
          error={fieldError(error, 'password')} required minLength={12} />
        <FormError error={error} fields={['current', 'password']} />
        {done && <p class="note" role="status">Password changed. Your other devices are signed out.</p>}
        <button type="submit" class="btn" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button>
      </form>
    </section>
  );
}

function Tokens() {
  const list = useApi(() => accounts.tokens(), []);
  const [fresh, setFresh] = useState<NewApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const { busy, error, onSubmit } = useSubmit(async (f, form) => {
    setFresh(await accounts.newToken(f.name, Number(f.days)));
    (form.elements.namedItem('name') as HTMLInputElement).value = ''; // the next token gets a name of its own
    list.retry();
  });
  const revoke = async (t: ApiToken) => {
    setRevokeError(null);
    try {
      await accounts.revokeToken(t.id);
      if (fresh?.id === t.id) setFresh(null);
      list.retry();
    } catch (e) {
      setRevokeError(e);
    }
  };
  return (
    <section aria-labelledby="tokens-h">
      <h2 id="tokens-h">Personal API tokens</h2>
      <p class="muted small">For your own scripts and the command line: send one as <code>Authorization: Bearer …</code>. Anyone holding a token can act as you, so revoke any you no longer use.</p>
      {fresh && (
        <div class="note" role="status">
          <CopyField id="new-token" label={`Your new token “${fresh.name}”`} value={fresh.token} />
          <p><strong>Copy it now:</strong> it is shown only this once.</p>
        </div>
      )}
      {list.error !== undefined && list.error !== null && !list.data ? <ErrorNote error={list.error} retry={list.retry} /> : null}
      {list.data && list.data.length > 0 && (
        <ul class="rows">
          {list.data.map((t) => (
            <li key={t.id}>
              <span><strong>{t.name}</strong> <span class="muted small">made {dateText(t.created_unix_ms)}{t.expires_unix_ms ? `, works until ${dateText(t.expires_unix_ms)}` : ''}</span></span>
              <button type="button" class="btn" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>Revoke</button>
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.length === 0 && <p>You have no API tokens.</p>}
      <FormError error={revokeError} fields={[]} />
      <form onSubmit={onSubmit} noValidate class="inline-form">
        <Field name="name" label="Name for a new token" hint="What it is for, e.g. “laptop script”." error={fieldError(error, 'name')} required maxLength={100} />
        <div class="field">
          <label for="f-days">Works for</label>
          <select id="f-days" name="days">
            <option value="30">30 days</option>
            <option value="90" selected>90 days</option>
            <option value="366">a year</option>
          </select>
        </div>
        <FormError error={error} fields={['name', 'days']} />
        <button type="submit" class="btn" disabled={busy}>Create token</button>
      </form>
    </section>
  );
}

const ACTION: Record<string, string> = {
  read: 'looked at', write: 'changed', login: 'signed in', login_failed: 'tried a wrong password', locked: 'account locked after wrong passwords',
  export: 'downloaded your data', password_changed: 'changed your password', password_reset: 'reset your password',
  joined_trainer: 'joined a trainer', left_trainer: 'left your trainer', coaching_ended: 'ended coaching',
  account_created: 'created your account', reset_issued: 'issued a password-reset link',
};
// Reads and writes of health data, by route: [route, "looked at …", what a write did].
const HEALTH: Array<[RegExp, string, string]> = [
  [/\/progress$/, 'looked at your progress', 'changed your progress'],
  [/\/history$/, 'looked at your past sessions', 'changed your past sessions'],
  [/\/screenings$/, 'looked at your health check', 'recorded a health check for you'],
  [/\/clearances$/, "looked at your professionals' go-aheads", "recorded a professional's go-ahead for you"],
  [/\/assessments$/, 'looked at your movement assessments', 'recorded a movement assessment of you'],
  [/\/assignments$/, 'looked at your routines', 'sent you a routine'],
  [/\/sessions/, 'looked at a session', 'recorded a session for you'],
  [/\/dashboard$/, 'looked at your summary on their dashboard', 'changed your summary'],
];

/** "Sam looked at your progress" */
export function auditLine(e: AuditEntry): { who: string; what: string } {
  const who = e.actor === 'you' ? 'You' : e.actor === null ? 'A deleted account' : e.actor.name;
  const health = HEALTH.find(([re]) => re.test(e.target));
  if ((e.action === 'read' || e.action === 'write') && health) return { who, what: e.action === 'read' ? health[1] : health[2] };
  return { who, what: `${ACTION[e.action] ?? e.action.replace(/_/g, ' ')}${e.action === 'read' || e.action === 'write' ? ` (${e.target})` : ''}` };
}

/** The same thing done again and again in a row (a dashboard visited daily) as one line. */
function grouped(entries: AuditEntry[]): Array<{ who: string; what: string; at: number; times: number }> {
  const out: Array<{ who: string; what: string; at: number; times: number }> = [];
  for (const e of entries) {
    const l = auditLine(e);
    const last = out[out.length - 1];
    if (last && last.who === l.who && last.what === l.what) last.times++;
    else out.push({ ...l, at: e.at_unix_ms, times: 1 }); // newest first: the first one's time is the latest
  }
  return out;
}

/** A secret iCalendar address (POST /api/v1/calendar): a daily event with a reminder. The
 *  address is shown once, when made; making it again replaces it. */
function Reminder() {
  const state = useApi(() => accounts.calendar(), []);
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [time, setTime] = useState('07:30');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (act: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await act();
      state.retry();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const make = (t: string) => run(async () => setFeed(await accounts.makeCalendar(t)));
  const on = feed ?? (state.data?.active ? state.data : null);
  return (
    <section aria-labelledby="cal-h">
      <h2 id="cal-h">Daily reminder in your calendar</h2>
      <p class="muted small">A private address your phone's calendar subscribes to: a daily event at your time with today's routine in it. Anyone with the address can read it.</p>
      {state.error !== undefined && state.error !== null && !state.data ? <ErrorNote error={state.error} retry={state.retry} /> : null}
      {on ? (
        <>
          <p role="status">On, every day at <strong>{on.time}</strong>.</p>
          {feed ? (
            <div class="note">
              <p><a class="btn primary" href={feed.webcal}>Subscribe in your calendar</a></p>
              <CopyField id="cal-url" label="Or add this address to your calendar" value={feed.url} />
              <p class="small">Shown only now: make a new address if you need it again.</p>
            </div>
          ) : null}
          <div class="actions">
            <button type="button" class="btn" disabled={busy} onClick={() => void make(on.time ?? time)}>Replace address</button>
            <button type="button" class="btn" disabled={busy} onClick={() => void run(async () => (await accounts.stopCalendar(), setFeed(null)))}>Turn off</button>
          </div>
        </>
      ) : state.data ? (
        <form class="inline-form" onSubmit={(e) => (e.preventDefault(), void make(time))}>
          <div class="field">
            <label for="f-cal-time">Time of day</label>
            <input id="f-cal-time" type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
          </div>
          <button type="submit" class="btn" disabled={busy || !time}>Turn on</button>
        </form>
      ) : null}
      <FormError error={error} fields={[]} />
    </section>
  );
}

function YourData() {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">Your data</h2>
      <p>Everything unknot has of yours, as one JSON file: sessions, tender spots, health checks, assessments and routines.</p>
      <div class="actions">
        <a class="btn" href="/api/v1/export" download="unknot-export.json">Download my data</a>
        <a class="btn" href="/api/v1/export/holds.csv" download="unknot-holds.csv">Download my holds (CSV)</a>
        <button type="button" class="btn" aria-expanded={open} aria-controls="audit" onClick={() => setOpen(!open)}>Who looked at my data</button>
      </div>
      {open && <Audit />}
    </section>
  );
}

function Audit() {
  const [everything, setEverything] = useState(false);
  // The server picks the entries, so the newest 200 are others' and not crowded out by one's own.
  const log = useApi(() => accounts.audit(everything), [everything]);
  const shown = log.data;
  return (
    <div id="audit" class="audit">
      {/* Stays in place while the other list loads, so the tick keeps its focus. */}
      <label class="check">
        <input type="checkbox" checked={everything} onChange={() => setEverything(!everything)} />
        <span>Include what you did yourself (sign-ins, downloads)</span>
      </label>
      {!shown ? (
        log.error ? <ErrorNote error={log.error} retry={log.retry} /> : <Loading what="Loading the record" />
      ) : shown.length === 0 ? (
        <p>{everything ? 'Nothing recorded yet.' : 'No one else has looked at or changed your data.'}</p>
      ) : (
        <ul class="rows">
          {grouped(shown).map((l, i) => (
            <li key={i}>
              <span><strong>{l.who}</strong> {l.what}{l.times > 1 && <span class="muted"> ({l.times} times)</span>}</span>
              <span class="muted small">{l.times > 1 && 'last '}<time dateTime={new Date(l.at).toISOString()}>{whenText(l.at)}</time></span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DeleteAccount() {
  const { busy, error, onSubmit } = useSubmit(async (f) => {
    await accounts.deleteMe(f.password);
    forgetLocalData();
    signOutHere(false);
    navigate('/', true);
  });
  return (
    <section aria-labelledby="delete-h" class="danger">
      <h2 id="delete-h">Delete my account</h2>
      <details>
        <summary>Delete my account and everything in it</summary>
        <p>This deletes your account and all your sessions, tender spots, health checks and assessments, for good. Download your data first if you want to keep it.</p>
        <form onSubmit={onSubmit} noValidate>
          <Field name="password" id="f-delete-password" label="Your password, to confirm" type="password" autoComplete="current-password"
            error={fieldError(error, 'password')} required />
          <FormError error={error} fields={['password']} />
          <button type="submit" class="btn warn" disabled={busy}>{busy ? 'Deleting…' : 'Delete my account for good'}</button>
        </form>
      </details>
    </section>
  );
}
