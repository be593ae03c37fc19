// The index of every place name a citizen may use: the 34 provinces and 3,321 communes
// of 2025, the old provinces, districts and communes they were formed from. A name
// (folded: "ben nghe") leads to every place that bears it; which one was meant is
// the resolver's job.
import { parseBefore, type OldPart, type Share } from './before.ts';
import { keyOf, leadingType, LEVEL_OF, placeWords, splitType, typeWord, type Level, type UnitType } from './names.ts';
import type { UnitRecord } from './units.ts';
import type { OldDistrict } from './old-districts.ts';
import { addTo } from '../kernel/multimap.ts';

export interface Province {
  code: string;
  /** As the file writes it: "Thành Phố Hồ Chí Minh". */
  name: string;
  /** Without its type: "Hồ Chí Minh". */
  bare: string;
  /** The old provinces it was formed from, as written ("tỉnh Bình Dương"); empty when unchanged. */
  formedFrom: string[];
  /** Codes of its communes. */
  communeCodes: Set<string>;
}

export interface Commune {
  code: string;
  name: string;
  type: UnitType;
  bare: string;
  province: Province;
  /** The old units it was formed from, as written; empty when unchanged ("giữ nguyên"). */
  formedFrom: OldPart[];
}

/** An old unit (before 1 July 2025) and the new communes it went into, the main one first. */
export interface OldUnit {
  id: number;
  type: UnitType;
  name: string;
  /** As written: "Quận 6", "huyện Mai Sơn". */
  district?: string;
  /** The old province, where the file writes it beside the district ("huyện Châu Thành, tỉnh Trà Vinh"). */
  oldProvince?: string;
  /** The same district as a place of its own. */
  inDistrict?: District;
  districtInferred: boolean;
  province: Province;
  into: { commune: Commune; share: Share }[];
}

export interface District {
  type: UnitType;
  name: string;
  /** Folded bare name: "go vap", "6". */
  key: string;
  provinces: Province[];
  /** The new communes that took in its old units, as far as the file names districts. */
  communes: Commune[];
}

export type PlaceRef =
  | { kind: 'commune'; commune: Commune }
  | { kind: 'old'; old: OldUnit }
  | { kind: 'province'; province: Province }
  | { kind: 'oldProvince'; name: string; type: UnitType; province: Province }
  | { kind: 'district'; district: District };

/** A line of the file that could not be read whole. */
export interface UnreadPart {
  line: number;
  code: string;
  text: string;
}

/** Longest name in words: "Phường Văn Miếu Quốc Tử Giám" has 5. */
export const MAX_NAME_WORDS = 6;
const SHARE_RANK: Record<Share, number> = { whole: 2, rest: 2, part: 0 };
const PROVINCE_PREFIX = /^(?:thủ đô|thành phố|tỉnh)\s+/iu;

export class Gazetteer {
  readonly provinces: Province[] = [];
  readonly communes: Commune[] = [];
  readonly old: OldUnit[] = [];
  readonly districts: District[] = [];
  readonly unread: UnreadPart[] = [];
  private readonly byKey = new Map<string, PlaceRef[]>();
  private readonly byCode = new Map<string, Commune | Province>();

  /** `oldDistricts`: the districts before the merger, for the old units the records name without theirs. */
  constructor(records: readonly UnitRecord[], oldDistricts: readonly OldDistrict[] = []) {
    for (const r of records.filter((r) => r.level === 'province')) this.addProvince(r);
    for (const r of records.filter((r) => r.level === 'commune')) this.addCommune(r);
    this.addOldUnits();
    this.addListedDistricts(oldDistricts);
  }

  /** Every place named by this folded key. */
  named(key: string): readonly PlaceRef[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every folded name, for finding the closest one to a mistyped name. */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  commune(code: string): Commune | undefined {
    const found = this.byCode.get(code);
    return found && 'type' in found ? found : undefined;
  }

  province(code: string): Province | undefined {
    const found = this.byCode.get(code);
    return found && !('type' in found) ? found : undefined;
  }

  districtId(district: District): number {
    return this.districts.indexOf(district);
  }

  /** The new province a written name means ("Tỉnh Mẫu" → undefined, "TP HCM" → 79), old names included. */
  provinceNamed(text: string): Province | undefined {
    const { words } = splitType(text.replace(/^thủ đô\s+/iu, ''));
    for (const ref of this.named(keyOf(words))) {
      if (ref.kind === 'province' || ref.kind === 'oldProvince') return ref.province;
    }
    return undefined;
  }

  private add(name: string, ref: PlaceRef): void {
    const key = keyOf(placeWords(name));
    if (!key) return;
    const refs = this.byKey.get(key);
    if (!refs) this.byKey.set(key, [ref]);
    else if (!refs.some((r) => sameRef(r, ref))) refs.push(ref);
  }

  private addProvince(r: UnitRecord): void {
    const parsed = parseBefore(r.before);
    const province: Province = { code: r.code, name: r.name, bare: r.name.replace(PROVINCE_PREFIX, ''), formedFrom: [], communeCodes: new Set() };
    this.provinces.push(province);
    this.byCode.set(r.code, province);
    this.add(province.bare, { kind: 'province', province });
    for (const part of parsed.parts) {
      const type = part.type ?? 'tinh';
      province.formedFrom.push(`${typeWord(type)} ${part.name}`);
      // "Bà Rịa - Vũng Tàu" is also said by either half.
      for (const name of [part.name, ...part.name.split(/\s*-\s*/)]) this.add(name, { kind: 'oldProvince', name: part.name, type, province });
    }
    for (const text of parsed.unread) this.unread.push({ line: r.line, code: r.code, text });
  }

  private addCommune(r: UnitRecord): void {
    const province = this.province(r.province_code ?? '');
    const lead = leadingType(r.name);
    if (!province || !lead) {
      this.unread.push({ line: r.line, code: r.code, text: r.name });
      return;
    }
    const parsed = parseBefore(r.before);
    const commune: Commune = { code: r.code, name: r.name, type: lead.type, bare: lead.rest, province, formedFrom: parsed.parts };
    this.communes.push(commune);
    this.byCode.set(r.code, commune);
    province.communeCodes.add(r.code);
    this.add(commune.bare, { kind: 'commune', commune });
    for (const text of parsed.unread) this.unread.push({ line: r.line, code: r.code, text });
  }

  /**
   * One old unit per province, type, name and district: the same unit is listed in each
   * new commune that took a part of it. A listing without a district joins the one
   * listing of that name that has a district, when there is exactly one.
   */
  private addOldUnits(): void {
    const groups = new Map<string, OldUnit>();
    const districted = new Map<string, Set<string>>();
    const undistricted: [string, Commune, OldPart][] = [];
    for (const commune of this.communes) {
      for (const part of commune.formedFrom) {
        const base = unitKey(commune.province, part.type ?? commune.type, part.name);
        if (!part.district) {
          undistricted.push([base, commune, part]);
          continue;
        }
        // Two old towns of one name and district name, in two old provinces now one (Châu Thành of Bến Tre and of Trà Vinh).
        const key = `${base}|${districtKey(part.district)}|${part.province ?? ''}`;
        districted.set(base, (districted.get(base) ?? new Set()).add(key));
        this.join(groups, key, commune, part);
      }
    }
    for (const [base, commune, part] of undistricted) {
      const withDistrict = [...(districted.get(base) ?? [])];
      this.join(groups, withDistrict.length === 1 ? withDistrict[0]! : base, commune, part);
    }
    for (const unit of groups.values()) {
      unit.into.sort((a, b) => mainness(unit, b) - mainness(unit, a));
      this.old.push(unit);
      this.add(unit.name, { kind: 'old', old: unit });
      // "Thị trấn Nông trường Việt Trung" is also called by its farm's name alone, or "NT Việt Trung".
      if (/^nông trường\s/iu.test(unit.name)) {
        this.add(unit.name.replace(/^nông trường\s+/iu, ''), { kind: 'old', old: unit });
        this.add(unit.name.replace(/^nông trường\s+/iu, 'NT '), { kind: 'old', old: unit });
      }
      if (unit.district) unit.inDistrict = this.addDistrict(unit.district, unit, unit.province);
    }
  }

  /**
   * An old unit named without its district ("Xã Mã Đà") takes it from the list of districts
   * when the list has exactly one unit of that type and name in the old provinces its new
   * province was formed from, and no other old unit here bears that name: "xã Mã Đà, Vĩnh
   * Cửu" is then read with its district.
   */
  private addListedDistricts(list: readonly OldDistrict[]): void {
    if (!list.length) return;
    const newProvince = new Map<string, Province>();
    for (const province of this.provinces) {
      for (const old of province.formedFrom.length ? province.formedFrom : [province.name]) newProvince.set(provinceKey(old), province);
    }
    const listed = new Map<string, string[]>();
    for (const district of list) {
      const province = newProvince.get(provinceKey(district.province));
      for (const commune of province ? district.communes : []) {
        const lead = leadingType(commune.name);
        if (lead) addTo(listed, unitKey(province!, lead.type, lead.rest), district.name);
      }
    }
    const bearers = new Map<string, OldUnit[]>();
    for (const unit of this.old) addTo(bearers, unitKey(unit.province, unit.type, unit.name), unit);
    for (const [key, units] of bearers) {
      const districts = listed.get(key);
      const unit = units[0]!;
      if (units.length !== 1 || districts?.length !== 1 || unit.district) continue;
      // Backs a district named beside it, but rules none out: people name the district a commune was in
      // years ago (Đôn Xuân went from Trà Cú to Duyên Hải in 2015).
      Object.assign(unit, { district: districts[0]!, districtInferred: true });
      unit.inDistrict = this.addDistrict(districts[0]!, unit, unit.province);
    }
  }

  private join(groups: Map<string, OldUnit>, key: string, commune: Commune, part: OldPart): void {
    let unit = groups.get(key);
    if (!unit) {
      unit = { id: groups.size, type: part.type ?? commune.type, name: part.name, districtInferred: part.districtInferred === true, province: commune.province, into: [] };
      if (part.district) unit.district = part.district;
      if (part.province) unit.oldProvince = part.province;
      groups.set(key, unit);
    }
    if (part.district && !part.districtInferred) unit.districtInferred = false;
    const known = unit.into.find((i) => i.commune === commune);
    if (!known) unit.into.push({ commune, share: part.share });
    else if (SHARE_RANK[part.share] > SHARE_RANK[known.share]) known.share = part.share;
  }

  private addDistrict(written: string, unit: OldUnit, province: Province): District | undefined {
    const lead = leadingType(written);
    if (!lead) return undefined;
    const key = keyOf(placeWords(lead.rest));
    let district = this.named(key).flatMap((r) => (r.kind === 'district' && r.district.type === lead.type ? [r.district] : []))[0];
    if (!district) {
      district = { type: lead.type, name: written, key, provinces: [], communes: [] };
      this.districts.push(district);
      this.add(lead.rest, { kind: 'district', district });
    }
    if (!district.provinces.includes(province)) district.provinces.push(province);
    for (const { commune } of unit.into) if (!district.communes.includes(commune)) district.communes.push(commune);
    return district;
  }
}

/** How a place is written: its type and its name without the type ("phuong", "Bến Nghé"). */
export function writtenAs(ref: PlaceRef): { type: UnitType; name: string } {
  switch (ref.kind) {
    case 'commune':
      return { type: ref.commune.type, name: ref.commune.bare };
    case 'old':
      return { type: ref.old.type, name: ref.old.name };
    case 'district':
      return { type: ref.district.type, name: leadingType(ref.district.name)?.rest ?? ref.district.name };
    case 'oldProvince':
      return { type: ref.type, name: ref.name };
    case 'province':
      return { type: /^(?:thủ đô|thành phố)/iu.test(ref.province.name) ? 'thanh pho' : 'tinh', name: ref.province.bare };
  }
}

/** The level a place is at, for telling a commune from its district or province. */
export function levelOf(ref: PlaceRef): Level {
  switch (ref.kind) {
    case 'commune':
      return 'commune';
    case 'old':
      return LEVEL_OF[ref.old.type] === 'village' ? 'commune' : LEVEL_OF[ref.old.type];
    case 'district':
      return 'district';
    default:
      return 'province';
  }
}

/** "Tỉnh Hoà Bình", "tỉnh Hòa Bình" → "hoa binh". */
function provinceKey(written: string): string {
  return keyOf(placeWords(written.replace(PROVINCE_PREFIX, '')));
}

function districtKey(written: string): string {
  return keyOf(placeWords(leadingType(written)?.rest ?? written));
}

/** One old unit of a new province, type and name: spelt, not folded (Ea Bá and Ea Bar are two communes). */
function unitKey(province: Province, type: UnitType, name: string): string {
  return `${province.code}|${type}|${spelling(name)}`;
}

function spelling(name: string): string {
  return placeWords(name)
    .map((w) => w.canon)
    .join(' ');
}

/** Where most of an old unit went: the commune named after it, then where it went whole or its rest, in file order. */
function mainness(unit: OldUnit, into: OldUnit['into'][number]): number {
  const sameName = keyOf(placeWords(into.commune.bare)) === keyOf(placeWords(unit.name)) ? 4 : 0;
  return sameName + SHARE_RANK[into.share];
}

function sameRef(a: PlaceRef, b: PlaceRef): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'commune':
      return a.commune === (b as typeof a).commune;
    case 'old':
      return a.old === (b as typeof a).old;
    case 'province':
    case 'oldProvince':
      return a.province === (b as typeof a).province;
    case 'district':
      return a.district === (b as typeof a).district;
  }
}
