// Times as people say them: "today", "yesterday", "3 days ago", "2 weeks ago". Counted in
// calendar days on this device's clock, so a session at 23:50 is "yesterday" ten minutes later.

const DAY = 86_400_000;

/** Whole calendar days from `then` to `now` (local time; DST-safe). */
export function daysBetween(then: number, now: number): number {
  const midnight = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.round((midnight(now) - midnight(then)) / DAY);
}

export function daysAgo(then: number, now = Date.now()): string {
  const days = daysBetween(then, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 365) return `${Math.round(days / 30)} months ago`;
  return 'over a year ago';
}

/** For records with a time of day (sign-ins, who looked at what): "today 14:05", "3 days ago". */
export function whenText(then: number, now = Date.now()): string {
  const days = daysBetween(then, now);
  if (days > 1) return daysAgo(then, now);
  const time = new Date(then).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${days <= 0 ? 'today' : 'yesterday'} ${time}`;
}

/** A calendar date for labels and tooltips: "Mon 3 Jun 2024" in the reader's locale. */
export function dateText(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** A calendar day from the API ("2026-12-03") the same way, read at noon so no time zone moves it. */
export function dayText(iso: string): string {
  return dateText(new Date(`${iso}T12:00:00`).getTime());
}
