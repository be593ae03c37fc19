// The shipped units file as the place tests read it, and what a message resolves to in a
// word: the main new commune's code (or the province's), or the kind when not resolved.
import type { Places } from '../../src/places/places.ts';
import { resolve } from '../../src/places/resolve.ts';

export function mainCode(places: Places, text: string): string {
  const r = resolve(places.reader.read(text), places.gazetteer);
  if (r?.kind !== 'resolved') return r?.kind ?? 'none';
  return r.place.communes[0]?.code ?? r.place.province.code;
}
