// Who is signed in, from GET /api/v1/auth: a first run (create the owner), signed out, or a
// user. The last user is remembered on this device so the app starts at once, and offline;
// /auth then confirms it. A 401 from any request signs the person out here without touching
// what the device keeps (answers, a running session, the outbox): after signing in again they
// are back where they were.
import { api, isNetworkError, setAuthHooks } from './api/client';
import type { AuthState, User } from './api/types';
import { load, save } from './lib/persist';
import { createStore } from './lib/store';
import { forgetLocalData } from './state';

export type AuthStatus =
  | { kind: 'loading' }
  | { kind: 'setup' } // no accounts yet: the first person creates the owner
  | { kind: 'signed_out'; expired: boolean } // expired: a request found the login gone
  | { kind: 'signed_in'; user: User };

const ME = 'unknot.me'; // the signed-in user, for a fast and offline start
const OWNER = 'unknot.owner'; // whose answers and plans this device holds

const cached = load<User | null>(ME, null);
export const auth = createStore<AuthStatus>(cached ? { kind: 'signed_in', user: cached } : { kind: 'loading' });
let csrf: string | null = null;
let refreshing: Promise<void> | null = null;

export function currentUser(): User | null {
  const s = auth.get();
  return s.kind === 'signed_in' ? s.user : null;
}

/** The last person who signed in on this device (they may be signed out just now). */
export function deviceOwner(): number | null {
  return load<number | null>(OWNER, null);
}

export function isCoach(u: User | null): boolean {
  return u?.role === 'trainer' || u?.role === 'admin';
}

/** Takes in an answer of /auth, /setup, /signup or /login. */
export function applyAuth(s: AuthState): void {
  csrf = s.csrf;
  if (s.user) {
    const owner = load<number | null>(OWNER, null);
    if (owner !== null && owner !== s.user.id) forgetLocalData(); // someone else used this device
    save(OWNER, s.user.id);
    save(ME, s.user);
    auth.set({ kind: 'signed_in', user: s.user });
  } else if (s.setup_required) {
    signOutHere(false);
    auth.set({ kind: 'setup' });
  } else {
    signOutHere(auth.get().kind === 'signed_in');
  }
}

/** The user changed (left a trainer, accepted an invite): the new record, same login. */
export function updateUser(user: User): void {
  save(ME, user);
  auth.set({ kind: 'signed_in', user });
}

/** Signed out, by choice or because the server said so. Local data stays for this person. */
export function signOutHere(expired: boolean): void {
  csrf = null;
  save(ME, null);
  auth.set({ kind: 'signed_out', expired });
}

/** Asks the server who is signed in; concurrent calls share one request. Offline, the
 *  remembered user carries on (and with no one remembered, the sign-in screen says why). */
export function refreshAuth(): Promise<void> {
  refreshing ??= api
    .auth()
    .then(applyAuth, (e) => {
      if (auth.get().kind === 'loading') auth.set({ kind: 'signed_out', expired: false });
      if (!isNetworkError(e)) throw e;
    })
    .finally(() => (refreshing = null));
  return refreshing;
}

setAuthHooks({
  csrf: () => csrf,
  refresh: () => refreshAuth().catch(() => undefined),
  lost: () => {
    if (auth.get().kind === 'signed_in') signOutHere(true);
  },
});
