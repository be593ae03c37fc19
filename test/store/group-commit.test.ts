// Writes of one turn committed together on a real SQLite file: each caller hears its own
// outcome only after the commit, one failing write fails alone, and a write lock held by
// another connection never blocks the event loop.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.ts';
import { openSqliteFile } from '../../src/store/sqlite-store.ts';

let dir: string;
let db: Database;
let other: Database;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-group-'));
  db = openSqliteFile(join(dir, 'db.sqlite'), (file) => file.exec('CREATE TABLE t (id TEXT PRIMARY KEY)'));
  other = openSqliteFile(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  db.close();
  other.close();
  await rm(dir, { recursive: true, force: true });
});

const insert = (id: string) => () => db.prepare('INSERT INTO t (id) VALUES (?)').run(id).changes;
const stored = () => other.prepare('SELECT id FROM t ORDER BY id').pluck().all();

it('commits the writes of one turn in one transaction, and each caller hears its own outcome after it', async () => {
  const commits = new GroupCommit(db);
  let inTransaction = 0;
  const writes = ['a', 'b', 'c'].map((id) =>
    commits.add(() => {
      if (db.inTransaction) inTransaction++;
      return insert(id)();
    }),
  );
  // Nothing is written before the turn ends: a caller told "stored" could otherwise lose it in a crash.
  expect(stored()).toEqual([]);
  expect(await Promise.all(writes)).toEqual([1, 1, 1]);
  expect(inTransaction).toBe(3);
  expect(stored()).toEqual(['a', 'b', 'c']);
});

it('a write that throws fails alone: the others of its turn are stored', async () => {
  const commits = new GroupCommit(db);
  const results = await Promise.allSettled([commits.add(insert('a')), commits.add(insert('a')), commits.add(insert('b'))]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(stored()).toEqual(['a', 'b']);
});

it('a write that throws after writing part of its rows leaves none of them, and the rest of its turn is stored once', async () => {
  const commits = new GroupCommit(db);
  const both = () => insert('x')() + insert('a')();
  const results = await Promise.allSettled([commits.add(insert('a')), commits.add(both), commits.add(insert('b'))]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
  expect(stored()).toEqual(['a', 'b']);
});

it('while another connection holds the write lock the event loop goes on, and the write is stored once it is released', async () => {
  const commits = new GroupCommit(db);
  other.exec('BEGIN IMMEDIATE');
  const write = commits.add(insert('a'));
  let turns = 0;
  const ticking = setInterval(() => turns++, 5);
  await new Promise((resolve) => setTimeout(resolve, 100));
  // A busy handler sleeping with the loop blocked would have let the interval run only once or twice.
  expect(turns).toBeGreaterThan(10);
  other.exec('COMMIT');
  expect(await write).toBe(1);
  clearInterval(ticking);
  expect(stored()).toEqual(['a']);
  // The connection waits as it did before for everything else.
  expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
});

it('a refused batch waits a moment before it tries again, rather than spinning the loop against the lock', async () => {
  const commits = new GroupCommit(db);
  other.exec('BEGIN IMMEDIATE');
  let pragmas = 0;
  const pragma = db.pragma.bind(db);
  // Each attempt switches the busy timeout off and back: two pragma calls.
  db.pragma = ((source: string, options?: { simple?: boolean }) => (pragmas++, pragma(source, options))) as typeof db.pragma;
  const write = commits.add(insert('a'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  other.exec('COMMIT');
  expect(await write).toBe(1);
  // Tried again at every turn of an otherwise idle loop, it made thousands of attempts in 100 ms.
  expect(pragmas / 2).toBeLessThan(150);
  expect(pragmas).toBeGreaterThan(2);
});

it('flush commits what is waiting at once (the store closing)', async () => {
  const commits = new GroupCommit(db);
  const write = commits.add(insert('a'));
  commits.flush();
  expect(stored()).toEqual(['a']);
  expect(await write).toBe(1);
});
