// Vietnamese text normalisation shared by indexing and querying. Both sides must
// see exactly the same canonical form, so every rule lives here and nowhere else.
//
// canonical(): NFC, lower case, one tone-placement rule (the "old style" used by
//              official documents: hòa, thủy, khỏe), i/y spelling variants (lí → lý).
// fold():      the canonical form without any diacritics, đ → d ("thuế" → "thue").

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const TONE_SET = new Set<string>(TONES);
// Letters that carry a vowel-quality mark; the tone goes on them first (ê in "thuế", ơ in "người").
const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
// Syllables spelt with a final i or y interchangeably; y is the canonical spelling.
const I_TO_Y = /^(l|k|m|t|s|qu|h)i$/;

const SYLLABLE = /[\p{L}\p{M}]+/gu;

// Both functions run for every word indexed and every query; Vietnamese has only a
// few thousand syllables, so caching per syllable makes them nearly free.
const CACHE_LIMIT = 50_000;
const canonicalCache = new Map<string, string>();
const foldCache = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, compute: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** NFC, lower case, canonical tone placement and i/y spelling. Non-letters are kept as they are. */
export function canonical(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(SYLLABLE, (syllable) => cached(canonicalCache, syllable, canonicalSyllable));
}

/** Canonical form without diacritics: what a citizen typing without accents produces. */
export function fold(text: string): string {
  return canonical(text).replace(SYLLABLE, (syllable) => cached(foldCache, syllable, stripMarks));
}

/** fold() for text already canonical (a word, or words joined by "_"): skips re-canonicalising on hot paths. */
export function foldCanonical(text: string): string {
  return cached(foldCache, text, stripMarks);
}

function stripMarks(syllable: string): string {
  return syllable.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/** True when the text carries at least one Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  const nfc = text.normalize('NFC').toLowerCase();
  return nfc !== fold(nfc);
}

/** Splits canonical text into word tokens (letters and digits); punctuation separates. */
export function words(text: string): string[] {
  return canonical(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function canonicalSyllable(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  let tone = '';
  let base = '';
  for (const ch of decomposed) {
    if (TONE_SET.has(ch)) tone = ch;
    else base += ch;
  }
  base = base.normalize('NFC');
  if (I_TO_Y.test(base)) base = base.slice(0, -1) + 'y';
  if (!tone) return base;
  const at = tonePosition(base);
  if (at < 0) return syllable.normalize('NFC');
  const letters = [...base];
  letters[at] = (letters[at]! + tone).normalize('NFC');
  return letters.join('');
}

/** Index (in code points) of the vowel that carries the tone, or -1 when there is no vowel. */
function tonePosition(base: string): number {
  const letters = [...base];
  let start = 0;
  // "qu" and "gi" (before another vowel) are consonants: quý, già, giữa.
  if (letters[0] === 'q' && letters[1] === 'u') start = 2;
  else if (letters[0] === 'g' && letters[1] === 'i' && letters[2] !== undefined && VOWELS.has(letters[2])) start = 2;
  while (start < letters.length && !VOWELS.has(letters[start]!)) start++;
  if (start >= letters.length) return -1;
  let end = start;
  while (end < letters.length && VOWELS.has(letters[end]!)) end++;
  const nucleus = letters.slice(start, end);
  const hasFinalConsonant = end < letters.length;

  // ươ: the tone sits on ơ (người, được).
  for (let i = nucleus.length - 1; i >= 0; i--) {
    if (MARKED_VOWELS.has(nucleus[i]!)) {
      if (nucleus[i] === 'ư' && nucleus[i + 1] === 'ơ') return start + i + 1;
      return start + i;
    }
  }
  if (nucleus.length === 1) return start;
  if (hasFinalConsonant) return start + nucleus.length - 1; // hoàn, toán, tuyết
  if (nucleus.length === 3) return start + 1; // khuỷu → middle vowel
  return start; // open two-vowel nucleus, old style: hòa, thủy, khỏe, mùa, mía
}
