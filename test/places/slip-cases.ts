// Place questions made from the units file: a unit's name typed right, the same name with
// one slip (see slips.ts), and names no unit bears, in the phrasings citizens use, with
// accents or without, qualified by the province or the old district where the name needs
// it. What each should resolve to comes from the file, not from the resolver: the one new
// commune a name leads to in that province. Scored by what the resolver makes of them.
import { fold } from '../../src/kernel/vietnamese.ts';
import { levelOf, type Gazetteer, type PlaceRef, type Province } from '../../src/places/gazetteer.ts';
import { fits } from '../../src/places/mentions.ts';
import { keyOf, placeWords, typeWord, type UnitType } from '../../src/places/names.ts';
import type { Places } from '../../src/places/places.ts';
import { resolve } from '../../src/places/resolve.ts';
import { Dice, MARK_SLIPS, slip, SLIP_KINDS, type SlipKind } from './slips.ts';

export interface SlipCase {
  text: string;
  /** The main new commune's code; undefined for a name no unit bears. */
  expect?: string;
  /** Typed right, with a slip, or made up: a letter off some name (near), or further. */
  kind: 'right' | 'slip' | 'invented' | 'invented-near';
  slip?: SlipKind;
}

/** What became of a set of cases: resolved right, resolved to another place, a list asked, nothing. */
export interface Tally {
  total: number;
  right: number;
  wrong: number;
  asked: number;
  none: number;
}

const PHRASINGS = [
  '{place} cũ giờ thuộc {type} nào',
  '{place} h thuộc đâu ạ',
  'Nhà tôi ở {place}, giờ ghi địa chỉ mới thế nào?',
  'cho e hỏi {place} sáp nhập vào đâu ạ',
  'ad ơi {place} h tên j v',
  'Em ở {place}, giờ làm giấy tờ thì ghi phường/xã nào ạ?',
  '{place} nay là xã nào',
  'hộ khẩu tôi ở {place}, nay thuộc xã nào?',
];
/** Said without its type, a name needs two words and a cue right after it. */
const BARE_PHRASINGS = ['{place} nhập vô đâu r mn', 'cho e hỏi {place} h tên j ạ'];
/** Share of messages typed without accents, of places said without their type, of slips in the qualifier too. */
const UNACCENTED = 0.4;
const BARE = 0.15;
const QUALIFIER_SLIP = 0.1;

interface Unit {
  type: UnitType;
  name: string;
  /** A province or old district that makes the name one place; empty when it is one already. */
  qualifiers: string[];
  code: string;
}

/** `count` units of each kind of case, chosen evenly through the file, with the dice's slips and phrasings. */
export function slipCases(gazetteer: Gazetteer, seed: number, count: number): SlipCase[] {
  const dice = new Dice(seed);
  const units = nameableUnits(gazetteer);
  const keys = [...gazetteer.keys()].map((key) => key.replace(/ /g, ''));
  const step = units.length / count;
  const cases: SlipCase[] = [];
  for (let k = 0; k < count; k++) {
    const unit = units[Math.floor(k * step + dice.next() * step) % units.length]!;
    const accented = dice.next() >= UNACCENTED;
    const right = { type: unit.type, name: unit.name, qualifier: dice.pick([...unit.qualifiers, ...(unit.qualifiers.length ? [] : [''])]) };
    cases.push({ text: phrased(right, accented, dice), expect: unit.code, kind: 'right' });
    const slipped = slipOf(unit.name, accented, gazetteer, dice);
    if (slipped) {
      const qualifier = right.qualifier && dice.next() < QUALIFIER_SLIP ? (slipOf(right.qualifier, accented, gazetteer, dice)?.text ?? right.qualifier) : right.qualifier;
      cases.push({ text: phrased({ ...right, name: slipped.text, qualifier }, accented, dice), expect: unit.code, kind: 'slip', slip: slipped.kind });
    }
    const invented = inventedName(units, gazetteer, dice);
    // Made up, a name is said with its type: said bare, it is no place to the reader at all.
    const compact = invented && keyOf(placeWords(invented)).replace(/ /g, '');
    const kind = compact && keys.some((key) => oneEditApart(compact, key)) ? 'invented-near' : 'invented';
    if (invented) cases.push({ text: phrased({ type: unit.type, name: invented, qualifier: right.qualifier }, accented, dice, true), kind });
  }
  return cases;
}

function phrased(place: { type: UnitType; name: string; qualifier: string }, accented: boolean, dice: Dice, typed = false): string {
  const bare = !typed && place.name.includes(' ') && dice.next() < BARE;
  const said = `${bare ? '' : `${typeWord(place.type)} `}${place.name}${place.qualifier ? `, ${place.qualifier}` : ''}`;
  const text = dice.pick(bare ? BARE_PHRASINGS : PHRASINGS).replace('{place}', said).replace('{type}', typeWord(place.type));
  return accented ? text : fold(text);
}

/** One slip of a kind the dice choose whose letters spell no unit's name (tone slips aside), or undefined after a few tries. */
function slipOf(name: string, accented: boolean, gazetteer: Gazetteer, dice: Dice): { text: string; kind: SlipKind } | undefined {
  for (let attempt = 0; attempt < 8; attempt++) {
    const kind = dice.pick(SLIP_KINDS.filter((k) => accented || !MARK_SLIPS.has(k)));
    const text = slip(name, kind, dice);
    if (!text) continue;
    const written = accented ? text : fold(text);
    if (MARK_SLIPS.has(kind) || gazetteer.named(fold(written)).length === 0) return { text, kind };
  }
  return undefined;
}

/** Two syllables of different names, together no name and in no name. */
function inventedName(units: readonly Unit[], gazetteer: Gazetteer, dice: Dice): string | undefined {
  const syllable = () => dice.pick(dice.pick(units).name.split(' '));
  const name = `${syllable()} ${syllable().toLowerCase()}`;
  const key = keyOf(placeWords(name));
  return /\d/.test(key) || gazetteer.named(key).length || [...name.split(' ')].length !== 2 ? undefined : name[0]!.toUpperCase() + name.slice(1);
}

/** The strings differ by at most one letter dropped, added or changed (any letter: a plain measure, not the resolver's). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + (x.length >= y.length ? 1 : 0)) === y.slice(i + (y.length >= x.length ? 1 : 0));
  return i === a.length && i === b.length ? true : rest(a, b);
}

/** Communes old and new whose name leads to one new commune in their province; numbered wards and provinces' names aside. */
function nameableUnits(gazetteer: Gazetteer): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<string>();
  const named = [
    ...gazetteer.old.map((old) => ({ type: old.type, name: old.name, province: old.province, district: old.districtInferred ? undefined : old.district })),
    ...gazetteer.communes.map((c) => ({ type: c.type, name: c.bare, province: c.province, district: undefined })),
  ];
  for (const { type, name, province, district } of named) {
    const key = keyOf(placeWords(name));
    // A province's name said bare is the province: no commune's case.
    if (gazetteer.named(key).some((r) => levelOf(r) === 'province')) continue;
    const refs = gazetteer.named(key).filter((r) => levelOf(r) === 'commune' && fits(r, type));
    const codes = new Set(refs.filter((r) => provinceOf(r) === province).map(mainCode));
    if (/\d/.test(key) || codes.size !== 1 || seen.has(`${province.code}|${type}|${key}`)) continue;
    seen.add(`${province.code}|${type}|${key}`);
    const unique = new Set(refs.map(mainCode)).size === 1;
    units.push({ type, name, code: [...codes][0]!, qualifiers: unique ? [] : [province.bare, ...(district ? [district] : [])] });
  }
  return units;
}

/** The new province of a commune, old or new. */
function provinceOf(ref: PlaceRef): Province | undefined {
  return ref.kind === 'old' ? ref.old.province : ref.kind === 'commune' ? ref.commune.province : undefined;
}

function mainCode(ref: PlaceRef): string | undefined {
  return ref.kind === 'old' ? ref.old.into[0]!.commune.code : ref.kind === 'commune' ? ref.commune.code : undefined;
}

/** What the resolver makes of each case, tallied by kind (and by slip). */
export function tallySlips(places: Places, cases: readonly SlipCase[]): Record<string, Tally> {
  const tallies: Record<string, Tally> = {};
  const add = (group: string, outcome: keyof Omit<Tally, 'total'>) => {
    const tally = (tallies[group] ??= { total: 0, right: 0, wrong: 0, asked: 0, none: 0 });
    tally.total++;
    tally[outcome]++;
  };
  for (const c of cases) {
    const r = resolve(places.reader.read(c.text), places.gazetteer);
    const code = r?.kind === 'resolved' ? (r.place.communes[0]?.code ?? r.place.province.code) : undefined;
    const outcome = r?.kind === 'ambiguous' ? 'asked' : code === undefined ? 'none' : code === c.expect ? 'right' : 'wrong';
    add(c.kind, outcome);
    if (c.slip) add(`slip:${c.slip}`, outcome);
  }
  return tallies;
}
