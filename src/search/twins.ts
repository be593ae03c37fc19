// Twins: the portal registers one procedure several times, once per level ("(thực hiện
// tại cấp tỉnh)", "… tại Công an cấp tỉnh", "- cấp Trung ương") or simply twice under the
// same title. A citizen cannot tell them apart and need not: they count as one candidate,
// answered with the record of the citizen's level (the commune's by default), the others
// mentioned beside it.
import { canonical, fold } from '../kernel/vietnamese.ts';

const LEVEL = String.raw`cấp\s+(?:tỉnh|tinh|bộ|xã|huyện|tw|trung ương)`;
/** Title boilerplate that says where, not what: level in brackets, a trailing "tại <agency>", "- cấp …". */
const BOILERPLATE: readonly RegExp[] = [
  /^thủ tục\s+/u,
  new RegExp(String.raw`\(\s*(?:thực hiện\s+(?:tại|ở)\s+)?${LEVEL}\s*\)`, 'gu'),
  /\s+(?:thực hiện\s+)?tại\s+(?:cấp|công an|cục|phòng quản lý)\s.*$/u,
  new RegExp(String.raw`\s+-\s+${LEVEL}.*$`, 'u'),
];

/** A title without the words that only say which office handles it: what the procedure is. */
export function coreTitle(title: string): string {
  let core = canonical(title);
  for (const pattern of BOILERPLATE) core = core.replace(pattern, ' ');
  return core.replace(/[\s.;,]+$/u, '').replace(/\s+/gu, ' ').trim();
}

/** Titles with the same key are twins. */
export function twinKey(title: string): string {
  return fold(coreTitle(title));
}

export type Level = 'Cấp xã' | 'Cấp tỉnh' | 'Cấp bộ';

/** The commune's office first: it is nearest to the citizen and hands on what it cannot do. */
const DEFAULT_ORDER: readonly Level[] = ['Cấp xã', 'Cấp tỉnh', 'Cấp bộ'];

/** Words (canonical, as typed) that name an office level; bare unaccented words are too ambiguous ("xa", "bo"). */
const LEVEL_WORDS: ReadonlyMap<string, Level> = new Map([
  ['xã', 'Cấp xã'],
  ['phường', 'Cấp xã'],
  ['phuong', 'Cấp xã'],
  ['tỉnh', 'Cấp tỉnh'],
  ['sở', 'Cấp tỉnh'],
  ['bộ', 'Cấp bộ'],
  ['cục', 'Cấp bộ'],
]);

/** The level the message names, if it names one. */
export function levelAsked(words: readonly string[]): Level | undefined {
  for (const word of words) {
    const level = LEVEL_WORDS.get(word);
    if (level) return level;
  }
  return undefined;
}

/** Levels in the order a twin is preferred: the one asked first, then the default order. */
function levelOrder(asked: Level | undefined): Level[] {
  return asked ? [asked, ...DEFAULT_ORDER.filter((l) => l !== asked)] : [...DEFAULT_ORDER];
}

interface Titled {
  id: string;
  title: string;
  level: string;
  origin: string;
}

/** Each entry that has twins, with its whole group (itself included). */
export function twinGroups<T extends Titled>(entries: readonly T[]): Map<string, readonly T[]> {
  const byKey = new Map<string, T[]>();
  for (const entry of entries) {
    const key = twinKey(entry.title);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const groups = new Map<string, readonly T[]>();
  for (const group of byKey.values()) if (group.length > 1) for (const entry of group) groups.set(entry.id, group);
  return groups;
}

/**
 * Of a group of twins (best ranked first), the one to answer with: a curated entry (staff
 * wrote it for this locality), else the one of the level asked, else the commune's.
 */
export function preferredTwin<T extends Titled>(group: readonly T[], asked: Level | undefined): T {
  const curated = group.find((e) => e.origin === 'curated');
  if (curated) return curated;
  for (const level of levelOrder(asked)) {
    const found = group.find((e) => e.level.includes(level));
    if (found) return found;
  }
  return group[0]!;
}
