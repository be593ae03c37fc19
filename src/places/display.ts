// How places are written to citizens: "Phường 3 (Quận 3)", "Thành phố Hồ Chí Minh".
import type { PlaceRef, Province } from './gazetteer.ts';
import { typeWord, type UnitType } from './names.ts';
import type { Place } from './resolve.ts';
import { PLACE_TEXTS } from '../texts/citizens.ts';

/** The file writes "Thành Phố", "Thủ Đô": official names capitalise only the first word of the type. */
export function provinceName(province: Province): string {
  return province.name.replace(/^Thành Phố /u, 'Thành phố ').replace(/^Thủ Đô /u, 'Thủ đô ');
}

/** The unit a place reference names, with its type and, for an old unit, its district. */
export function unitName(ref: PlaceRef): string {
  switch (ref.kind) {
    case 'commune':
      return ref.commune.name;
    case 'old':
      return oldUnitName(ref.old.type, ref.old.name, [ref.old.district, ref.old.oldProvince].filter(Boolean).join(', '));
    case 'province':
      return provinceName(ref.province);
    case 'oldProvince':
      return `${capital(typeWord(ref.type))} ${ref.name}`;
    case 'district':
      return capital(ref.district.name);
  }
}

/** An old unit as written: "Phường 3 (Quận 3)". */
export function oldUnitName(type: UnitType, name: string, district?: string): string {
  return `${capital(typeWord(type))} ${name}${district ? ` (${district})` : ''}`;
}

/** What the citizen asked about, with its type when typed: "phường 3", "kim cương". */
export function askedName(typed: string, type: UnitType | undefined): string {
  return type ? `${typeWord(type)} ${typed}` : typed;
}

/** A choice among places: the unit, new or old, and its province. */
export function placeLabel(place: Place): string {
  const fresh = place.ref.kind === 'commune' ? PLACE_TEXTS.newUnit : place.ref.kind === 'old' ? PLACE_TEXTS.oldUnit : '';
  const province = place.ref.kind === 'province' ? '' : `, ${provinceName(place.province)}`;
  return `${unitName(place.ref)}${fresh}${province}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
