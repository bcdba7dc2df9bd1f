// Where a move's picture is: one spelling of the URL for the app and the service worker, so the
// pictures of a saved plan are cached under the very keys the session screen asks for.
import type { Plan, Side } from '../api/types';

export function pictureUrl(move: string, tool?: string | null, side?: Side | null): string {
  const q = [tool && `tool=${encodeURIComponent(tool)}`, side && `side=${side}`].filter(Boolean).join('&');
  return `/api/v1/pictures/${encodeURIComponent(move)}${q ? `?${q}` : ''}`;
}

/** Every picture a plan's session shows, for running it with no network. */
export function planPictureUrls(plan: Plan): string[] {
  const urls = plan.phases.flatMap((p) => p.items.map((i) => pictureUrl(i.id, i.kind === 'smr' ? i.tool : null, i.side)));
  return [...new Set(urls)];
}
