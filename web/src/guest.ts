// Trying unknot before making an account: the health check and a plan come from the guest
// routes (computed like an account's, nothing kept on the server), the session runs on this
// device and waits in the outbox. Creating an account (or signing in) keeps it all: the
// answers go on record and the waiting session is sent.
import { api } from './api/client';
import type { Answers, Plan, Profile, Screening } from './api/types';
import { auth } from './auth';
import { load, save } from './lib/persist';
import { createStore } from './lib/store';
import { screening } from './state';

const KEY = 'unknot.guest';
export const guest = createStore<boolean>(load(KEY, false));
guest.subscribe((v) => save(KEY, v || null));

const signedIn = () => auth.get().kind === 'signed_in';
/** Trying without an account: not signed in, and asked to try. */
export const asGuest = () => guest.get() && !signedIn();

export function screen(answers: Answers, client: number | null): Promise<Screening> {
  return asGuest() ? api.guestScreen(answers) : api.screen(answers, client);
}
export function preview(answers: Answers, client: number | null): Promise<Screening> {
  return asGuest() ? api.guestScreen(answers) : api.preview(answers, client);
}
export function plan(profile: Profile): Promise<Plan> {
  return asGuest() ? api.guestPlan(profile) : api.plan(profile);
}

// Signed in after trying: the answers given as a guest go on record (the trainer view and the
// export read the record, not this device), then the device forgets it was a guest.
auth.subscribe((s) => {
  if (s.kind !== 'signed_in' || !guest.get()) return;
  guest.set(false);
  const saved = screening.get();
  if (saved) void api.screen({ answers: saved.answers }).catch(() => undefined);
});
