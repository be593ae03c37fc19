// From the places a message names to the one it asks about and where that is now. The
// most local mention is the focus ("phường 3"); the others are context that narrows it
// ("quận 5", "TP HCM", "Long An"). One place left: resolved. Several: ambiguous, and
// the citizen is asked for the province, or the old district when all are in one
// province. A typed name that matches nothing: unknown, with the closest names. A name
// whose every place its own address rules out ("xã Tâm Thành, huyện Kim Sơn") is read
// otherwise (a shorter name, a slip of another) where the address backs that; else it
// is unknown too, with those places as the closest: better than a confident wrong one.
import { levelOf, writtenAs, type Commune, type Gazetteer, type OldUnit, type PlaceRef, type Province } from './gazetteer.ts';
import type { Mention, Reading } from './mentions.ts';
import { keyOf, LEVEL_OF, placeWords, type Level, type UnitType } from './names.ts';
import { foldCanonical } from '../kernel/vietnamese.ts';

/** A place and where it is now: the new communes it is (part of), the main one first, and its province. */
export interface Place {
  /** Stable within one units file: c<code> for a commune, p<code> a province, o<n> an old unit, d<n> an old district. */
  id: string;
  ref: PlaceRef;
  communes: Commune[];
  province: Province;
}

export type Resolution =
  | { kind: 'resolved'; place: Place; typed: string; corrected?: boolean }
  | { kind: 'ambiguous'; typed: string; type?: UnitType; ask: 'province' | 'district'; options: Place[] }
  /** `type` is left out for a name said without one ("Westminster giờ tên mới là gì"). */
  | { kind: 'unknown'; typed: string; type?: UnitType; closest: Place[] };

export interface ResolveOptions {
  /** The deploying locality's province: a weak preference when the message names none. */
  home?: Province;
}

const LEVELS: readonly Level[] = ['commune', 'district', 'province'];
/** How a context place bears on a candidate: names its province, its district (more telling), its new commune; or another one. */
const PROVINCE_MATCH = 2;
const DISTRICT_MATCH = 3;
const COMMUNE_MATCH = 2;
/** A commune or old unit named beside it in the same province ("xã Nậm Xe, Phong Thổ" when no district of that name is listed): a little backing. */
const SAME_PROVINCE = 0.5;
const CONFLICT = -3;
/** How much a mistyped place of the address (a district, a province…) backs the place beside it, of what it would written right. */
const GUESSED_AREA = 0.5;
/** Places named apart from the focus ("đi làm ở Bình Dương, … xã Phú Lợi cũ") are often other places: they only break ties (3 × this stays below the type bonus). */
const DISTANT = 0.1;
/** Words between two places of one address ("xã A, huyện B", "p3 q5 cũ"). */
const ADDRESS_GAP = 2;

export function resolve(reading: Reading, gazetteer: Gazetteer, options: ResolveOptions = {}): Resolution | undefined {
  const unknown = (typed: string, type: UnitType | undefined, closest: readonly PlaceRef[]): Resolution => ({ kind: 'unknown', typed, type, closest: dedupe(closest.map((r) => placeOf(r, gazetteer))) });
  if (reading.unknown) {
    const backed = backedGuess(reading.unknown, reading.mentions, gazetteer);
    return backed ? { kind: 'resolved', place: backed, typed: reading.unknown.typed, corrected: true } : unknown(reading.unknown.typed, reading.unknown.type, reading.unknown.closest);
  }
  if (!reading.mentions.some((m) => !m.beside)) return undefined;
  const [named, level] = focusOf(reading.mentions.filter((m) => !m.beside));
  const address = addressOf(reading.mentions, named);
  const weights = new Map(reading.mentions.map((m) => [m, address.has(m) ? 1 : DISTANT]));
  // The name said again ("ghi xã Trung Hà … Xã Trung Hà giờ thuộc xã nào") is no address of itself; "p3 q3" are two places.
  const context = reading.mentions.filter((m) => m !== named && !(m.type === named.type && foldCanonical(m.typed) === foldCanonical(named.typed)));
  const score = (focus: Mention) => scoreFocus(focus, level, { reading, gazetteer, options, context, weights });
  let [focus, scored] = [named, score(named)];
  // The address rules out every place the name can be: another reading it backs, else no answer but the names.
  if (scored.every((s) => s.conflict)) {
    const other = named.others?.().map((m) => [m, score(m)] as const).find(([, s]) => s.some((p) => !p.conflict));
    if (!other) return unknown(named.said ?? named.typed, named.type ?? 'xa', scored.length ? scored.map((s) => s.place.ref) : named.refs);
    [focus, scored] = other;
  }
  if (!scored.length) return unknown(focus.said ?? focus.typed, focus.type ?? 'xa', focus.refs);
  const best = Math.max(...scored.map((s) => s.score));
  const kept = dedupe(
    scored.filter((s) => s.score === best).map((s) => s.place),
    reading.old,
  );
  if (kept.length === 1) return { kind: 'resolved', place: namedFirst(kept[0]!, context), typed: focus.typed, ...(focus.typos ? { corrected: true } : {}) };
  const oneProvince = kept.every((p) => p.province === kept[0]!.province);
  return { kind: 'ambiguous', typed: focus.typed, ...(focus.type ? { type: focus.type } : {}), ask: oneProvince ? 'district' : 'province', options: kept };
}

interface Scoring {
  reading: Reading;
  gazetteer: Gazetteer;
  options: ResolveOptions;
  /** The other mentions, and how much each counts: those of the focus's address fully. */
  context: readonly Mention[];
  weights: ReadonlyMap<Mention, number>;
}

/** Each place the focus may be, with how well the message backs it; conflict: its own address rules it out. */
function scoreFocus(focus: Mention, level: Level, { reading, gazetteer, options, context, weights }: Scoring): { place: Place; score: number; conflict: boolean }[] {
  // A plain slip lets its closest readings stand alone; the others still need backing.
  const plain = focus.plainSlip && focus.typos ? Math.min(...focus.typos.values()) : -1;
  return focus.refs
    .filter((r) => levelOf(r) === level)
    .flatMap((ref) => {
      const place = placeOf(ref, gazetteer);
      const typos = focus.typos?.get(ref) ?? 0;
      const support = context.reduce((sum, m) => sum + contextScore(place, m, gazetteer, typos > 0) * weights.get(m)!, 0);
      const addressed = context.filter((m) => weights.get(m) === 1).map((m) => contextScore(place, m, gazetteer));
      // A guessed name stands only when the rest of the address backs it, the more the further the guess, or the slip is plain.
      if (typos > 0 && typos > plain && support <= Math.max(0, typos - 1)) return [];
      let score = support - typos;
      if (focus.type && focus.type === writtenAs(ref).type) score += 1;
      // "cũ" speaks of the old unit; "mới", or a name said with no word of change ("xã Hòa Phú nộp ở đâu"), of today's.
      if (reading.old && (ref.kind === 'old' || (ref.kind === 'commune' && namedAfterItsParts(ref.commune)))) score += 0.5;
      if (!reading.old && (!reading.asksWhich || reading.fresh) && ref.kind === 'commune') score += 0.5;
      if (options.home && !context.length && place.province === options.home) score += 0.5;
      // Ruled out: some place of its address is elsewhere and none is where it is (a place may read two ways: "Thạnh Hóa, Tây Ninh").
      return [{ place, score, conflict: addressed.some((a) => a < 0) && !addressed.some((a) => a > 0) }];
    });
}

/**
 * "Phường VII thành phố Vị Thanh": an old unit that went into several communes (here two wards of
 * one number, Vị Thanh's and Sóc Trăng's, that the file does not tell apart), the one whose name
 * the message says beside it first.
 */
function namedFirst(place: Place, context: readonly Mention[]): Place {
  if (place.communes.length < 2) return place;
  const said = new Set(context.map((m) => foldCanonical(m.typed)));
  const named = place.communes.find((c) => said.has(keyOf(placeWords(c.bare))));
  return named && named !== place.communes[0] ? { ...place, communes: [named, ...place.communes.filter((c) => c !== named)] } : place;
}

/**
 * "Xã Đức Bình cũ" may mean the new Xã Đức Bình too when it was formed from units its name
 * begins ("Đức Bình Đông", "Đức Bình Tây", "Mỹ Lợi A"): citizens of those called the area so.
 */
function namedAfterItsParts(commune: Commune): boolean {
  const own = keyOf(placeWords(commune.bare));
  return commune.formedFrom.some((part) => keyOf(placeWords(part.name)).startsWith(`${own} `));
}

/**
 * A name not known whose address names the old district of one of its closest names, and
 * rules out none of it ("thị trấn Phước Vĩnk huyện Phú Giáo Bình Dương"): that place,
 * when it is the only one so backed. The district must be named: a province alone has
 * too many names near an invented one.
 */
function backedGuess(unknown: NonNullable<Reading['unknown']>, mentions: readonly Mention[], gazetteer: Gazetteer): Place | undefined {
  const address: Mention[] = [];
  for (const m of mentions) {
    const end = address.at(-1)?.end ?? unknown.end;
    if (m.start >= end && m.start - end <= ADDRESS_GAP && !m.typos) address.push(m);
  }
  if (!address.some((m) => m.refs.some((r) => r.kind === 'district'))) return undefined;
  const backed = dedupe(unknown.closest.map((ref) => placeOf(ref, gazetteer))).filter((place) => {
    const scores = address.map((m) => contextScore(place, m, gazetteer, true));
    // Its district, the district its new commune lies in, or the one its new commune is named after (a district's seat).
    const inDistrict = address.some((m) =>
      m.refs.some((r) => r.kind === 'district' && (refScore(place, r, true) >= DISTRICT_MATCH / 2 || place.communes.some((c) => c.province === place.province && keyOf(placeWords(c.bare)) === r.district.key))),
    );
    return place.ref.kind === 'old' && inDistrict && scores.every((s) => s >= 0);
  });
  return backed.length === 1 ? backed[0] : undefined;
}

/** The most local mention: a commune before a district before a province; one named with its type before one named bare. */
function focusOf(mentions: readonly Mention[]): [Mention, Level] {
  for (const level of LEVELS) {
    const at = mentions.filter((m) => m.refs.some((r) => levelOf(r) === level));
    // Typed as that level first: "khu công nghiệp Mỹ Phước" bears a commune's name, "phường Mỹ Phước" is one.
    const found = at.find((m) => m.type && LEVEL_OF[m.type] === level) ?? at.find((m) => m.type) ?? at[0];
    if (found) return [found, level];
  }
  return [mentions[0]!, levelOf(mentions[0]!.refs[0]!)];
}

/** The mentions that, with the focus, make one address: each within a couple of words of the next. */
function addressOf(mentions: readonly Mention[], focus: Mention): Set<Mention> {
  const address = new Set([focus]);
  const at = mentions.indexOf(focus);
  for (let i = at + 1; i < mentions.length && mentions[i]!.start - mentions[i - 1]!.end <= ADDRESS_GAP; i++) address.add(mentions[i]!);
  for (let i = at - 1; i >= 0 && mentions[i + 1]!.start - mentions[i]!.end <= ADDRESS_GAP; i--) address.add(mentions[i]!);
  return address;
}

/**
 * How a context mention bears on a place: its best reading, except that a district
 * reading ("tp Vĩnh Long" the old city) outranks a province one ("Vĩnh Long" the
 * province) for an old unit whose district is known.
 */
function contextScore(place: Place, mention: Mention, gazetteer: Gazetteer, guessed = false): number {
  // A guessed name backs only a little, a letter off and when no other place is as close; and rules out nothing.
  if (mention.typos) return guessedArea(place, mention);
  const old = place.ref.kind === 'old' ? place.ref.old : undefined;
  const districts = old?.inDistrict ? mention.refs.filter((r) => r.kind === 'district' && r.district.provinces.includes(place.province)) : [];
  // "tt Hưng Hóa h Tam Nông": the file names the district Tam Nông only in Đồng Tháp, but the name is a commune's
  // in the place's own province (old districts often gave theirs to a new commune), so it rules nothing out there.
  // Looked up only for such a district.
  const namedHere = () => gazetteer.named(foldCanonical(mention.typed)).some((r) => r.kind === 'commune' && r.commune.province === place.province);
  return Math.max(...(districts.length ? districts : mention.refs).map((ref) => refScore(place, ref, guessed, namedHere)));
}

/** `guessed`: the place is a guess at a mistyped name, which a district it is not known in backs only as a place of its province ("xã Lung, huyện Mỹ Đức" is hardly Phường Láng). `namedHere`: the district's name is a commune's of the place's province. */
function refScore(place: Place, ref: PlaceRef, guessed: boolean, namedHere: () => boolean = () => false): number {
  switch (ref.kind) {
    case 'province':
    case 'oldProvince':
      return ref.province === place.province ? PROVINCE_MATCH : CONFLICT;
    case 'district': {
      if (!ref.district.provinces.includes(place.province)) return !guessed && namedHere() ? 0 : CONFLICT;
      const old = place.ref.kind === 'old' ? place.ref.old : undefined;
      // A district taken from the unit's list (not written beside it) counts for less either way.
      const weight = old?.districtInferred ? 1 / 2 : 1;
      // An inferred district rules nothing out: 2025 merged communes across old districts ("Xã Phú Cường (huyện Tam Nông), Xã Gáo Giồng").
      if (old?.inDistrict) return old.inDistrict === ref.district ? DISTRICT_MATCH * weight : old.districtInferred ? 0 : CONFLICT * weight;
      return place.communes.some((c) => ref.district.communes.includes(c)) ? DISTRICT_MATCH / 2 : guessed ? SAME_PROVINCE : PROVINCE_MATCH / 2;
    }
    case 'commune':
      return place.communes.includes(ref.commune) ? COMMUNE_MATCH : sameProvince(place, ref.commune.province);
    case 'old':
      return ref.old.into.some((i) => place.communes.includes(i.commune)) ? COMMUNE_MATCH / 2 : sameProvince(place, ref.old.province);
  }
}

/**
 * What a mistyped place of the address backs: its closest reading, a letter off at most,
 * when only one place is that close (a province is listed both as new and as old: one place).
 */
function guessedArea(place: Place, mention: Mention): number {
  const typos = mention.typos!;
  const closest = Math.min(...typos.values());
  const nearest = mention.refs.filter((r) => typos.get(r) === closest);
  const places = new Set(nearest.map(identity));
  return closest > 1 || places.size !== 1 ? 0 : Math.max(0, refScore(place, nearest[0]!, true)) * GUESSED_AREA;
}

/** The place a reference is of, whichever way it is named. */
function identity(ref: PlaceRef): unknown {
  switch (ref.kind) {
    case 'commune':
      return ref.commune;
    case 'old':
      return ref.old;
    case 'district':
      return ref.district;
    default:
      return ref.province;
  }
}

function sameProvince(place: Place, province: Province): number {
  return place.province === province ? SAME_PROVINCE : 0;
}

/** One place per new commune (or province) it leads to; of an old and a new name for the same commune, the one the citizen meant. */
function dedupe(places: Place[], old = false): Place[] {
  const byTarget = new Map<string, Place>();
  for (const place of places) {
    const key = place.communes[0]?.code ?? place.province.code;
    const seen = byTarget.get(key);
    const preferred = (p: Place) => (p.ref.kind === 'old') === old;
    if (!seen || (!preferred(seen) && preferred(place))) byTarget.set(key, place);
  }
  return [...byTarget.values()];
}

function placeOf(ref: PlaceRef, gazetteer: Gazetteer): Place {
  switch (ref.kind) {
    case 'commune':
      return { id: `c${ref.commune.code}`, ref, communes: [ref.commune], province: ref.commune.province };
    case 'old':
      return { id: `o${ref.old.id}`, ref, communes: ref.old.into.map((i) => i.commune), province: ref.old.province };
    case 'province':
    case 'oldProvince':
      return { id: `p${ref.province.code}`, ref, communes: [], province: ref.province };
    case 'district': {
      const province = ref.district.provinces[0]!;
      return { id: `d${gazetteer.districtId(ref.district)}`, ref, communes: ref.district.communes.filter((c) => c.province === province), province };
    }
  }
}

/** A place from its id (a choice the citizen pressed). */
export function placeById(id: string, gazetteer: Gazetteer): Place | undefined {
  const code = id.slice(1);
  switch (id[0]) {
    case 'c': {
      const commune = gazetteer.commune(code);
      return commune && placeOf({ kind: 'commune', commune }, gazetteer);
    }
    case 'p': {
      const province = gazetteer.province(code);
      return province && placeOf({ kind: 'province', province }, gazetteer);
    }
    case 'o': {
      const old: OldUnit | undefined = gazetteer.old[Number(code)];
      return old && placeOf({ kind: 'old', old }, gazetteer);
    }
    case 'd': {
      const district = gazetteer.districts[Number(code)];
      return district && placeOf({ kind: 'district', district }, gazetteer);
    }
    default:
      return undefined;
  }
}
