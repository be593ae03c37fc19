// A place answer as ranked results (for `motcua ask --json` and `motcua eval`): the new
// communes of a resolved place, main first; the candidates of an ambiguous one, each by
// its main commune; nothing for an unknown name. A place with no commune (a province)
// gives the province's code.
import { placeLabel, provinceName } from './display.ts';
import type { Place, Resolution } from './resolve.ts';

export interface PlaceResult {
  id: string;
  code: string;
  title: string;
  score: number;
}

export function placeResults(resolution: Resolution): PlaceResult[] {
  switch (resolution.kind) {
    case 'resolved': {
      const { place } = resolution;
      if (!place.communes.length) return [result(place, place.province.code, provinceName(place.province))];
      return place.communes.map((c) => result(place, c.code, `${c.name}, ${provinceName(c.province)}`));
    }
    case 'ambiguous':
      return resolution.options.map((o) => result(o, o.communes[0]?.code ?? o.province.code, placeLabel(o)));
    case 'unknown':
      return [];
  }
}

function result(place: Place, code: string, title: string): PlaceResult {
  return { id: `place:${place.id}`, code, title, score: 1 };
}
