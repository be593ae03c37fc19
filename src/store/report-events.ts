// What reports count, without personal data: each message by channel and what the bot
// did with it (answer, list, fallback…, and the entry answered), and each rating. Written
// in batches: one insert for what came in a quarter of a second, not one per message.
import type { Log } from '../kernel/log.ts';
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

export interface ReportEventsOptions {
  /** How long an event waits for others before they are written together. Default 250 ms. */
  flushEveryMs?: number;
  /** Written at once when this many are waiting. Default 500. */
  batchSize?: number;
  /** Told when a batch cannot be written (it is kept for the next try). */
  log?: Pick<Log, 'warn'>;
}

/** Events kept while the database cannot take them; past this the oldest are dropped (they are counts, not records). */
const MAX_WAITING = 50_000;

export class ReportEvents {
  private waiting: ReportEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushEveryMs: number;
  private readonly batchSize: number;
  private readonly log: Pick<Log, 'warn'> | undefined;

  constructor(
    private readonly database: Database,
    options: ReportEventsOptions = {},
  ) {
    this.flushEveryMs = options.flushEveryMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log;
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
   * Queues the event; it is written within flushEveryMs, with the others of that time. A
   * crash loses at most that window's counts; a failing database keeps them for the next try.
   */
  record(event: ReportEvent): void {
    this.waiting.push(event);
    if (this.waiting.length >= this.batchSize) void this.flush().catch(() => {});
    else this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushEveryMs).unref();
  }

  /** Writes what is waiting (one insert), after any write in progress. Rejects when the database fails. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.catch(() => {}).then(() => this.write(this.waiting.splice(0)));
    return this.writing;
  }

  private async write(batch: ReportEvent[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.database.db
        .insertInto('events')
        .values(batch.map((e) => ({ at: e.at, kind: e.kind, channel: e.channel, outcome: e.outcome, entry_id: e.entryId ?? null })))
        .execute();
    } catch (error) {
      this.waiting = [...batch, ...this.waiting].slice(-MAX_WAITING);
      this.log?.warn({ err: error, waiting: this.waiting.length }, 'report events not stored; kept for the next try');
      this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushEveryMs).unref();
      throw error;
    }
  }
}
