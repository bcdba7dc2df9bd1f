// Small shared pieces: the screen heading (title + focus on navigation), loading and errors.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HttpError, isNetworkError } from '../api/client';
import { redirect } from '../lib/router';

let firstScreen = true;

/** The one <h1> of a screen. Sets the tab title and, after a navigation, takes focus so screen
 *  readers announce the new screen and keyboard users start from the top. */
export function ScreenTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · unknot`;
    if (firstScreen) firstScreen = false;
    else ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p class="loading" role="status">{what}…</p>;
}

export function errorText(e: unknown): string {
  if (isNetworkError(e)) return "You seem to be offline, and this isn't saved on this device yet.";
  if (e instanceof HttpError) {
    if (e.status === 404) return "We couldn't find that.";
    if (e.status === 503) return 'The server is busy right now. Please try again in a moment.';
    return e.message;
  }
  return 'Something went wrong.';
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="note warn" role="alert">
      <p>{errorText(error)}</p>
      {retry && (
        <button type="button" class="btn" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function List({ items, ordered = false }: { items: string[]; ordered?: boolean }) {
  const Tag = ordered ? 'ol' : 'ul';
  return <Tag>{items.map((s, i) => <li key={i}>{s}</li>)}</Tag>;
}

/** Moves to another route after rendering (never during it). */
export function Redirect({ to }: { to: string }) {
  const from = location.hash; // where this render was: the effect leaves a newer route alone
  useEffect(() => redirect(from, to), [to]);
  return null;
}

/** A secret or a link to hand on: shown in full, selected on focus, with a Copy button. */
export function CopyField({ label, value, id }: { label: string; value: string; id: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    const input = document.getElementById(id) as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard API (plain http on a LAN address): the old way, or select it for the person.
      input?.select();
      setCopied(document.execCommand?.('copy') ? 'yes' : 'no');
    }
  };
  return (
    <div class="field copy">
      <label for={id}>{label}</label>
      <div class="field-row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} spellcheck={false} />
        <button type="button" class="btn primary" onClick={copy}>Copy</button>
      </div>
      <p class="hint" role="status">{copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Selected: copy it with your keyboard or a long press.' : ''}</p>
    </div>
  );
}
