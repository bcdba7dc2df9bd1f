// A trainer's calls: invite links, the dashboard, ending coaching, assigning routines
// (docs/accounts.md). Only the lazily loaded trainer screens use them.
import { V1, forClient, request } from './client';
import type { Assignment, AssignmentCreated, Dashboard, Invite, Profile } from './types';

export const coaching = {
  newInvite: () => request<Invite>('POST', `${V1}/invites`, {}),
  dashboard: () => request<Dashboard>('GET', `${V1}/dashboard`),
  endCoaching: (client: number) => request<{ ended: boolean }>('DELETE', `${V1}/clients/${client}`),
  assignments: (client: number) => request<Assignment[]>('GET', `${V1}/assignments${forClient(client)}`),
  assign: (client: number, profile: Profile, note: string) =>
    request<AssignmentCreated>('POST', `${V1}/assignments${forClient(client)}`, note ? { profile, note } : { profile }),
};
