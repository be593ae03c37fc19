// Where the citizen (or a relative) is: "tôi ở Huế", "em gái tôi ở Sài Gòn", "tôi ở Đài
// Loan làm giùm má". A province or a country said after a word like "ở", "tại", "bên"
// names no procedure: a follow-up that says it still asks about the topic just answered.
import type { Lexicon } from '../knowledge/lexicon.ts';
import { foldCanonical } from '../kernel/vietnamese.ts';
import { PhraseTable } from './phrases.ts';

/** The longest province name is four words ("Bà Rịa Vũng Tàu"). */
const LONGEST_NAME = 4;

export class Whereabouts {
  private readonly before: PhraseTable<true>;
  private readonly names: PhraseTable<true>;
  private readonly countries: PhraseTable<true>;

  /** `isProvince`: the words name a province of today or before 2025 ("Huế", "hcm", "Bình Dương"). */
  constructor(
    lexicon: Lexicon,
    private readonly isProvince: (text: string) => boolean,
  ) {
    this.before = PhraseTable.of(lexicon.whereabouts.before);
    this.names = PhraseTable.of(lexicon.whereabouts.names);
    this.countries = PhraseTable.of(lexicon.foreign_relatives.countries);
  }

  /**
   * The folded words of the places the phrases say someone is at. `abroad`: countries too; a
   * country can tell the procedure ("bé sinh ở Hàn Quốc" is a birth abroad), a province cannot.
   */
  words(phrases: readonly (readonly string[])[], abroad = true): Set<string> {
    const found = new Set<string>();
    for (const phrase of phrases) {
      for (const { end: at } of this.before.matches(phrase)) {
        const length = this.nameAt(phrase, at, abroad);
        for (const w of phrase.slice(at, at + length)) found.add(foldCanonical(w));
      }
    }
    return found;
  }

  /** How many words from `at` name a place: a listed name, else the longest span that names a province; 0 if none. */
  private nameAt(phrase: readonly string[], at: number, abroad: boolean): number {
    const rest = phrase.slice(at);
    const listed = [this.names, ...(abroad ? [this.countries] : [])].flatMap((table) => table.matches(rest)).find((m) => m.start === 0);
    if (listed) return listed.end;
    for (let length = Math.min(LONGEST_NAME, phrase.length - at); length > 0; length--) {
      if (this.isProvince(phrase.slice(at, at + length).join(' '))) return length;
    }
    return 0;
  }
}
