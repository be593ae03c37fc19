// Slips of typing made from the units file, the way citizens make them (writer Q's list:
// a letter dropped, typed twice, two swapped, a neighbouring key, a wrong or missing
// tone, a syllable left in Telex or VNI keys, a space left out or put in, a regional
// spelling), one to a name. A slip that spells another unit's name is no slip the
// resolver could undo, and is not made (a tone slip aside: its letters stay the name's).
import { fold } from '../../src/kernel/vietnamese.ts';

export type SlipKind = 'drop' | 'double' | 'swap' | 'key' | 'tone' | 'untoned' | 'telex' | 'vni' | 'space' | 'regional';
export const SLIP_KINDS: readonly SlipKind[] = ['drop', 'double', 'swap', 'key', 'tone', 'untoned', 'telex', 'vni', 'space', 'regional'];
/** Slips that change only marks: the only ones a message typed without them cannot show. */
export const MARK_SLIPS: ReadonlySet<SlipKind> = new Set(['tone', 'untoned']);

/** A seeded source of choices, so that a set of slips is the same on every run. */
export class Dice {
  constructor(private seed: number) {}

  /** mulberry32 */
  next(): number {
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TELEX_TONE: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const VNI_TONE: Record<string, string> = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };
const TELEX_LETTER: Record<string, string> = { â: 'aa', ê: 'ee', ô: 'oo', ă: 'aw', ơ: 'ow', ư: 'uw', đ: 'dd' };
const VNI_LETTER: Record<string, string> = { â: 'a6', ê: 'e6', ô: 'o6', ă: 'a8', ơ: 'o7', ư: 'u7', đ: 'd9' };
/** Keys beside each consonant on a phone's QWERTY keyboard. */
const BESIDE: Record<string, string> = { b: 'vn', c: 'xv', d: 'sf', g: 'fh', h: 'gj', k: 'jl', l: 'k', m: 'n', n: 'bm', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', v: 'cb', x: 'zc' };
/** Onsets and finals the regions say alike and so spell alike. */
const REGIONAL: [RegExp, string][] = [
  [/^ch/, 'tr'],
  [/^tr/, 'ch'],
  [/^s/, 'x'],
  [/^x/, 's'],
  [/^gi/, 'd'],
  [/^d/, 'gi'],
  [/^l/, 'n'],
  [/^n(?!g|h)/, 'l'],
  [/ng$/, 'n'],
  [/nh$/, 'n'],
  [/n$/, 'ng'],
];

/** A syllable's tone mark and its letters without it (NFC). */
function toneOf(syllable: string): { tone: string; bare: string } {
  const nfd = syllable.normalize('NFD');
  return { tone: nfd.match(TONE)?.[0] ?? '', bare: nfd.replace(TONE, '').normalize('NFC') };
}

/** The syllable as Telex or VNI keys: marked letters spelt out, the tone key last. */
function keystrokes(syllable: string, letters: Record<string, string>, tones: Record<string, string>): string {
  const { tone, bare } = toneOf(syllable);
  return [...bare].map((ch) => letters[ch.toLowerCase()] ?? ch).join('') + (tone ? tones[tone]! : '');
}

/** A copy of `name` with syllable `at` replaced by what `change` makes of it (undefined: no such slip there). */
function inSyllable(name: string, at: number, change: (syllable: string) => string | undefined): string | undefined {
  const syllables = name.split(' ');
  const changed = change(syllables[at]!);
  if (changed === undefined || changed === syllables[at]) return undefined;
  syllables[at] = changed;
  return syllables.join(' ');
}

/** One slip of `kind` in `name` ("Quảng Công"), at a place the dice choose; undefined when the name allows none of that kind. */
export function slip(name: string, kind: SlipKind, dice: Dice): string | undefined {
  const chars = [...name];
  const letterAt = chars.flatMap((ch, i) => (ch === ' ' ? [] : [i]));
  const syllable = dice.below(name.split(' ').length);
  const i = dice.pick(letterAt);
  const spliced = (start: number, remove: number, ...insert: string[]) => [...chars.slice(0, start), ...insert, ...chars.slice(start + remove)].join('');
  switch (kind) {
    case 'drop':
      return letterAt.length > 3 ? spliced(i, 1) : undefined;
    case 'double':
      return spliced(i, 0, chars[i]!);
    case 'swap':
      return chars[i + 1] && chars[i + 1] !== ' ' && chars[i + 1] !== chars[i] ? spliced(i, 2, chars[i + 1]!, chars[i]!) : undefined;
    case 'key': {
      const beside = BESIDE[chars[i]!.toLowerCase()];
      return beside ? spliced(i, 1, dice.pick([...beside])) : undefined;
    }
    case 'tone':
      // Another tone where the syllable has one ("Quỳnh Hải" → "Quỳnh Hãi").
      return inSyllable(name, syllable, (s) => {
        const { tone } = toneOf(s);
        return tone ? s.normalize('NFD').replace(tone, dice.pick(TONES.filter((t) => t !== tone))).normalize('NFC') : undefined;
      });
    case 'untoned':
      return inSyllable(name, syllable, (s) => toneOf(s).bare);
    case 'telex':
      return inSyllable(name, syllable, (s) => keystrokes(s, TELEX_LETTER, TELEX_TONE));
    case 'vni':
      return inSyllable(name, syllable, (s) => keystrokes(s, VNI_LETTER, VNI_TONE));
    case 'space': {
      const spaces = chars.flatMap((ch, k) => (ch === ' ' ? [k] : []));
      if (spaces.length && dice.next() < 0.6) return spliced(dice.pick(spaces), 1);
      return chars[i + 1] && chars[i + 1] !== ' ' && i > 0 && chars[i - 1] !== ' ' ? spliced(i + 1, 0, ' ') : undefined;
    }
    case 'regional':
      return inSyllable(name, syllable, (s) => {
        const lower = s.toLowerCase();
        const rules = REGIONAL.filter(([pattern]) => pattern.test(fold(lower)));
        if (!rules.length) return undefined;
        const [pattern, into] = dice.pick(rules);
        // Onsets carry no marks; a final's vowel keeps its tone.
        const changed = lower.replace(pattern, into);
        return s[0] === s[0]!.toUpperCase() ? changed[0]!.toUpperCase() + changed.slice(1) : changed;
      });
  }
}
