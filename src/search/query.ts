// Reads a citizen's message into what the ranker and the decision need: the words
// after teencode and abbreviations are expanded, which aspects of a procedure are
// asked about, and whether the message is a complaint or small talk.
import { type Aspect, type Lexicon } from '../knowledge/lexicon.ts';
import { fold, hasDiacritics, words } from '../text/vietnamese.ts';
import { PhraseTable } from './phrases.ts';
import { segments } from './tokens.ts';

export interface Query {
  text: string;
  /** Canonical words per phrase, after expansion. */
  phrases: string[][];
  /** All folded words, after expansion. */
  folded: string[];
  accented: boolean;
  aspects: Aspect[];
  complaint: boolean;
  smalltalk?: 'greeting' | 'thanks';
}

export class QueryReader {
  private readonly expansions: PhraseTable<string[]>;
  private readonly aspects: PhraseTable<Aspect>;
  private readonly complaintIntent: PhraseTable<true>;
  private readonly grievance: PhraseTable<true>;
  private readonly generalQuestion: PhraseTable<true>;
  private readonly greeting: PhraseTable<true>;
  private readonly thanks: PhraseTable<true>;
  private readonly functionWords: WordSet;
  private readonly aspectWords: WordSet;

  constructor(lexicon: Lexicon) {
    this.expansions = new PhraseTable(Object.entries(lexicon.expansions).map(([k, v]) => [k, segments(v).flat()] as const));
    this.aspects = new PhraseTable(
      Object.entries(lexicon.aspects).flatMap(([aspect, cues]) => (cues ?? []).map((cue) => [cue, aspect as Aspect] as const)),
    );
    this.complaintIntent = PhraseTable.of(lexicon.complaint.intent);
    this.grievance = PhraseTable.of(lexicon.complaint.grievance);
    this.generalQuestion = PhraseTable.of(lexicon.complaint.question);
    this.greeting = PhraseTable.of(lexicon.smalltalk.greeting);
    this.thanks = PhraseTable.of(lexicon.smalltalk.thanks);
    this.functionWords = new WordSet(lexicon.function_words);
    this.aspectWords = new WordSet(Object.values(lexicon.aspects).flatMap((cues) => cues ?? []));
  }

  read(text: string): Query {
    const phrases = segments(text).map((phrase) => this.expand(phrase));
    const folded = phrases.flat().map(fold);
    const aspects = [...new Set(this.aspects.matches(folded).map((m) => m.value))];
    return {
      text,
      phrases,
      folded,
      accented: hasDiacritics(text),
      aspects,
      complaint: this.isComplaint(folded),
      smalltalk: this.smalltalk(folded),
    };
  }

  /** A word as typed: accented words are compared accented, unaccented ones folded. */
  isFunctionWord(word: string): boolean {
    return this.functionWords.matches(word);
  }

  isAspectWord(word: string): boolean {
    return this.aspectWords.matches(word);
  }

  private expand(phrase: string[]): string[] {
    const folded = phrase.map(fold);
    const out: string[] = [];
    let at = 0;
    for (const m of this.expansions.matches(folded)) {
      // An expansion is as accented as what was typed: "so do" must not gain exact
      // diacritic matches that the citizen's other, unaccented words cannot.
      const typedAccented = phrase.slice(m.start, m.end).some(hasDiacritics);
      out.push(...phrase.slice(at, m.start), ...(typedAccented ? m.value : m.value.map(fold)));
      at = m.end;
    }
    out.push(...phrase.slice(at));
    return out;
  }

  private isComplaint(folded: string[]): boolean {
    if (this.complaintIntent.matches(folded).length > 0) return true;
    return this.grievance.matches(folded).length > 0 && this.generalQuestion.matches(folded).length === 0;
  }

  /** Greeting or thanks only when nothing else of substance is said. */
  private smalltalk(folded: string[]): Query['smalltalk'] {
    const greetings = this.greeting.matches(folded);
    const thanks = this.thanks.matches(folded);
    const covered = new Set<number>();
    for (const m of [...greetings, ...thanks]) for (let i = m.start; i < m.end; i++) covered.add(i);
    const rest = folded.filter((w, i) => !covered.has(i) && !this.functionWords.matches(w));
    if (rest.length > 0 || covered.size === 0) return undefined;
    return thanks.length > 0 ? 'thanks' : 'greeting';
  }
}

/** Single words of a phrase list, matched accent-aware: "ánh" is not "anh", but "anh" typed bare is. */
class WordSet {
  private readonly accented: Set<string>;
  private readonly folded: Set<string>;

  constructor(phrases: readonly string[]) {
    this.accented = new Set(phrases.flatMap((p) => words(p)));
    this.folded = new Set([...this.accented].map(fold));
  }

  matches(word: string): boolean {
    return hasDiacritics(word) ? this.accented.has(word) : this.folded.has(word);
  }
}
