// Times as people in Vietnam read them: UTC+7, no daylight saving. Deadlines, the
// citizen's receipt, the staff pages and the exports all count days this way.
const VIETNAM_UTC_OFFSET_MS = 7 * 3600_000;

function shifted(ms: number): string {
  return new Date(ms + VIETNAM_UTC_OFFSET_MS).toISOString();
}

/** The date in Vietnam at `ms`, as YYYY-MM-DD. */
export function localDate(ms: number): string {
  return shifted(ms).slice(0, 10);
}

/** `ms` in Vietnam time as "YYYY-MM-DD HH:MM" (sorts as text; Excel reads it as a date). */
export function vietnamTime(ms: number): string {
  return shifted(ms).slice(0, 16).replace('T', ' ');
}

/** `ms` as an ISO 8601 time with the Vietnam offset, e.g. "2026-12-02T14:05:00+07:00". */
export function vietnamIso(ms: number): string {
  return `${shifted(ms).slice(0, 19)}+07:00`;
}

/** A date as Vietnamese write it: 2026-11-22 → 22/11/2026. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
