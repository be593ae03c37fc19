// Report events on both databases: written in batches (a quarter of a second, or a full
// batch, at once), read back by useByEntry, kept for the next try when the database fails.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { ReportEvents, type ReportEvent } from '../../src/store/report-events.ts';
import { databaseMakers, type DatabaseBackend } from './databases.ts';

const answer = (entryId: string): ReportEvent => ({ at: Date.now(), kind: 'message', channel: 'web', outcome: 'answer', entryId });
const rows = async (database: Database) => Number((await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe.each(databaseMakers)('report events on %s', (_name, make) => {
  let backend: DatabaseBackend;
  afterEach(() => backend.cleanup());

  it('writes what comes within the window together, after it, and useByEntry sees what is still waiting', async () => {
    backend = make();
    const database = await backend.open();
    const events = new ReportEvents(database, { flushEveryMs: 100 });
    for (let i = 0; i < 30; i++) events.record(answer('dang-ky-khai-sinh'));
    events.record({ at: Date.now(), kind: 'rating', channel: 'zalo', outcome: 'useful', entryId: 'dang-ky-khai-sinh' });
    expect(await rows(database)).toBe(0);
    await sleep(300);
    expect(await rows(database)).toBe(31);
    events.record(answer('cap-ho-chieu'));
    const use = await events.useByEntry(0);
    expect(use.get('dang-ky-khai-sinh')).toEqual({ answers: 30, useful: 1, notUseful: 0 });
    expect(use.get('cap-ho-chieu')).toEqual({ answers: 1, useful: 0, notUseful: 0 });
    await database.close();
  });

  it('writes a full batch at once, without waiting for the window', async () => {
    backend = make();
    const database = await backend.open();
    const events = new ReportEvents(database, { flushEveryMs: 60_000, batchSize: 10 });
    for (let i = 0; i < 10; i++) events.record(answer('x'));
    await sleep(100);
    expect(await rows(database)).toBe(10);
    for (let i = 0; i < 3; i++) events.record(answer('x'));
    await sleep(100);
    expect(await rows(database)).toBe(10);
    await events.flush();
    expect(await rows(database)).toBe(13);
    await database.close();
  });
});

it('keeps a batch the database refused and writes it at the next try, telling the log', async () => {
  const warned: string[] = [];
  let refuse = true;
  const written: unknown[] = [];
  // A database whose insert fails once: only what ReportEvents calls is there.
  const database = {
    db: {
      insertInto: () => ({
        values: (values: unknown[]) => ({
          execute: async () => {
            if (refuse) throw new Error('database is locked');
            written.push(...values);
          },
        }),
      }),
    },
  } as unknown as Database;
  const events = new ReportEvents(database, { flushEveryMs: 20, log: { warn: (_fields, message) => void warned.push(message) } });
  events.record(answer('a'));
  events.record(answer('b'));
  await expect(events.flush()).rejects.toThrow(/locked/);
  expect(warned).toHaveLength(1);
  refuse = false;
  await sleep(80);
  expect(written).toHaveLength(2);
});
