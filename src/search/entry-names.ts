// What an entry can be named by: its names (title without its boilerplate, aliases) as
// words, folded and as written, the small words of its title, and every word of its whole
// answer. Read by the engine's decisions and by the follow-up judgements; each set is built
// the first time it is asked for, as a decision asks for a few entries', often the same.
import type { Entry } from '../knowledge/entry.ts';
import { foldCanonical, words } from '../kernel/vietnamese.ts';
import { WordSet } from './phrases.ts';
import type { QueryReader } from './query.ts';
import { segments } from './tokens.ts';
import { coreTitle } from './twins.ts';

export class EntryNames {
  /** Each entry's names as folded words. */
  private readonly folded: ReadonlyMap<string, string[][]>;
  /** The same words as written (with their marks), where accents tell words apart. */
  private readonly spelled: ReadonlyMap<string, string[][]>;
  private readonly wordSets = new Map<string, ReadonlySet<string>>();
  private readonly titleSmallWordSets = new Map<string, WordSet>();
  private readonly answerWordSets = new Map<string, ReadonlySet<string>>();

  constructor(
    entries: readonly Entry[],
    private readonly reader: QueryReader,
    /** Folded words that ask for more ("còn", "thế"): small words of a title, like function words. */
    private readonly followUpWords: ReadonlySet<string>,
  ) {
    this.spelled = new Map(entries.map((e) => [e.id, this.nameWords(e)]));
    this.folded = new Map([...this.spelled].map(([id, spelled]) => [id, spelled.map((name) => name.map(foldCanonical))]));
  }

  /** The entry's names, each as folded words (the title first). */
  of(id: string): readonly (readonly string[])[] {
    return this.folded.get(id) ?? [];
  }

  /** The entry's names as written, with their marks. */
  spelledOf(id: string): readonly (readonly string[])[] {
    return this.spelled.get(id) ?? [];
  }

  /** Every word of an entry's names, folded: what a message can name it by. */
  wordSet(id: string): ReadonlySet<string> {
    return cached(this.wordSets, id, () => new Set(this.folded.get(id)?.flat()));
  }

  /** Whether a word as typed is a word of the entry's names: exactly when typed with its marks, any that folds to it when typed bare. */
  sayer(id: string): (word: string) => boolean {
    const spelled = new Set(this.spelled.get(id)?.flat());
    const folded = this.wordSet(id);
    return (word) => {
      const bare = foldCanonical(word);
      // A name written bare in the file ("tam ngung kinh doanh") says any marks.
      return bare === word ? folded.has(bare) : spelled.has(word) || spelled.has(bare);
    };
  }

  /** One of the entry's names says one of these phrases (folded words) word for word. */
  say(entry: Entry, phrases: readonly (readonly string[])[]): boolean {
    const names = this.of(entry.id).map((name) => ` ${name.join(' ')} `);
    return phrases.some((phrase) => names.some((name) => name.includes(` ${phrase.join(' ')} `)));
  }

  /** `variant`'s title holds `of`'s whole title ("đăng ký khai sinh kết hợp nhận cha, mẹ, con" of "đăng ký khai sinh"). */
  isVariant(variant: Entry, of: Entry): boolean {
    const [title] = this.of(of.id);
    return variant.id !== of.id && !!title?.length && this.say(variant, [title]);
  }

  /**
   * The folded words `variant`'s title adds to `of`'s: the telling ones ("xóa" of "xóa đăng ký tạm trú") and
   * the small ones ("lại" of "đăng ký lại kết hôn", which is also the "Lai" of "Lai Châu").
   */
  titleAdds(variant: Entry, of: Entry): { telling: string[]; small: string[] } {
    const base = new Set(this.of(of.id)[0] ?? []);
    const smallWords = this.titleSmallWords(variant);
    const added = (this.of(variant.id)[0] ?? []).filter((w) => !base.has(w));
    return { telling: added.filter((w) => !smallWords.matches(w)), small: added.filter((w) => smallWords.matches(w)) };
  }

  /** The small words ("lại", "là gì") of an entry's title, matched accent-aware: "hỏi" is not the "hội" of "xã hội". */
  titleSmallWords(entry: Entry): WordSet {
    return cached(this.titleSmallWordSets, entry.id, () => {
      const expanded = segments(coreTitle(entry.title)).flatMap((phrase) => this.reader.expandKnowledge(phrase));
      return new WordSet(expanded.filter((w) => this.reader.isFunctionWord(w) || this.followUpWords.has(foldCanonical(w))));
    });
  }

  /** Every folded word of an entry's answer: names, summary, where and how to file, papers, steps, figures, notes. */
  answerWords(entry: Entry): ReadonlySet<string> {
    return cached(this.answerWordSets, entry.id, () => {
      const { submit } = entry;
      const parts = [
        ...[entry.title, ...entry.aliases, ...entry.questions, entry.summary ?? ''],
        ...[entry.agency, submit.in_person, submit.online, submit.postal, ...entry.documents, ...entry.steps],
        ...[entry.processing_time, entry.fee, entry.conditions, entry.result, entry.body],
      ];
      return new Set(parts.flatMap((part) => segments(part).flatMap((phrase) => this.reader.expandKnowledge(phrase))).map(foldCanonical));
    });
  }

  /** The folded words of where an entry is filed and who handles it. */
  officeWords(entry: Entry): ReadonlySet<string> {
    return new Set(words(`${entry.agency} ${entry.submit.in_person}`).map(foldCanonical));
  }

  /** Title (without its boilerplate: "Thủ tục", the level) and aliases, as words without function words. */
  private nameWords(entry: Entry): string[][] {
    const names = [coreTitle(entry.title), ...entry.aliases];
    // Expanded like the message, so an alias written "mất CCCD" is said by "mất căn cước công dân".
    return names.map((name) =>
      segments(name)
        .flatMap((phrase) => this.reader.expandKnowledge(phrase))
        .filter((w) => !this.reader.isFunctionWord(w)),
    );
  }
}

/** The value kept for `key`, computed the first time it is asked for. */
export function cached<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute()));
  return value;
}
