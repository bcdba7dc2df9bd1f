// The accounts, trainer and data-rights calls (docs/accounts.md). Only the lazily loaded
// screens use these, so they stay out of the bundle the phone needs for a session.
import { V1, request } from './client';
import type {
  ApiToken, AuditEntry, AuthState, InviteInfo, NewApiToken, User,
} from './types';

const enc = encodeURIComponent;

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

export interface CalendarState { active: boolean; time: string | null; created_unix_ms: number | null }
export interface CalendarFeed { url: string; webcal: string; time: string }

export const accounts = {
  calendar: () => request<CalendarState>('GET', `${V1}/calendar`),
  makeCalendar: (time: string) => request<CalendarFeed>('POST', `${V1}/calendar`, { time }),
  stopCalendar: () => request<CalendarState>('DELETE', `${V1}/calendar`),
  setup: (a: NewAccount) => request<AuthState>('POST', `${V1}/setup`, a),
  signup: (a: NewAccount & { role?: 'self' | 'trainer'; invite?: string }) => request<AuthState>('POST', `${V1}/signup`, a),
  login: (email: string, password: string) => request<AuthState>('POST', `${V1}/login`, { email, password }),
  logout: () => request<{ signed_out: boolean }>('POST', `${V1}/logout`),
  changePassword: (current: string, password: string) => request<{ changed: boolean }>('POST', `${V1}/password`, { current, password }),
  resetPassword: (token: string, password: string) => request<{ reset: boolean }>('POST', `${V1}/password-reset`, { token, password }),
  tokens: () => request<ApiToken[]>('GET', `${V1}/tokens`),
  newToken: (name: string, days: number) => request<NewApiToken>('POST', `${V1}/tokens`, { name, days }),
  revokeToken: (id: string) => request<{ revoked: boolean }>('DELETE', `${V1}/tokens/${enc(id)}`),
  /** What others did with my data; `mine` adds my own sign-ins and downloads. */
  audit: (mine = false) => request<AuditEntry[]>('GET', `${V1}/audit${mine ? '?mine=true' : ''}`),
  deleteMe: (password: string) => request<{ deleted: boolean }>('DELETE', `${V1}/me`, { password }),
  leaveTrainer: () => request<User>('DELETE', `${V1}/trainer`),
  invite: (token: string) => request<InviteInfo>('GET', `${V1}/invites/${enc(token)}`),
  acceptInvite: (token: string) => request<User>('POST', `${V1}/invites/${enc(token)}/accept`),
};

