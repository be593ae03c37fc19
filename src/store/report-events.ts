// What reports count, without personal data: each message by channel and what the bot
// did with it (answer, list, fallback…, and the entry answered), and each rating. Written
// in batches: one insert for what came in a quarter of a second, not one per message.
import { Batches, type BatchOptions } from './batches.ts';
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
  private readonly batches: Batches<ReportEvent>;

  constructor(
    private readonly database: Database,
    options: BatchOptions = {},
  ) {
    this.batches = new Batches((batch) => this.write(batch), 'report events', options);
  }

  /** Per entry, since `since` (ms): how often it answered and how it was rated. */
  async useByEntry(since: number): Promise<Map<string, EntryUse>> {
    await this.flush();
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

  /**
   * Queues the event; it is written within the batch window, with the others of that time.
   * A crash loses at most that window's counts; a failing database keeps them for the next try.
   */
  record(event: ReportEvent): void {
    this.batches.add(event);
  }

  /** Writes what is waiting (one insert), after any write in progress. Rejects when the database fails. */
  flush(): Promise<void> {
    return this.batches.flush();
  }

  private async write(batch: ReportEvent[]): Promise<void> {
    await this.database.db
      .insertInto('events')
      .values(batch.map((e) => ({ at: e.at, kind: e.kind, channel: e.channel, outcome: e.outcome, entry_id: e.entryId ?? null })))
      .execute();
  }
}
