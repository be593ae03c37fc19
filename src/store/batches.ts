// Writing to the records in batches: what comes within a short window (or a full batch)
// is written by one call, after any write in progress. A failed write keeps its items
// for the next try, up to a cap (the oldest go first): what is batched here is counted
// or read by staff later, never something a citizen waits for.
import type { Log } from '../kernel/log.ts';

export interface BatchOptions {
  /** How long an item waits for others before they are written together. Default 250 ms. */
  flushEveryMs?: number;
  /** Written at once when this many are waiting. Default 500. */
  batchSize?: number;
  /** Told when a batch cannot be written (it is kept for the next try). */
  log?: Pick<Log, 'warn'>;
}

/** Items kept while the database cannot take them. */
const MAX_WAITING = 50_000;

export class Batches<T> {
  private waiting: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushEveryMs: number;
  private readonly batchSize: number;

  constructor(
    /** Writes one batch; rejects when the database fails. */
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly what: string,
    private readonly options: BatchOptions = {},
  ) {
    this.flushEveryMs = options.flushEveryMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
  }

  /** Queues the item; it is written within flushEveryMs, with the others of that time. */
  add(item: T): void {
    this.waiting.push(item);
    if (this.waiting.length >= this.batchSize) void this.flush().catch(() => {});
    else this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushEveryMs).unref();
  }

  /** Writes what is waiting, after any write in progress. Rejects when the database fails. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.catch(() => {}).then(() => this.writeKept(this.waiting.splice(0)));
    return this.writing;
  }

  private async writeKept(batch: T[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.write(batch);
    } catch (error) {
      this.waiting = [...batch, ...this.waiting].slice(-MAX_WAITING);
      this.options.log?.warn({ err: error, waiting: this.waiting.length }, `${this.what} not stored; kept for the next try`);
      this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushEveryMs).unref();
      throw error;
    }
  }
}
