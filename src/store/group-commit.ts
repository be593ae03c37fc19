// Small writes made in one turn of the event loop, committed together as one SQLite
// transaction when the turn's I/O is done (setImmediate). A commit writes every page it
// touched, so a transaction per write costs more than the write. A write that throws
// fails alone: the batch is then rolled back and run again with each write in a savepoint
// of its own (not always, as savepoints cost two statements a write, a tenth of an
// acknowledged webhook's CPU). No caller hears of its write before the commit, so nothing
// is reported stored that a crash could lose.
//
// While another connection (the answering thread, another process) holds the write lock,
// the batch does not wait for it: SQLite's busy handler sleeps a millisecond or more with
// the event loop blocked, for a lock held some tens of microseconds. The batch is tried
// again a millisecond later instead (taking in what came meanwhile), and waits in SQLite's
// way only once it has been refused for BLOCKING_AFTER_MS.
import type { Database } from 'better-sqlite3';

const BLOCKING_AFTER_MS = 1_000;
/** A refused batch tries again after this long: at once would spin the loop, taking the CPU from the lock's holder. */
const RETRY_MS = 1;

interface Pending {
  write: () => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private pending: Pending[] = [];
  private refusedSince: number | undefined;
  private readonly commit: { immediate(batch: readonly Pending[]): unknown[] };
  private readonly commitEach: { immediate(batch: readonly Pending[]): Outcome[] };
  private readonly busyTimeoutMs: number;

  constructor(private readonly db: Database) {
    this.busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
    // better-sqlite3 runs a transaction function called inside another one as a savepoint.
    const alone = db.transaction((write: () => unknown) => write());
    this.commit = db.transaction((batch: readonly Pending[]) => batch.map((item) => item.write()));
    this.commitEach = db.transaction((batch: readonly Pending[]) =>
      batch.map((item): Outcome => {
        try {
          return { ok: true, result: alone(item.write) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `write` in the turn's transaction; settles once that is committed. */
  add<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.push({ write, resolve: resolve as (result: unknown) => void, reject }) === 1 && this.refusedSince === undefined) setImmediate(() => this.tryCommit(false));
    });
  }

  /** Commits what is waiting now, waiting for the lock as long as SQLite does (the store calls it before it closes). */
  flush(): void {
    this.tryCommit(true);
  }

  private tryCommit(blocking: boolean): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.withBusyTimeout(blocking ? this.busyTimeoutMs : 0, () => this.committed(batch));
    } catch (error) {
      if (!blocking && isBusy(error)) return this.tryAgain();
      // The commit itself failed (busy past the timeout, disk full): none of them is stored.
      this.settled();
      for (const item of batch) item.reject(error);
      return;
    }
    this.settled();
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.result) : batch[i]!.reject(outcome.error)));
  }

  /** The batch in one transaction; when a write throws, again with each in a savepoint, so that it fails alone. */
  private committed(batch: readonly Pending[]): Outcome[] {
    let results: unknown[];
    try {
      results = this.commit.immediate(batch);
    } catch (error) {
      // Busy at BEGIN: nothing ran, and the batch is tried again later as a whole.
      if (isBusy(error)) throw error;
      return this.commitEach.immediate(batch);
    }
    return results.map((result) => ({ ok: true, result }));
  }

  private tryAgain(): void {
    this.refusedSince ??= Date.now();
    const blocking = Date.now() - this.refusedSince >= BLOCKING_AFTER_MS;
    setTimeout(() => this.tryCommit(blocking), RETRY_MS);
  }

  private settled(): void {
    this.pending = [];
    this.refusedSince = undefined;
  }

  // Through db.pragma each time: SQLite applies a pragma when the statement is prepared, so a prepared one would set it once only.
  private withBusyTimeout<T>(ms: number, work: () => T): T {
    if (ms === this.busyTimeoutMs) return work();
    this.db.pragma(`busy_timeout = ${ms}`);
    try {
      return work();
    } finally {
      this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
  }
}

const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';
