// Phrase tables (cues, expansions) matched against a message word by word. A word
// the citizen typed with diacritics must match exactly ("hỏi" is not "hối"); a
// word typed without them matches any accented form ("hoi" → "hỏi", "hối").
import { fold, foldCanonical, words } from '../kernel/vietnamese.ts';

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

interface Phrase<T> {
  exact: string[];
  folded: string[];
  value: T;
}

/** A message's words with their folded forms and accent flags, computed once for all tables. */
export interface MessageWords {
  words: readonly string[];
  folded: readonly string[];
  accented: readonly boolean[];
}

/** `words` are canonical (see vietnamese.ts): a word carries diacritics exactly when folding changes it. */
export function messageWords(words: readonly string[]): MessageWords {
  const folded = words.map(foldCanonical);
  return { words, folded, accented: folded.map((f, i) => f !== words[i]) };
}

export class PhraseTable<T> {
  private readonly byFirstWord = new Map<string, Phrase<T>[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [text, value] of entries) {
      const exact = words(text);
      if (exact.length === 0) continue;
      const folded = exact.map(foldCanonical);
      const bucket = this.byFirstWord.get(folded[0]!) ?? [];
      bucket.push({ exact, folded, value });
      // Longest phrase first, so "bao nhiêu tiền" wins over "bao nhiêu".
      bucket.sort((a, b) => b.exact.length - a.exact.length);
      this.byFirstWord.set(folded[0]!, bucket);
    }
  }

  static of(phrases: Iterable<string>): PhraseTable<true> {
    return new PhraseTable([...phrases].map((p) => [p, true] as const));
  }

  /** Non-overlapping longest matches, left to right, over canonical words. */
  matches(message: readonly string[] | MessageWords): PhraseMatch<T>[] {
    const { words: typed, folded, accented } = Array.isArray(message) ? messageWords(message as readonly string[]) : (message as MessageWords);
    return this.find(typed, folded, accented);
  }

  /** Every phrase found, overlapping ones too ("cần giấy" and "giấy tờ" in "cần giấy tờ gì"). */
  everyMatch(message: readonly string[]): PhraseMatch<T>[] {
    const { words: typed, folded, accented } = messageWords(message);
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < typed.length; i++) {
      for (const phrase of this.byFirstWord.get(folded[i]!) ?? []) {
        if (matchesAt(phrase, i, typed, folded, accented)) found.push({ start: i, end: i + phrase.exact.length, value: phrase.value });
      }
    }
    return found;
  }

  private find(message: readonly string[], folded: readonly string[], accented: readonly boolean[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < message.length; ) {
      const hit = this.byFirstWord.get(folded[i]!)?.find((p) => matchesAt(p, i, message, folded, accented));
      if (hit) {
        found.push({ start: i, end: i + hit.exact.length, value: hit.value });
        i += hit.exact.length;
      } else i++;
    }
    return found;
  }
}

/** An accented word must be the phrase's word; an unaccented one only its folded form. */
function matchesAt<T>(phrase: Phrase<T>, at: number, message: readonly string[], folded: readonly string[], accented: readonly boolean[]): boolean {
  return phrase.exact.every((w, k) => (accented[at + k] ? message[at + k] === w : folded[at + k] === phrase.folded[k]));
}

/** Single words of a phrase list, matched accent-aware: "ánh" is not "anh", but "anh" typed bare is. */
export class WordSet {
  private readonly accented: Set<string>;
  private readonly folded: Set<string>;

  /** `ifAccented`: words that, typed without diacritics, are also content words ("thế" / "thẻ"). */
  constructor(phrases: readonly string[], ifAccented: readonly string[] = []) {
    const always = phrases.flatMap((p) => words(p));
    this.accented = new Set([...always, ...ifAccented.flatMap((p) => words(p))]);
    this.folded = new Set(always.map(fold));
  }

  /** `word` is canonical: it carries diacritics exactly when folding changes it. */
  matches(word: string): boolean {
    const folded = foldCanonical(word);
    return folded !== word ? this.accented.has(word) : this.folded.has(folded);
  }
}

/**
 * The words a message says, matched against a name's words accent-aware: "nói" typed with its
 * marks does not say "nơi", nor "bò" "bổ"; a word typed bare says every word it folds from.
 */
export class SaidWords {
  private readonly bare = new Set<string>();
  private readonly accented = new Set<string>();
  private readonly accentedFolded = new Set<string>();

  /** `said`: canonical words of the message. */
  constructor(said: readonly string[]) {
    for (const word of said) {
      const folded = foldCanonical(word);
      if (folded === word) this.bare.add(word);
      else {
        this.accented.add(word);
        this.accentedFolded.add(folded);
      }
    }
  }

  /** `word`: a canonical word of a name, accented or written bare. */
  has(word: string): boolean {
    const folded = foldCanonical(word);
    if (this.bare.has(folded)) return true;
    return folded !== word ? this.accented.has(word) : this.accentedFolded.has(folded);
  }
}
