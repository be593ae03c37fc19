// What reports count, without personal data: each message by channel and what the bot
// did with it (answer, list, fallback…, and the entry answered), and each rating.
import type { Database } from './database.ts';

export interface ReportEvent {
  at: number;
  kind: 'message' | 'rating';
  channel: string;
  /** What the bot did, or the rating given (useful, not_useful). */
  outcome: string;
  /** The knowledge entry concerned, if any. */
  entryId?: string;
}

/** What citizens did with one entry over a period. */
export interface EntryUse {
  /** Messages answered with it. */
  answers: number;
  useful: number;
  notUseful: number;
}

export class ReportEvents {
  constructor(private readonly database: Database) {}

  /** Per entry, since `since` (ms): how often it answered and how it was rated. */
  async useByEntry(since: number): Promise<Map<string, EntryUse>> {
    const rows = await this.database.db
      .selectFrom('events')
      .select((eb) => ['entry_id', 'kind', 'outcome', eb.fn.countAll<number>().as('n')])
      .where('at', '>=', since)
      .where('entry_id', 'is not', null)
      .groupBy(['entry_id', 'kind', 'outcome'])
      .execute();
    const use = new Map<string, EntryUse>();
    for (const row of rows) {
      const counts = use.get(row.entry_id!) ?? { answers: 0, useful: 0, notUseful: 0 };
      const n = Number(row.n);
      if (row.kind === 'message' && row.outcome === 'answer') counts.answers += n;
      if (row.kind === 'rating') counts[row.outcome === 'useful' ? 'useful' : 'notUseful'] += n;
      use.set(row.entry_id!, counts);
    }
    return use;
  }

  async record(event: ReportEvent): Promise<void> {
    await this.database.db
      .insertInto('events')
      .values({ at: event.at, kind: event.kind, channel: event.channel, outcome: event.outcome, entry_id: event.entryId ?? null })
      .execute();
  }
}
