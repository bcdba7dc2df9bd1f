// A client's name for the wording of the screens a trainer opens for them (the dashboard and
// the client pages fill the names in: src/screens/Clients.tsx).
import { useStore } from '../lib/store';
import { clientNames } from '../state';

/** The client's name, or "your client" until it is known. */
export function useClientName(client: number | null | undefined): string {
  const names = useStore(clientNames);
  return (client && names[client]) || 'your client';
}
