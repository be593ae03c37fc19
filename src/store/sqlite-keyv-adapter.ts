// A Keyv storage adapter over the `entries` table of a better-sqlite3 database
// (schema in sqlite-store.ts). Our own rather than @keyv/sqlite so that Keyv and
// the atomic SQL share one connection and one table, with one native driver
// (@keyv/sqlite would add the `sqlite3` addon beside better-sqlite3).
import type { Database, Statement } from 'better-sqlite3';
import type { KeyvStoreAdapter } from 'keyv';
import type { GroupCommit } from './group-commit.ts';

export class SqliteKeyvAdapter implements KeyvStoreAdapter {
  readonly opts = { dialect: 'sqlite' };
  namespace?: string;
  private readonly selectLive: Statement<[string, number], { value: string }>;
  private readonly upsert: Statement<[string, string, number | null]>;
  private readonly deleteReturning: Statement<[string], { expires: number | null }>;
  private readonly deleteAll: Statement<[]>;

  /** `writes`: the store's group commit: a session saved shares its turn's transaction, and a clear comes after the writes asked before it. */
  constructor(
    db: Database,
    private readonly writes: GroupCommit,
  ) {
    this.selectLive = db.prepare('SELECT value FROM entries WHERE key = ? AND (expires IS NULL OR expires > ?)');
    this.upsert = db.prepare(
      'INSERT INTO entries (key, value, expires) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires',
    );
    this.deleteReturning = db.prepare('DELETE FROM entries WHERE key = ? RETURNING expires');
    this.deleteAll = db.prepare('DELETE FROM entries');
  }

  // Generic only to fit Keyv's adapter type: what comes back is always the stored JSON text.
  async get<Value = string>(key: string): Promise<Value | undefined> {
    return this.selectLive.get(key, Date.now())?.value as Value | undefined;
  }

  async set(key: string, value: string, ttl?: number): Promise<void> {
    const expires = ttl ? Date.now() + ttl : null;
    await this.writes.add(() => this.upsert.run(key, value, expires));
  }

  /** True only when a live entry was deleted: an expired row is removed too but counts as absent. */
  async delete(key: string): Promise<boolean> {
    const row = await this.writes.add(() => this.deleteReturning.get(key));
    return row !== undefined && (row.expires === null || row.expires > Date.now());
  }

  async clear(): Promise<void> {
    await this.writes.add(() => this.deleteAll.run());
  }

  // Failures surface as thrown errors, so there are no events to listen to.
  on(): this {
    return this;
  }
}
