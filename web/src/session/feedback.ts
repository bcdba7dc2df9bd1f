// Eyes-off feedback for the guided session: spoken cues (speechSynthesis), short tones (Web
// Audio), vibration, and a screen wake lock. Every piece is optional: where the browser lacks it,
// the session simply runs without it.

let audio: AudioContext | null = null;

/** Call from a user gesture (the Start tap): browsers only allow sound after one. */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
}

export type Tone = 'soft' | 'mark' | 'end' | 'switch' | 'done';

const TONES: Record<Tone, Array<[number, number]>> = {
  // [frequency Hz, start offset s]
  soft: [[660, 0]],
  mark: [[880, 0], [1175, 0.16]],
  end: [[1175, 0], [880, 0.16], [660, 0.32]],
  switch: [[587, 0], [880, 0.2]],
  done: [[523, 0], [659, 0.15], [784, 0.3], [1047, 0.45]],
};

export function playTone(kind: Tone): void {
  if (!audio) return;
  const now = audio.currentTime;
  for (const [freq, at] of TONES[kind]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + at);
    gain.gain.exponentialRampToValueAtTime(0.25, now + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.22);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + at);
    osc.stop(now + at + 0.25);
  }
}

export function speak(text: string): void {
  if (!('speechSynthesis' in window) || !text.trim()) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'en';
  u.rate = 0.95;
  speechSynthesis.speak(u);
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) speechSynthesis.cancel();
}

export function vibrate(pattern: number | number[]): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    /* not supported */
  }
}

interface WakeLockSentinelLike {
  release(): Promise<void>;
  released: boolean;
}

/** Keeps the screen on while a session runs; re-acquired when the page becomes visible again
 *  (the browser drops the lock whenever the page is hidden). */
export class ScreenAwake {
  #sentinel: WakeLockSentinelLike | null = null;
  #wanted = false;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && this.#wanted) void this.#acquire();
  };

  async start(): Promise<void> {
    if (this.#wanted) return;
    this.#wanted = true;
    document.addEventListener('visibilitychange', this.#onVisible);
    await this.#acquire();
  }

  async #acquire(): Promise<void> {
    const wl = (navigator as Navigator & { wakeLock?: { request(t: 'screen'): Promise<WakeLockSentinelLike> } }).wakeLock;
    if (!wl || (this.#sentinel && !this.#sentinel.released)) return;
    try {
      this.#sentinel = await wl.request('screen');
    } catch {
      this.#sentinel = null; // low battery, or not allowed: the session runs anyway
    }
  }

  stop(): void {
    this.#wanted = false;
    document.removeEventListener('visibilitychange', this.#onVisible);
    void this.#sentinel?.release().catch(() => undefined);
    this.#sentinel = null;
  }
}
