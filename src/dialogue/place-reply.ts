// What the citizen reads about a place: where an old unit is now and where to file
// there (the locality's reception points for that commune, when its file lists them),
// which of several places was meant, or that the name is not known and the closest ones.
import type { Locality } from '../knowledge/locality.ts';
import { askedName, oldUnitName, placeLabel, provinceName, unitName } from '../places/display.ts';
import type { PlaceFinding } from '../search/place-question.ts';
import type { Place, Resolution } from '../places/resolve.ts';
import { LEVEL_OF } from '../places/names.ts';
import type { Choice, Reply } from '../kernel/reply.ts';
import { contactLines, officesServing } from './contacts.ts';
import { MENU_TEXTS, PLACE_TEXTS } from '../texts/citizens.ts';

/** At most this many places are offered as choices; the citizen can also type the province or district. */
const MAX_CHOICES = 8;
const MAX_CLOSEST = 3;
/** Other reception points of the province shown (the citizen may file at any for many procedures). */
const MAX_NEARBY = 3;

/** A place question's reply; a procedure it also names ("phường Bến Nghé cũ làm căn cước ở đâu") is one tap away. */
export function renderPlaceQuestion(finding: PlaceFinding, locality: Locality): Reply {
  const reply = renderPlace(finding.resolution, locality);
  const { procedure } = finding;
  if (!procedure || finding.resolution.kind !== 'resolved') return reply;
  return { ...reply, choices: [...(reply.choices ?? []), { label: MENU_TEXTS.seeProcedure(procedure.title), action: `entry:${procedure.id}` }] };
}

export function renderPlace(resolution: Resolution, locality: Locality): Reply {
  switch (resolution.kind) {
    case 'resolved': {
      const { place, typed, corrected } = resolution;
      const readAs = corrected ? [PLACE_TEXTS.readAs(typed, unitName(place.ref))] : [];
      const text = [...readAs, describe(place), ...whereToFile(place, locality), PLACE_TEXTS.source].join('\n\n');
      return { text, about: { kind: 'place', codes: codesOf(place) } };
    }
    case 'ambiguous': {
      const { options, typed } = resolution;
      const more = Math.max(0, options.length - MAX_CHOICES);
      const asked = askedName(typed, resolution.type);
      const text = resolution.ask === 'district' ? PLACE_TEXTS.askDistrict(asked, provinceName(options[0]!.province), more) : PLACE_TEXTS.askProvince(asked, more);
      return { text, choices: choicesOf(options.slice(0, MAX_CHOICES)), about: { kind: 'place_list', codes: options.map((o) => codesOf(o)[0]!) } };
    }
    case 'unknown': {
      // The file lists no hamlets: the commune it was in is what can be looked up.
      if (resolution.type && LEVEL_OF[resolution.type] === 'village') return { text: PLACE_TEXTS.unknownHamlet, about: { kind: 'fallback' } };
      const closest = resolution.closest.slice(0, MAX_CLOSEST);
      const lines = [PLACE_TEXTS.unknown(askedName(resolution.typed, resolution.type)), closest.length ? PLACE_TEXTS.didYouMean : [PLACE_TEXTS.checkName, ...contactLines(locality)].join('\n')];
      return { text: lines.join('\n\n'), ...(closest.length ? { choices: choicesOf(closest) } : {}), about: { kind: 'fallback' } };
    }
  }
}

/** Beside a procedure's answer: where an old commune the citizen named is now, and where to file there. */
export function placeNote(finding: PlaceFinding | undefined, locality: Locality): Reply[] {
  if (finding?.role !== 'note' || finding.resolution.kind !== 'resolved') return [];
  const { place } = finding.resolution;
  // Only an old commune-level unit changes where the citizen goes.
  if (place.ref.kind !== 'old' || !place.communes.length) return [];
  return [{ text: [`${PLACE_TEXTS.notePrefix} ${describe(place)}`, ...whereToFile(place, locality)].join('\n') }];
}

/** The official codes a place answer is about: its new communes, or its province. */
function codesOf(place: Place): string[] {
  return place.communes.length ? place.communes.map((c) => c.code) : [place.province.code];
}

function describe(place: Place): string {
  const province = provinceName(place.province);
  const names = place.communes.map((c) => c.name);
  switch (place.ref.kind) {
    case 'old':
      return names.length > 1 ? PLACE_TEXTS.oldSplit(unitName(place.ref), names, province) : PLACE_TEXTS.oldInto(unitName(place.ref), names[0]!, province);
    case 'commune': {
      const { commune } = place.ref;
      // Districts the file only implies are left out: they are a guess.
      const formedFrom = commune.formedFrom.map((p) => oldUnitName(p.type ?? commune.type, p.name, p.districtInferred ? undefined : p.district));
      return PLACE_TEXTS.commune(commune.name, province, formedFrom);
    }
    case 'oldProvince':
      return `${PLACE_TEXTS.oldProvince(unitName(place.ref), province)}\n\n${PLACE_TEXTS.askCommune}`;
    case 'province':
      return `${PLACE_TEXTS.province(province, place.province.formedFrom)}\n\n${PLACE_TEXTS.askCommune}`;
    case 'district':
      return `${PLACE_TEXTS.district(unitName(place.ref), province, names)}\n\n${PLACE_TEXTS.askCommune}`;
  }
}

/**
 * Where to file: the locality's reception points for the (main) new commune, else the
 * commune's one-stop shop in general; the locality's other points in the same province;
 * and filing anywhere in the province (Nghị định 118/2025/NĐ-CP).
 */
function whereToFile(place: Place, locality: Locality): string[] {
  const province = provinceName(place.province);
  const anywhere = PLACE_TEXTS.anywhereInProvince(province);
  const main = place.communes[0];
  if (!main || place.ref.kind === 'district') return [anywhere];
  const offices = officesServing(locality, (code) => code === main.code);
  const here = offices.length ? [PLACE_TEXTS.whereToFile(main.name), ...offices].join('\n') : PLACE_TEXTS.noOfficeListed(main.name);
  const nearby = officesServing(locality, (code) => code !== main.code && place.province.communeCodes.has(code), MAX_NEARBY);
  return [here, nearby.length ? [anywhere, PLACE_TEXTS.alsoHere, ...nearby].join('\n') : anywhere];
}

function choicesOf(places: readonly Place[]): Choice[] {
  return places.map((p) => ({ label: placeLabel(p), action: `place:${p.id}` }));
}
