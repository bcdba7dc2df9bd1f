// After a refer: recording a doctor's or physiotherapist's go-ahead (POST /api/v1/clearances),
// and listing the ones on record (the trainer's view of a client). In a chunk of its own: most
// people never need it. A clearance is its own record; the answers are never changed, and the
// screening asks again once it runs out (the period comes from data/screening_gate.rec).
import { useState } from 'preact/hooks';
import { HttpError, V1, api, forClient, request } from '../api/client';
import type { Clearance, Clearances, NewClearance, Reason, Screening } from '../api/types';
import { ErrorNote, List, Loading, errorText } from '../components/ui';
import { useApi } from '../lib/useApi';

export const clearances = {
  list: (client?: number | null) => request<Clearances>('GET', `${V1}/clearances${forClient(client)}`),
  record: (c: NewClearance, client?: number | null) =>
    request<{ clearance: Clearance; screening: Screening }>('POST', `${V1}/clearances${forClient(client)}`, c),
};

/** "kidney_failure" -> "Kidney failure": condition ids are plain English words. */
export const conditionName = (id: string) => (id.charAt(0).toUpperCase() + id.slice(1)).replace(/_/g, ' ');

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const shown = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

function FieldError({ id, text }: { id: string; text: string | null }) {
  return text ? <p class="gap" id={id} role="alert">{text}</p> : null;
}

export function ClearanceForm(props: { reasons: Reason[]; client: number | null; who: string | null; onDone: (s: Screening) => void; onCancel: () => void }) {
  const { reasons, client, who } = props;
  const gate = useApi(() => api.gate(), []);
  const today = isoDay(new Date());
  const [condition, setCondition] = useState(reasons[0].condition);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  if (!gate.data) return gate.error ? <ErrorNote error={gate.error} retry={gate.retry} /> : <Loading />;
  const days = gate.data.clearance.valid_days;
  const earliest = isoDay(new Date(Date.now() - (days - 1) * 86400000));
  const on = (field: string) => (error?.field === field ? error.text : null);
  const save = async (e: Event) => {
    e.preventDefault();
    if (!sure) return setError({ field: 'sure', text: 'Please tick this to confirm a professional said so.' });
    setBusy(true);
    setError(null);
    try {
      const r = await clearances.record({ condition, date, note: note.trim() || null }, client);
      props.onDone(r.screening);
    } catch (x) {
      const field = x instanceof HttpError ? x.field : null;
      // The server's message continues its field's name ("date: is in the future ...").
      setError({ field, text: (field === 'date' ? 'That date ' : field === 'note' ? 'The note: ' : '') + errorText(x) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="clearance-form" onSubmit={save} noValidate>
      {reasons.length > 1 ? (
        <fieldset class="question">
          <legend>Which one did they clear? (Record each one separately.)</legend>
          {reasons.map((r) => (
            <label key={r.condition} class="check">
              <input type="radio" name="condition" checked={condition === r.condition} onChange={() => setCondition(r.condition)} />
              <span>{conditionName(r.condition)}</span>
            </label>
          ))}
          <FieldError id="e-condition" text={on('condition')} />
        </fieldset>
      ) : (
        <p>For: <strong>{conditionName(condition)}</strong></p>
      )}
      <div class="field">
        <label for="cl-date">When did they say so?</label>
        <input id="cl-date" type="date" value={date} min={earliest} max={today} aria-describedby="cl-date-hint e-date"
          onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        <p class="hint" id="cl-date-hint">We'll ask again {days === 365 ? 'a year' : `${days} days`} after this date.</p>
        <details class="why">
          <summary>Why we ask again</summary>
          <p>{gate.data.clearance.why}</p>
        </details>
        <FieldError id="e-date" text={on('date')} />
      </div>
      <div class="field">
        <label for="cl-note">What did they say? <span class="muted">(optional)</span></label>
        <textarea id="cl-note" rows={2} maxLength={500} value={note} aria-describedby="e-note"
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} placeholder="e.g. Gentle rolling is fine; keep off the lower back." />
        <FieldError id="e-note" text={on('note')} />
      </div>
      <label class="check">
        <input type="checkbox" checked={sure} aria-describedby="e-sure" onChange={(e) => setSure((e.target as HTMLInputElement).checked)} />
        <span>
          {who
            ? `${who}'s doctor or physiotherapist cleared them for foam rolling with this condition.`
            : 'My doctor or physiotherapist cleared me for foam rolling with this condition.'}
        </span>
      </label>
      <FieldError id="e-sure" text={on('sure')} />
      {error && !['condition', 'date', 'note', 'sure'].includes(error.field ?? '') && <p class="note warn" role="alert">{error.text}</p>}
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy}>{busy ? 'Saving…' : 'Record the go-ahead'}</button>
        <button type="button" class="btn ghost" onClick={props.onCancel}>Not now</button>
      </div>
    </form>
  );
}

/** On a refer: the way forward that does not change an answer. */
export function ClearanceOffer(props: { reasons: Reason[]; client: number | null; who: string | null; onDone: (s: Screening) => void }) {
  const { who } = props;
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="cleared-h" class="clearance">
      <h2 id="cleared-h">{who ? `Has a professional cleared ${who}?` : 'Has a professional cleared you?'}</h2>
      {open ? (
        <ClearanceForm reasons={props.reasons} client={props.client} who={who} onDone={(s) => (setOpen(false), props.onDone(s))} onCancel={() => setOpen(false)} />
      ) : (
        <>
          <p>
            {who
              ? `If ${who}'s doctor or physiotherapist has said foam rolling is fine for them, record it here. Their answers stay as they are.`
              : 'If your doctor or physiotherapist has said foam rolling is fine for you, record it here. Your answers stay as they are.'}
          </p>
          <button type="button" class="btn" onClick={() => setOpen(true)}>
            {who ? `${who}'s doctor or physio cleared them` : 'My doctor or physio cleared me'}
          </button>
        </>
      )}
    </section>
  );
}

/** On the result after a clearance: which refers a professional lifted, and until when. */
export function Lifted({ reasons }: { reasons: Reason[] }) {
  return (
    <>
      <h2>Cleared by a professional</h2>
      <List items={reasons.map((r) => `${conditionName(r.condition)}: cleared on ${shown(r.cleared_on!)}; we'll ask again from ${shown(r.cleared_until!)}.`)} />
    </>
  );
}

/** The clearances on a person's record, newest first: what was cleared, when, and until when. */
export function ClearanceList({ client }: { client: number | null }) {
  const list = useApi(() => clearances.list(client), [client]);
  if (!list.data) return list.error ? <ErrorNote error={list.error} retry={list.retry} /> : <Loading />;
  if (!list.data.clearances.length) return <p>None recorded. A refer stays until a doctor or physiotherapist clears it.</p>;
  return (
    <ul class="clearances">
      {list.data.clearances.map((c) => (
        <li key={c.id}>
          <strong>{conditionName(c.condition)}</strong>: cleared on {shown(c.date)}
          {c.in_force ? `, until ${shown(c.until)}` : `; ran out on ${shown(c.until)}`}
          {c.note && <> — “{c.note}”</>}
        </li>
      ))}
    </ul>
  );
}
