// Screens the phone never needs for a session (sign-in, account, trainer) come in their own
// chunks, fetched the first time one is shown (vite.config.ts names the chunks).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote, Loading } from './ui';

export function lazy<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const start = () =>
    (pending ??= load().then(
      (m) => void (loaded = pick(m)),
      (e) => {
        pending = null; // try again next time
        throw e;
      },
    ));
  return function Lazy(props: P) {
    const [, setReady] = useState(0);
    const [error, setError] = useState<unknown>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady((n) => n + 1),
        (e) => live && setError(e),
      );
      return () => void (live = false);
    }, [attempt]);
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    if (error) return <ErrorNote error={error} retry={() => (setError(null), setAttempt((n) => n + 1))} />;
    return <Loading />;
  };
}
