// Hash routing: "#/plan", "#/library/technique/calves_roll". The path is split into segments;
// screens pick what they need.
import { useEffect, useState } from 'preact/hooks';

export function currentPath(): string[] {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash.split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(path: string, replace = false): void {
  const target = path.startsWith('#') ? path : `#${path}`;
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Replaces the route with `to`, unless the route has moved on since `from` (the hash when the
 *  redirect was decided, during a render). The redirect itself runs later, in an effect after
 *  paint: a navigation in between (a tap, a link, a script) must win, not be overwritten. */
export function redirect(from: string, to: string): void {
  if (location.hash !== from) return;
  navigate(to, true);
}

export function href(path: string): string {
  return `#${path}`;
}

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const on = () => setPath((old) => (old.join('/') === currentPath().join('/') ? old : currentPath()));
    addEventListener('hashchange', on);
    on(); // a child's effect (a redirect) may have moved the hash before this listener existed
    return () => removeEventListener('hashchange', on);
  }, []);
  return path;
}
