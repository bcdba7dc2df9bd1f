// A trainer's desk, in a chunk of its own: the clients dashboard (GET /api/v1/dashboard) with
// invite links, one client's page (screen, assess, progress, assign a routine, end coaching),
// and the routine preview that assigns it. Screening, assessment, progress and choosing are
// the person's own screens, opened with the client's id (ClientRoute: #/clients/ID/...), under
// a banner saying whose data is on screen. The client's page lists their clearances after a refer.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { auth } from '../auth';
import { coaching } from '../api/coaching';
import type { Assignment, Invite } from '../api/types';
import { CopyField, ErrorNote, Loading, Redirect, ScreenTitle } from '../components/ui';
import { useClientName } from '../components/Working';
import { describeRow, sortRows, summary, type RowView, type TrendView } from '../lib/dashboard';
import { minutesText } from '../lib/names';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { daysAgo, dateText } from '../lib/time';
import { useApi } from '../lib/useApi';
import { clientNames, subject } from '../state';
import { AssessResultScreen, AssessScreen } from './Assess';
import { ChooseScreen } from './Choose';
import { ClearanceList } from './Clearance';
import { Pdf, PlanDetails, planSummary } from './Plan';
import { ProgressScreen } from './Progress';
import { ScreeningResultScreen, ScreeningScreen } from './Screening';
import './clients.css';

/** #/clients/ID/...: the banner, and the screen for that client. */
export function ClientRoute({ id, rest }: { id: number; rest: string[] }) {
  return (
    <>
      <WorkingWith client={id} />
      <ClientScreens id={id} rest={rest} />
    </>
  );
}

let asking: Promise<unknown> | null = null;

function WorkingWith({ client }: { client: number }) {
  const name = useClientName(client);
  const known = name !== 'your client';
  useEffect(() => {
    if (known || asking) return; // opened directly: names come from the client list
    asking = api.clients()
      .then((list) => clientNames.set((n) => ({ ...n, ...Object.fromEntries(list.map((c) => [c.id, c.name])) })))
      .catch(() => undefined)
      .finally(() => (asking = null));
  }, [client, known]);
  return (
    <aside class="working" aria-label="Whose data">
      <span>Working with: <a href={`#/clients/${client}`}><strong>{name}</strong></a></span>
      <a class="back" href="#/clients">Back to my clients</a>
    </aside>
  );
}

function ClientScreens({ id, rest }: { id: number; rest: string[] }) {
  const sub = subject(id);
  const screened = useStore(sub.screening);
  const [what, more] = rest;
  const needScreening = <Redirect to={`${sub.base}/screening`} />;
  switch (what) {
    case undefined:
      return <ClientScreen id={id} />;
    case 'screening':
      return more === 'result' ? <ScreeningResultScreen key={id} client={id} /> : <ScreeningScreen key={id} client={id} />;
    case 'assess':
      if (!screened) return needScreening;
      return more === 'result' ? <AssessResultScreen key={id} client={id} /> : <AssessScreen key={id} client={id} />;
    case 'choose':
      if (!screened) return needScreening;
      return screened.result.verdict === 'refer' ? <Redirect to={`${sub.base}/screening/result`} /> : <ChooseScreen key={id} client={id} />;
    case 'assign':
      return <AssignScreen key={id} id={id} />;
    case 'progress':
      return <ProgressScreen key={id} client={id} />;
    default:
      return (
        <div class="screen">
          <ScreenTitle title="Not found">Nothing here</ScreenTitle>
          <p><a href={`#/clients/${id}`}>Back to this client</a></p>
        </div>
      );
  }
}

function useDashboard() {
  return useApi(async () => {
    const d = await coaching.dashboard();
    clientNames.set((n) => ({ ...n, ...Object.fromEntries(d.clients.map((r) => [r.client.id, r.client.name])) }));
    return sortRows(d.clients.map((r) => describeRow(r)));
  }, []);
}

export function ClientsScreen() {
  const rows = useDashboard();
  return (
    <div class="screen clients">
      <ScreenTitle title="Clients">Your clients</ScreenTitle>
      <InviteBox />
      {!rows.data ? (
        rows.error ? <ErrorNote error={rows.error} retry={rows.retry} /> : <Loading what="Adding up your clients' sessions" />
      ) : rows.data.length === 0 ? (
        <p class="lead">
          No clients yet. Invite your first: they open the link on their phone, create an account with it, and appear here with their sessions.
        </p>
      ) : (
        <>
          <p class="muted" role="status">{summary(rows.data)}. Last 4 weeks; trends compare the last two weeks with the two before.</p>
          <ul class="client-list">
            {rows.data.map((r) => <li key={r.id}><ClientCard row={r} /></li>)}
          </ul>
        </>
      )}
    </div>
  );
}

function InviteBox() {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setInvite(await coaching.newInvite());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="invite" aria-labelledby="invite-h">
      <h2 id="invite-h" class="visually-hidden">Invite a client</h2>
      {invite ? (
        <div class="note">
          <CopyField id="invite-link" label="Send this link to your client" value={invite.url} />
          <p class="small">It works once, until {dateText(invite.expires_unix_ms)}. Whoever opens it creates an account (or signs in) and becomes your client.</p>
          <button type="button" class="btn" onClick={make} disabled={busy}>Make another link</button>
        </div>
      ) : (
        <button type="button" class="btn primary big" onClick={make} disabled={busy}>{busy ? 'Making a link…' : 'Invite a client'}</button>
      )}
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}

function Trend({ t }: { t: TrendView }) {
  return (
    <>
      <span class={`trend-word tone-${t.tone}`}>{t.arrow && <span aria-hidden="true">{t.arrow} </span>}{t.words}</span>
      <small>{t.detail}</small>
    </>
  );
}

function Stats({ row }: { row: RowView }) {
  return (
    <dl class="client-stats">
      <div><dt>Sessions</dt><dd>{row.perWeek}<small>{row.sessions}</small></dd></div>
      <div><dt>Streak</dt><dd>{row.streak}</dd></div>
      <div><dt>Last session</dt><dd>{row.last}</dd></div>
      <div><dt>Tender spots</dt><dd><Trend t={row.spots} /></dd></div>
      <div><dt>Tenderness</dt><dd><Trend t={row.tenderness} /></dd></div>
      <div><dt>Health check</dt><dd class={`tone-${row.screening.tone}`}>{row.screening.text}</dd></div>
      <div><dt>Reassessment</dt><dd>{row.reassessment}</dd></div>
    </dl>
  );
}

function Flags({ row }: { row: RowView }) {
  if (!row.flags.length) return null;
  return (
    <ul class="flags" aria-label={`Needs attention: ${row.name}`}>
      {row.flags.map((f) => (
        <li key={f.kind} class={`flag flag-${f.kind}`}><span aria-hidden="true">{f.kind === 'refer' ? '⚠' : '!'}</span> {f.text}</li>
      ))}
    </ul>
  );
}

function ClientCard({ row }: { row: RowView }) {
  const base = `#/clients/${row.id}`;
  return (
    <article class={`card client${row.urgency ? ' flagged' : ''}`} aria-labelledby={`client-${row.id}`}>
      <div class="client-head">
        <h2 id={`client-${row.id}`}><a href={base}>{row.name}</a></h2>
        <Flags row={row} />
      </div>
      <Stats row={row} />
      <nav class="client-actions" aria-label={`Work with ${row.name}`}>
        <a href={`${base}/screening`}>Health check</a>
        <a href={`${base}/assess`}>Assess</a>
        <a href={`${base}/progress`}>Progress</a>
        <a href={`${base}/choose`}>Assign a routine</a>
      </nav>
    </article>
  );
}

export function ClientScreen({ id }: { id: number }) {
  const rows = useDashboard();
  const routines = useApi(() => coaching.assignments(id), [id]);
  const name = useClientName(id);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!rows.data) return rows.error ? <ErrorNote error={rows.error} retry={rows.retry} /> : <Loading what="Opening your client" />;
  const row = rows.data.find((r) => r.id === id);
  if (!row)
    return (
      <div class="screen">
        <ScreenTitle title="Client">Not one of your clients</ScreenTitle>
        <p>They may have left, or coaching was ended. <a href="#/clients">Back to your clients</a></p>
      </div>
    );
  const base = `#/clients/${id}`;
  const end = async () => {
    setError(null);
    try {
      await coaching.endCoaching(id);
      navigate('/clients');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div class="screen client-page">
      <ScreenTitle title={name}>{row.name}</ScreenTitle>
      <Flags row={row} />
      <div class="tiles-4">
        <a class="btn big" href={`${base}/screening`}>Health check</a>
        <a class="btn big" href={`${base}/assess`}>Movement assessment</a>
        <a class="btn big" href={`${base}/progress`}>Progress</a>
        <a class="btn primary big" href={`${base}/choose`}>Assign a routine</a>
      </div>
      <h2>Last 4 weeks</h2>
      <Stats row={row} />
      <h2>Cleared by a professional</h2>
      <ClearanceList client={id} />
      <h2>Current routine</h2>
      {routines.data?.[0] ? <><RoutineLine a={routines.data[0]} /><Pdf plan={routines.data[0].id} /></> : routines.error ? <ErrorNote error={routines.error} retry={routines.retry} /> : routines.data ? <p>None assigned yet.</p> : <Loading />}
      <section aria-labelledby="end-h" class="danger">
        <h2 id="end-h">End coaching</h2>
        {ending ? (
          <div class="note" role="alertdialog" aria-labelledby="end-q">
            <p id="end-q">Stop coaching {row.name}? You will no longer see their data or assign routines. Their data stays theirs.</p>
            {error !== null && <ErrorNote error={error} />}
            <div class="actions">
              <button type="button" class="btn warn" onClick={end}>End coaching</button>
              <button type="button" class="btn ghost" onClick={() => setEnding(false)}>Keep coaching</button>
            </div>
          </div>
        ) : (
          <button type="button" class="btn" onClick={() => setEnding(true)}>End coaching {row.name}</button>
        )}
      </section>
    </div>
  );
}

function RoutineLine({ a }: { a: Assignment }) {
  const s = planSummary(a.plan);
  return (
    <p>
      Sent {daysAgo(a.created_unix_ms)}: about {minutesText(a.plan.total_seconds)}, {s.rolls} to roll
      {s.stretches > 0 && `, ${s.stretches} stretch${s.stretches === 1 ? '' : 'es'}`}
      {s.exercises > 0 && `, ${s.exercises} exercise${s.exercises === 1 ? '' : 's'}`}.
      {a.note && <> Note: “{a.note}”</>}
    </p>
  );
}

/** The routine built on Choose or from an assessment, previewed in full, with a note. */
export function AssignScreen({ id }: { id: number }) {
  const sub = subject(id);
  const draft = useStore(sub.draft);
  const name = useClientName(id);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const me = useStore(auth);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (sent !== null)
    return (
      <div class="screen">
        <ScreenTitle title="Routine sent">Sent to {name}</ScreenTitle>
        <p class="lead">{name} sees it on their home screen as today's routine, with a big Start button.</p>
        <Pdf plan={sent} />
        <div class="actions">
          <a class="btn primary" href={`#/clients/${id}`}>Back to {name}</a>
          <a class="btn ghost" href="#/clients">All clients</a>
        </div>
      </div>
    );
  if (!draft) return <Redirect to={`/clients/${id}/choose`} />;
  const assign = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await coaching.assign(id, draft.profile, note.trim());
      sub.draft.set(null);
      setSent(made.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // The note first (it goes on top of the client's home screen), then the routine to look
  // over, with Assign always in reach.
  const intro = (
    <div class="field">
      <label for="note">Note for {name} <span class="muted">(optional)</span></label>
      <p class="hint" id="note-hint">Shown above the routine on {name}'s home screen.</p>
      <textarea id="note" rows={2} maxLength={500} value={note} aria-describedby="note-hint"
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} placeholder="e.g. Before your runs, three times this week." />
    </div>
  );
  const footer = (
    <>
      {error !== null && <ErrorNote error={error} />}
      <div class="actions sticky">
        <button type="button" class="btn ghost" onClick={() => navigate(`/clients/${id}/choose`)}>Change</button>
        <button type="button" class="btn primary big" disabled={busy} onClick={assign}>{busy ? 'Sending…' : `Assign to ${name}`}</button>
      </div>
    </>
  );
  const trainer = me.kind === 'signed_in' ? me.user.name : undefined;
  return <PlanDetails plan={draft.plan} heading={`Routine for ${name}`} intro={intro} footer={footer}
    handout={{ profile: draft.profile, client: name.slice(0, 100), trainer: trainer?.slice(0, 100) }} />;
}
