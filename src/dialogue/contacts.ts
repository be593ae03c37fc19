// Where a citizen can go or call, as reply lines: the locality's one-stop offices, its
// hotline and portals. The words are the citizens' catalogue's; this picks the lines.
import type { Locality } from '../knowledge/locality.ts';
import { CONTACT_TEXTS, TEXTS } from '../texts/citizens.ts';

/** The locality's one-stop offices, one line each with address, hours and phone: where and when to go. */
export function officeLines(locality: Locality): string[] {
  return withExampleNote(locality, locality.one_stop.map(CONTACT_TEXTS.office));
}

/** Every way to reach the locality: its offices, the hotline and the portals. */
export function contactLines(locality: Locality): string[] {
  const { hotline, authority } = locality;
  return withExampleNote(locality, [
    ...locality.one_stop.map(CONTACT_TEXTS.office),
    ...(hotline.phone ? [CONTACT_TEXTS.hotline(authority, hotline.phone, hotline.hours)] : []),
    ...locality.portals.map((portal) => CONTACT_TEXTS.portal(portal.name, portal.url)),
  ]);
}

/** The reception points that serve a commune the test takes (by code), at most `max`, one line each. */
export function officesServing(locality: Locality, serves: (code: string) => boolean, max = Infinity): string[] {
  const serving = locality.one_stop.filter((o) => o.communes?.some(serves)).slice(0, max);
  return serving.length ? withExampleNote(locality, serving.map(CONTACT_TEXTS.office)) : [];
}

function withExampleNote(locality: Locality, lines: string[]): string[] {
  return locality.example ? [...lines, TEXTS.exampleLocality] : lines;
}
