// Random ids for sessions and events: 22 characters of [A-Za-z0-9_-] (the API's id pattern),
// 132 bits from crypto.getRandomValues, so retries and offline replays never collide.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function randomId(length = 22): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 63];
  return s;
}
