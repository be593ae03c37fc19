// Which words of a message could name an entry: its topic words (not function words, not
// aspect cues), and of those the ones that are not the bot's address, a time, a place, a
// number or an age. The engine's decisions and the follow-up judgements read them alike.
import { foldCanonical } from '../kernel/vietnamese.ts';
import { ageIn } from './age.ts';
import type { Query, QueryReader } from './query.ts';
import type { Whereabouts } from './whereabouts.ts';

export class NamingWords {
  constructor(
    private readonly reader: QueryReader,
    private readonly whereabouts: Whereabouts,
    /** Folded words that ask for more ("còn", "thế"): they name nothing. */
    private readonly followUpWords: ReadonlySet<string>,
  ) {}

  /** The words of a query that name a topic (not function words, not aspect cues). */
  topic(query: Query): string[] {
    return query.phrases.flat().filter((w) => !this.reader.isFunctionWord(w) && !query.aspectWords.has(w));
  }

  /** The message's words that could name an entry, as typed: not the bot's address ("con"), nor when ("mới"), nor where ("ở Huế"), nor a number or an age ("72 tuổi"). */
  typed(query: Query): string[] {
    const age = ageIn(query.phrases.flat());
    const where = this.whereabouts.words(query.phrases);
    return this.topic(query).filter((w) => {
      if (query.partWords.has(w)) return false;
      const f = foldCanonical(w);
      return !this.followUpWords.has(f) && !where.has(f) && !/^\d+$/.test(f) && !(age !== undefined && f === 'tuoi');
    });
  }

  /** The same, folded. */
  folded(query: Query): string[] {
    return this.typed(query).map(foldCanonical);
  }
}
