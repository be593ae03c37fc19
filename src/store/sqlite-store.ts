// The single-machine backend: one SQLite file that several processes may share.
// WAL lets readers work beside the one writer, and the busy timeout makes a
// writer wait for another process's write instead of failing. Each atomic
// operation is one SQL statement, so SQLite's write lock makes it atomic across
// processes as well as within this one.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Database as Connection, type Statement } from 'better-sqlite3';
import { createKeyv, encodeEntry, KeyvStore, requirePositiveTtl } from './keyv-store.ts';
import { SqliteKeyvAdapter } from './sqlite-keyv-adapter.ts';
import { GroupCommit } from './group-commit.ts';
import type { QueueItem, Store } from './store.ts';

const BUSY_TIMEOUT_MS = 5_000;
const WAL_RETRY_MS = 20;
// Expired rows read as absent at once; this only reclaims their space.
const PURGE_EVERY_MS = 60_000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,  -- JSON {"value": …}, as Keyv and the statements below write it
    expires INTEGER       -- milliseconds since the epoch; NULL: kept until deleted
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS entries_expires ON entries (expires) WHERE expires IS NOT NULL;
  CREATE TABLE IF NOT EXISTS queue_items (
    seq INTEGER PRIMARY KEY,  -- arrival order: always above every seq in the table
    queue TEXT NOT NULL,      -- <prefix>::queue:<name>
    id TEXT NOT NULL,
    value TEXT NOT NULL,      -- JSON
    UNIQUE (queue, id)
  );
`;

/**
 * Opens (creating if needed) the SQLite file at `path` as every process that shares it
 * must: in WAL mode, waiting for another writer rather than failing. Closed on failure.
 */
export function openSqliteFile(path: string, setUp: (db: Connection) => void = () => {}): Connection {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    enableWal(db);
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crashed process loses
    // nothing and the file stays sound; a power cut may lose the last commits, as Redis's
    // default once-a-second append-only fsync may. Each commit is then no fsync, and a
    // message makes several.
    db.pragma('synchronous = NORMAL');
    setUp(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens (creating if needed) the database file at `path`. */
export function openSqliteStore(path: string, prefix: string): Store {
  const db = openSqliteFile(path, (file) => file.exec(SCHEMA));
  try {
    return new SqliteStore(db, prefix, new GroupCommit(db));
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Switching a new file to WAL needs it alone for a moment, and SQLite answers "busy" at
 * once rather than waiting when another process opens it at the same instant: try again.
 */
function enableWal(db: Database.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += WAL_RETRY_MS) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || waited >= BUSY_TIMEOUT_MS) throw error;
      Atomics.wait(pause, 0, 0, WAL_RETRY_MS);
    }
  }
}

type Params = { key: string; now: number; expires: number };

class SqliteStore extends KeyvStore {
  // Inserts, or takes over a row whose time is up; `changes` is 1 when this call stored it.
  private readonly claimRow: Statement<[Params & { entry: string }]>;
  // Compares the claimed string itself (json_type rules out a number or object that prints alike).
  private readonly releaseRow: Statement<[{ key: string; now: number; value: string }]>;
  // Counts up a live counter, or starts a new one (keeping none of an expired one).
  private readonly incrementRow: Statement<[Params & { first: string }], { count: number }>;
  private readonly purge: Statement<[number]>;
  private readonly enqueueRow: Statement<[string, string, string]>;
  private readonly pendingRows: Statement<[string], { id: string; value: string }>;
  private readonly removeRow: Statement<[string, string]>;
  private readonly queueRange: Statement<[string, string], string>;
  private readonly purgeTimer: NodeJS.Timeout;

  constructor(
    private readonly db: Connection,
    prefix: string,
    // Writes made together (updates arriving, the steps of many chats' messages) are stored in
    // one transaction: a commit writes every page it touched, and costs some 20 µs where a
    // write in a shared one costs 1–2 µs.
    private readonly writes: GroupCommit,
  ) {
    super(createKeyv(new SqliteKeyvAdapter(db, writes)), prefix);
    this.claimRow = db.prepare(`
      INSERT INTO entries (key, value, expires) VALUES (:key, :entry, :expires)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires
      WHERE entries.expires <= :now`);
    this.releaseRow = db.prepare(`
      DELETE FROM entries
      WHERE key = :key AND (expires IS NULL OR expires > :now)
        AND json_type(value, '$.value') = 'text' AND json_extract(value, '$.value') = :value`);
    this.incrementRow = db.prepare(`
      INSERT INTO entries (key, value, expires) VALUES (:key, :first, :expires)
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN entries.expires <= :now THEN excluded.value
                ELSE json_set(entries.value, '$.value', json_extract(entries.value, '$.value') + 1) END,
        expires = CASE WHEN entries.expires <= :now THEN excluded.expires ELSE entries.expires END
      RETURNING json_extract(value, '$.value') AS count`);
    this.purge = db.prepare('DELETE FROM entries WHERE expires <= ?');
    this.enqueueRow = db.prepare('INSERT INTO queue_items (queue, id, value) VALUES (?, ?, ?) ON CONFLICT (queue, id) DO NOTHING');
    this.pendingRows = db.prepare('SELECT id, value FROM queue_items WHERE queue = ? ORDER BY seq');
    this.removeRow = db.prepare('DELETE FROM queue_items WHERE queue = ? AND id = ?');
    // A range on the (queue, id) index: every key that starts with the prefix sorts between these bounds.
    this.queueRange = db.prepare<[string, string], string>('SELECT DISTINCT queue FROM queue_items WHERE queue >= ? AND queue < ?').pluck();
    this.purge.run(Date.now());
    this.purgeTimer = setInterval(() => {
      try {
        this.purge.run(Date.now());
      } catch {
        // Busy past the timeout: the next round tries again (a throw here would end the process).
      }
    }, PURGE_EVERY_MS).unref();
  }

  async claim(namespace: string, key: string, value: string, ttlMs: number): Promise<boolean> {
    requirePositiveTtl(ttlMs);
    const now = Date.now();
    const row = { key: this.keyOf(namespace, key), entry: encodeEntry(value), now, expires: now + ttlMs };
    return this.writes.add(() => this.claimRow.run(row).changes === 1);
  }

  async release(namespace: string, key: string, value: string): Promise<boolean> {
    const row = { key: this.keyOf(namespace, key), now: Date.now(), value };
    return this.writes.add(() => this.releaseRow.run(row).changes === 1);
  }

  async increment(namespace: string, key: string, ttlMs: number): Promise<number> {
    requirePositiveTtl(ttlMs);
    const now = Date.now();
    const row = { key: this.keyOf(namespace, key), first: encodeEntry(1), now, expires: now + ttlMs };
    return this.writes.add(() => this.incrementRow.get(row)!.count);
  }

  async enqueue<T>(queue: string, id: string, value: T): Promise<void> {
    const json = JSON.stringify(value);
    await this.writes.add(() => this.enqueueRow.run(this.queueKey(queue), id, json));
  }

  async enqueueOnce<T>(namespace: string, queue: string, id: string, value: T, ttlMs: number): Promise<boolean> {
    requirePositiveTtl(ttlMs);
    const now = Date.now();
    const claimed = { key: this.keyOf(namespace, id), entry: encodeEntry(id), now, expires: now + ttlMs };
    const json = JSON.stringify(value);
    // Both rows or neither: the write runs in a savepoint of the turn's transaction.
    return this.writes.add(() => {
      if (this.claimRow.run(claimed).changes !== 1) return false;
      this.enqueueRow.run(this.queueKey(queue), id, json);
      return true;
    });
  }

  async pending<T>(queue: string): Promise<QueueItem<T>[]> {
    return this.pendingRows.all(this.queueKey(queue)).map((row) => ({ id: row.id, value: JSON.parse(row.value) as T }));
  }

  async remove(queue: string, id: string): Promise<boolean> {
    return this.writes.add(() => this.removeRow.run(this.queueKey(queue), id).changes === 1);
  }

  async queues(prefix: string): Promise<string[]> {
    const from = this.queueKey(prefix);
    return this.queueRange.all(from, `${from}\uffff`).map((key) => this.queueOfKey(key));
  }

  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    this.writes.flush();
    this.db.close();
  }
}
