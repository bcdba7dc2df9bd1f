// Printable PDFs (handouts, progress reports) and other files from the API: the paper size the
// person last chose, and downloads of POST answers (fetch -> blob -> <a download>). Only the
// lazily loaded handout chunk uses this (src/components/Handout.tsx).
import { HttpError, authHooks } from '../api/client';

export type Page = 'a4' | 'letter';
const KEY = 'unknot.page';

/** Letter where it is the usual paper (the Americas' Letter countries), A4 elsewhere. */
export function defaultPage(lang: string): Page {
  return /-(US|CA|MX|PH|CL|CO|VE)$/i.test(lang) ? 'letter' : 'a4';
}

export function savedPage(): Page {
  try {
    const p = localStorage.getItem(KEY);
    if (p === 'a4' || p === 'letter') return p;
  } catch {
    /* storage disabled */
  }
  return defaultPage(globalThis.navigator?.language ?? '');
}

export function savePage(p: Page): void {
  try {
    localStorage.setItem(KEY, p);
  } catch {
    /* storage disabled: chosen for now only */
  }
}

/** `path` with `page=` added to its query. */
export const withPage = (path: string, page: Page) => `${path}${path.includes('?') ? '&' : '?'}page=${page}`;

/** Hands a file to the browser to save (or open, as it does with PDFs). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** POSTs `body` (with the CSRF header, one retry with a fresh token) and saves the answer. */
export async function postFile(path: string, body: unknown, name: string, retry = true): Promise<void> {
  const h = authHooks();
  const csrf = h.csrf();
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const err = new HttpError(res.status, await res.json().catch(() => null));
    if (res.status === 403 && err.code === 'csrf' && retry) {
      await h.refresh();
      return postFile(path, body, name, false);
    }
    throw err;
  }
  saveBlob(await res.blob(), name);
}

// For the unit tests (test/pdf.test.mjs), which get their own copy of the client's hooks.
export { setAuthHooks } from '../api/client';
