// Place names as words both sides compare: the units file and citizens' messages go
// through the same reading, so "P.3", "p3" and "Phường 03" meet, "Đắk R’Lấp" and
// "dak rlap" meet, and a unit type ("phường", "tt", "q") is told apart from a name.
import { canonical, foldCanonical } from '../kernel/vietnamese.ts';

/** A unit's kind, as its folded Vietnamese word(s). */
export type UnitType =
  | 'xa' | 'phuong' | 'thi tran' | 'dac khu' | 'quan' | 'huyen' | 'thi xa' | 'thanh pho' | 'tinh'
  | 'thon' | 'xom' | 'ban' | 'ap' | 'buon' | 'phum' | 'to dan pho' | 'khu pho' | 'chung cu' | 'khu dan cu' | 'khu do thi' | 'khu cong nghiep' | 'khu du lich' | 'duong';

export type Level = 'province' | 'district' | 'commune' | 'village';

export const LEVEL_OF: Record<UnitType, Level> = {
  tinh: 'province',
  'thanh pho': 'district', // also a province ("thành phố Cần Thơ"); the name tells which
  quan: 'district',
  huyen: 'district',
  'thi xa': 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  'dac khu': 'commune',
  thon: 'village',
  xom: 'village',
  ban: 'village',
  ap: 'village',
  buon: 'village',
  phum: 'village',
  // Below a commune, like a hamlet: a block, an estate. (Not streets: "quen đường Sài Gòn" names no street.)
  'to dan pho': 'village',
  'khu pho': 'village',
  'chung cu': 'village',
  'khu dan cu': 'village',
  'khu do thi': 'village',
  'khu cong nghiep': 'village',
  'khu du lich': 'village',
  duong: 'village',
};

/** How each type is written in full, accented: what a word typed with diacritics must equal. */
const TYPE_WORDS: Record<UnitType, string> = {
  xa: 'xã',
  phuong: 'phường',
  'thi tran': 'thị trấn',
  'dac khu': 'đặc khu',
  quan: 'quận',
  huyen: 'huyện',
  'thi xa': 'thị xã',
  'thanh pho': 'thành phố',
  tinh: 'tỉnh',
  thon: 'thôn',
  xom: 'xóm',
  ban: 'bản',
  ap: 'ấp',
  buon: 'buôn',
  phum: 'phum',
  'to dan pho': 'tổ dân phố',
  'khu pho': 'khu phố',
  'chung cu': 'chung cư',
  'khu dan cu': 'khu dân cư',
  'khu do thi': 'khu đô thị',
  'khu cong nghiep': 'khu công nghiệp',
  'khu du lich': 'khu du lịch',
  duong: 'đường',
};

/** Hamlet types whose bare letters are everyday words ("ban" is also "bạn", "ap" "áp", "buon" "buồn"): a type only typed with their marks. */
const MARKED_ONLY: ReadonlySet<string> = new Set(['ban', 'ap', 'buon', 'duong']);

/** One word: canonical (accented as typed) and folded, and which written token it came from. */
export interface Word {
  canon: string;
  folded: string;
  /** Index of the written token ("p3" gives two words of one token). */
  token: number;
  /** Punctuation stands between this word and the one before ("ở xã, giờ…"): a type and a name do not bind across it. */
  breakBefore: boolean;
  /** A sentence ends before this word ("… địa phương. Xã Ba Vì …"): no address runs across it. */
  sentenceBefore: boolean;
  /** Folded as written, not read as Telex: "der" of "Ia Dêr" typed bare (canon read it as "dẻ"). */
  plain: string;
  /** The shorthand this word was written out from ("h"): teencode also uses some of it for other words ("h" for "giờ"). */
  shorthand?: string;
  /** Written with a capital, as names are ("Thủy Triều"). */
  capital?: true;
}

/**
 * Shorthand citizens and the file use, by folded word: what it stands for. A letter
 * alone is only a type when a known name follows it (the reader checks that).
 */
const SHORTHAND = new Map<string, string>(Object.entries({
  p: 'phuong',
  f: 'phuong',
  x: 'xa',
  q: 'quan',
  h: 'huyen',
  tt: 'thi tran',
  tx: 'thi xa',
  tp: 'thanh pho',
  hcm: 'ho chi minh',
  tphcm: 'thanh pho ho chi minh',
  hn: 'ha noi',
  tphn: 'thanh pho ha noi',
  brvt: 'ba ria vung tau',
}));
/** "p3", "q10", "tt2": a type letter glued to a number. */
const GLUED = /^(p|f|q|x|tt|tx)(\d+)$/;
/** A written word: letters with their marks, and digits. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const APOSTROPHES = /['’‘`]/g;
/** Between words: a comma, a full stop… (a dot without a space, as in "p.3" or "Tp.HCM", joins). */
const BREAK = /[,;:!?…()\n]|\.\s/u;
const SENTENCE_END = /[!?…\n]|\.\s/u;

// Names repeat across the file's lines and messages repeat names: reading each text once is enough.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly Word[]>();

/** The words of a name or a message, with shorthand written out and numbers without leading zeros. */
export function placeWords(text: string): readonly Word[] {
  let words = cache.get(text);
  if (!words) {
    words = readWords(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, words);
  }
  return words;
}

function readWords(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  let previous = '';
  let token = -1;
  for (const match of text.normalize('NFC').replace(APOSTROPHES, '').matchAll(WORD)) {
    const written = match[0];
    const gap = match.input.slice(last, match.index);
    // "x. Bảo Lâm", "tp. Pleiku": the dot of a shorthand is no break.
    const breakBefore = token >= 0 && BREAK.test(gap) && !(/^\.\s*$/.test(gap) && SHORTHAND.has(previous.toLowerCase()));
    const sentenceBefore = breakBefore && SENTENCE_END.test(gap);
    last = match.index + written.length;
    previous = written;
    token++;
    const roman = ROMAN.get(written) ?? (LOWER_ROMAN.has(written) ? ROMAN.get(written.toUpperCase()) : undefined);
    const canon = roman ?? canonical(fromTelex(fromVni(written.toLowerCase())));
    const folded = foldCanonical(canon);
    const plain = roman ?? foldCanonical(canonical(written));
    const glued = GLUED.exec(folded);
    const parts = glued ? [SHORTHAND.get(glued[1]!)!, glued[2]!] : [SHORTHAND.get(folded) ?? folded];
    // Written out shorthand is as unaccented as what was typed.
    const expanded = parts.flatMap((p) => p.split(' '));
    const capital = CAPITAL.test(written) ? ({ capital: true } as const) : {};
    if (expanded.length === 1 && expanded[0] === folded) out.push({ canon: unpadded(canon), folded: unpadded(folded), token, breakBefore, sentenceBefore, plain: unpadded(plain), ...capital });
    else for (const [k, w] of expanded.entries()) out.push({ canon: unpadded(w), folded: unpadded(w), token, breakBefore: breakBefore && k === 0, sentenceBefore: sentenceBefore && k === 0, plain: unpadded(w), ...(glued ? {} : { shorthand: folded }), ...capital });
  }
  return out;
}

const CAPITAL = /^\p{Lu}/u;

/** "Phường III" (Vị Thanh): Roman numbers in upper case ("X." is "xã"), or in lower case where no word is spelt so ("v" is "vậy", "vi" is "vì"). */
const ROMAN = new Map(Object.entries({ I: '1', II: '2', III: '3', IV: '4', V: '5', VI: '6', VII: '7', VIII: '8', IX: '9' }));
const LOWER_ROMAN = new Set(['ii', 'iii', 'iv', 'vii', 'viii']);
const TELEX_TONES: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const TELEX_LETTERS: [RegExp, string][] = [
  [/dd/g, 'đ'],
  [/aa/g, 'â'],
  [/aw/g, 'ă'],
  [/ee/g, 'ê'],
  [/oo/g, 'ô'],
  [/ow/g, 'ơ'],
  [/uw/g, 'ư'],
  [/w/g, 'ư'],
];

/** The tone key typed right after the vowels, before the final consonant ("thajnh", "ruoojng"), as Telex also allows. */
const TELEX_INNER_TONE = /^([a-z]*[aeiouyw])([sfrxj])(c|ch|m|n|ng|nh|p|t)$/;

/**
 * Keystrokes of the Telex input method left as typed ("phuwowngf" → "phường"). No
 * Vietnamese syllable ends in s, f, r, x or j, or holds "dd", "aa", "w"…: such a word
 * is read as Telex. Names go through the same reading, so a name that happens to look
 * like Telex still meets itself.
 */
function fromTelex(word: string): string {
  if (!/^[a-z]{2,}$/.test(word) || !/[aeiouy]/.test(word)) return word;
  const last = /[aeiouyw][a-z]*[sfrxj]$/.test(word) ? word.at(-1)! : '';
  const inner = last ? undefined : TELEX_INNER_TONE.exec(word);
  const toneKey = last || inner?.[2] || '';
  let letters = inner ? inner[1]! + inner[3]! : last ? word.slice(0, -1) : word;
  if (!toneKey && !/dd|aa|aw|ee|oo|ow|uw|w/.test(letters)) return word;
  for (const [pattern, letter] of TELEX_LETTERS) letters = letters.replace(pattern, letter);
  return letters + (toneKey ? TELEX_TONES[toneKey]! : '');
}

const VNI_TONES: Record<string, string> = { 1: '\u0301', 2: '\u0300', 3: '\u0309', 4: '\u0303', 5: '\u0323' };
const VNI_LETTERS: Record<string, string> = { a6: 'â', e6: 'ê', o6: 'ô', a8: 'ă', o7: 'ơ', u7: 'ư', d9: 'đ' };

/**
 * Keystrokes of the VNI input method left as typed ("d9o6ng2" → "đồng", "hoa2" → "hoà"):
 * a digit after the letter it marks, a tone digit once after a vowel. Shorthand glued to
 * a number ("p3", "q10") has no vowel, and a word the digits do not fit is left as it is.
 */
function fromVni(word: string): string {
  if (!/^[a-z][a-z1-9]+$/.test(word) || !/\d/.test(word) || !/[aeiouy]/.test(word) || word.replace(/\d/g, '').length < 2) return word;
  let tone = '';
  let letters = '';
  for (const [i, ch] of [...word].entries()) {
    if (ch < '1' || ch > '9') letters += ch;
    else if (ch <= '5') {
      // A tone goes after its vowel, or ends the word.
      if (tone || !(/[aeiouyâêôăơư]$/.test(letters) || i === word.length - 1)) return word;
      tone = VNI_TONES[ch]!;
    } else {
      const marked = VNI_LETTERS[`${letters.at(-1)}${ch}`];
      // đ starts a word.
      if (!marked || (marked === 'đ' && letters.length !== 1)) return word;
      // "uo7" is "ươ", as VNI keyboards type it.
      letters = (marked === 'ơ' && letters.at(-2) === 'u' ? letters.slice(0, -2) + 'ư' : letters.slice(0, -1)) + marked;
    }
  }
  return letters + tone;
}

function unpadded(word: string): string {
  return /^0\d/.test(word) ? String(Number(word)) : word;
}

/** A written token that stands for words ("p3", "tt", "tphcm"), as opposed to a word typed in full. */
export function isShorthand(written: string): boolean {
  const folded = foldCanonical(canonical(written));
  return SHORTHAND.has(folded) || GLUED.test(folded);
}

/** The written tokens of a text, as placeWords numbers them. */
export function placeTokens(text: string): string[] {
  return canonical(text).replace(APOSTROPHES, '').match(WORD) ?? [];
}

/** The folded key a name is found by: "Bến Nghé" → "ben nghe". */
export function keyOf(words: readonly Word[]): string {
  return words.map((w) => w.folded).join(' ');
}

/** The key of the words as written, none read as Telex: names of other languages ("Ia Der", "Bhalee") are typed so. */
export function plainKeyOf(words: readonly Word[]): string {
  return words.map((w) => w.plain).join(' ');
}

/** The unit type written at `words[at]` (one to three words), if any, with how many words it takes. */
export function typeAt(words: readonly Word[], at: number): { type: UnitType; length: number } | undefined {
  const first = words[at];
  // Most words start no type: one set lookup settles them.
  if (!first || !TYPE_STARTS.has(first.folded)) return undefined;
  for (let length = Math.min(TYPE_WORDS_MAX, words.length - at); length >= 1; length--) {
    const span = words.slice(at, at + length);
    const folded = span.map((w) => w.folded).join(' ');
    if (isTypeWritten(folded, span.map((w) => w.canon).join(' '))) return { type: folded as UnitType, length };
  }
  return undefined;
}

/** Whether the type is written with marks ("xã"): typed bare among accented words, it is likely another word ("xa"); "phum" has none to leave out. */
export function typeHasMarks(type: UnitType): boolean {
  return TYPE_WORDS[type] !== foldCanonical(TYPE_WORDS[type]);
}

/** The longest type, in words ("tổ dân phố"). */
const TYPE_WORDS_MAX = 3;

const TYPE_STARTS = new Set(Object.keys(TYPE_WORDS).map((t) => t.split(' ')[0]!));

/** Typed with diacritics, it must be the type word itself, or it with a letter's mark left out ("Phuờng"): "xa" may be "xã", "xà" is not, nor "phương" (a tone left out makes another word). */
function isTypeWritten(folded: string, canon: string): boolean {
  return Object.hasOwn(TYPE_WORDS, folded) && ((canon === folded && !MARKED_ONLY.has(folded)) || marksWithin(canon, TYPE_WORDS[folded as UnitType]) || oneWordBare(canon, TYPE_WORDS[folded as UnitType]));
}

/** A type of several words with one of them typed bare and the others right ("thi trấn"): the words together leave no doubt. */
function oneWordBare(typed: string, full: string): boolean {
  const words = typed.split(' ');
  const fullWords = full.split(' ');
  return words.length > 1 && words.filter((w) => w === foldCanonical(w)).length === 1 && words.every((w, i) => w === foldCanonical(w) || marksWithin(w, fullWords[i]!));
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** The same tones as `full`, and each letter's other marks (ư, â, ă…) among those of the same letter of `full`. */
function marksWithin(typed: string, full: string): boolean {
  const a = [...typed];
  const b = [...full];
  if (a.length !== b.length || typed.normalize('NFD').match(TONE_MARKS)?.join('') !== full.normalize('NFD').match(TONE_MARKS)?.join('')) return false;
  return a.every((ch, i) => [...ch.normalize('NFD').slice(1)].every((mark) => b[i]!.normalize('NFD').includes(mark)));
}

/** A type word at the start of a written name ("Phường Bến Nghé" → phuong, "Bến Nghé"). */
export function splitType(name: string): { type?: UnitType; words: readonly Word[] } {
  const words = placeWords(name);
  const found = typeAt(words, 0);
  return found ? { type: found.type, words: words.slice(found.length) } : { words };
}

/** A type written at the start of raw text, and the text after it: "Thị trấn Chúc Sơn" → thi tran, "Chúc Sơn". */
export function leadingType(text: string): { type: UnitType; rest: string } | undefined {
  const written = text.trim().split(/\s+/);
  for (const n of [2, 1]) {
    if (written.length < n) continue;
    const words = placeWords(written.slice(0, n).join(' '));
    const found = typeAt(words, 0);
    if (found && found.length === words.length) return { type: found.type, rest: written.slice(n).join(' ') };
  }
  return undefined;
}

/** "phuong" → "phường": how a type is written in replies. */
export function typeWord(type: UnitType): string {
  return TYPE_WORDS[type];
}
