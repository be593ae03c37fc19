// The complaint records on SQLite and PostgreSQL: the views staff page through,
// counts and exports that read in batches, changes racing on one complaint, the
// schema applied once, and complaints an earlier version kept in the key-value store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/complaints/complaint.ts';
import type { ComplaintFilter } from '../../src/complaints/complaint-store.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { moveStoredComplaints } from '../../src/complaints/stored-complaints.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { sqliteBackend } from '../store/backends.ts';
import { databaseMakers, type DatabaseBackend } from '../store/databases.ts';
import { MONDAY_9AM, newDesk, type Clock } from './desk.ts';

const MIN = 60_000;
const DAY = 24 * 3600_000;
const citizen = { channel: 'zalo' as const, chatId: 'u-1' };

describe.each(databaseMakers)('on %s', (_name, make) => {
  let backend: DatabaseBackend;
  let database: Database;
  let clock: Clock;
  let hotline: Hotline;
  beforeEach(async () => {
    backend = make();
    database = await backend.open();
    clock = { now: MONDAY_9AM };
    hotline = newDesk(database, { targets: ['webhook'], clock, dueWorkingDays: 1 });
  });
  afterEach(() => backend.cleanup());

  /** Submits `count` complaints a minute apart; returns their codes, oldest first. */
  async function submitMany(count: number): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      codes.push((await hotline.submit(citizen, { text: `Phản ánh số ${i}` })).code);
      clock.now += MIN;
    }
    return codes;
  }

  async function codesOf(filter: ComplaintFilter): Promise<string[]> {
    const codes: string[] = [];
    for await (const complaint of hotline.complaints.each(filter, hotline.today())) codes.push(complaint.code);
    return codes;
  }

  it('pages newest first, with the total the filter matches', async () => {
    const codes = await submitMany(7);
    const today = hotline.today();
    const first = await hotline.complaints.page({ filter: 'all', today, page: 1, size: 3 });
    const third = await hotline.complaints.page({ filter: 'all', today, page: 3, size: 3 });
    expect(first.complaints.map((c) => c.code)).toEqual(codes.slice(4).reverse());
    expect(third.complaints.map((c) => c.code)).toEqual([codes[0]]);
    expect([first.total, third.total]).toEqual([7, 7]);
    expect(first.complaints[0]!.history).toEqual([{ at: MONDAY_9AM + 6 * MIN, by: 'citizen', action: 'receive' }]);
    expect((await hotline.complaints.page({ filter: 'all', today, page: 4, size: 3 })).complaints).toEqual([]);
  });

  it('filters and counts each view as staff see it: open, a status, overdue, a send that gave up', async () => {
    const [answered, claimed, late, failed] = await submitMany(4);
    await hotline.act(answered!, { type: 'answer', by: 'lan', text: 'Đã xử lý.' });
    await hotline.act(claimed!, { type: 'claim', by: 'minh' });
    await hotline.complaints.update(failed!, (c) => ({ ...c, deliveries: { webhook: { state: 'failed', attempts: 15, lastError: 'HTTP 500' } } }));
    clock.now = MONDAY_9AM + 2 * DAY; // Wednesday: the Tuesday deadlines are past
    await hotline.act(late!, { type: 'claim', by: 'lan' });

    expect(await codesOf('open')).toEqual([claimed, late, failed]);
    expect(await codesOf('answered')).toEqual([answered]);
    expect(await codesOf('in_progress')).toEqual([claimed, late]);
    expect(await codesOf('overdue')).toEqual([claimed, late, failed]);
    expect(await codesOf('failed')).toEqual([failed]);
    const counts = await hotline.complaints.counts(hotline.today());
    expect(Object.fromEntries(counts)).toEqual({ all: 4, open: 3, received: 1, in_progress: 2, answered: 1, closed: 0, transferred: 0, rejected: 0, overdue: 3, failed: 1 });
    expect(await hotline.complaints.overdueUnflagged(hotline.today())).toEqual(expect.arrayContaining([claimed, late, failed]));
  });

  it('reads an export in batches: every complaint once, oldest first, past a batch boundary', async () => {
    const codes = await submitMany(501);
    expect(await codesOf('all')).toEqual(codes);
  }, 60_000);

  it('applies changes racing on one complaint one after the other, each seeing the last', async () => {
    const { code } = await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn' });
    const note = (i: number) => (c: Complaint) => ({ ...c, history: [...c.history, { at: clock.now, by: `staff-${i}`, action: 'note' }] });
    const others = backend.name === 'postgres' ? await backend.open() : database;
    const racing = newDesk(others);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? hotline : racing).complaints.update(code, note(i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = (await hotline.complaints.get(code))!;
    expect(stored.history.map((e) => e.by).sort()).toEqual(['citizen', ...Array.from({ length: 10 }, (_, i) => `staff-${i}`)].sort());
  });

  it('erasing drops the notes from the history rows too', async () => {
    const { code } = await hotline.submit(citizen, { text: 'Tôi là Nguyễn Văn A' });
    await hotline.act(code, { type: 'answer', by: 'lan', text: 'Anh A vui lòng mang CCCD.' });
    await hotline.erase(code, 'lan');
    const rows = await database.db.selectFrom('complaint_history').select(['action', 'note']).where('code', '=', code).orderBy('seq').execute();
    expect(rows).toEqual([
      { action: 'receive', note: null },
      { action: 'answer', note: null },
      { action: 'erase', note: null },
    ]);
  });

  it('brings an existing database up to date once: opening it again changes nothing', async () => {
    const { code } = await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn' });
    const again = await backend.open();
    expect((await newDesk(again).complaints.get(code))?.text).toBe('Hồ sơ trễ hẹn');
    const steps = await again.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(steps.map((step) => (step as { name: string }).name)).toEqual(['001-complaints-jobs-events', '002-questions-knowledge-history']);
  });

  it('moves the complaints an earlier version kept in the key-value store, with their queued notices, once', async () => {
    const store = sqliteBackend();
    try {
      const old = await store.open();
      const kept: Complaint = {
        code: 'PA-7KQ3-M9X',
        address: citizen,
        text: 'Đường hỏng',
        createdAt: MONDAY_9AM - DAY,
        dueDate: '2026-03-13',
        status: 'answered',
        answer: 'Đã sửa.',
        deliveries: { webhook: { state: 'pending', attempts: 2, nextTryAt: MONDAY_9AM, lastError: 'HTTP 503' } },
        reply: { state: 'pending', attempts: 0 },
        history: [
          { at: MONDAY_9AM - DAY, by: 'citizen', action: 'receive' },
          { at: MONDAY_9AM - 1000, by: 'lan', action: 'answer', note: 'Đã sửa.' },
        ],
      };
      await old.enqueue('complaint-index', kept.code, kept.createdAt);
      await old.set('complaints', kept.code, kept);
      await old.enqueue('hotline-outbox', `${kept.code}:webhook:new`, { code: kept.code, target: 'webhook', event: 'new' });
      await old.enqueue('citizen-outbox', `${kept.code}:2`, { code: kept.code });

      expect(await moveStoredComplaints(old, hotline)).toBe(1);
      expect(await hotline.complaints.get(kept.code)).toEqual(kept);
      expect(await hotline.outbox.waiting('hotline')).toEqual([{ kind: 'hotline', code: kept.code, target: 'webhook', event: 'new' }]);
      expect(await hotline.outbox.waiting('citizen')).toEqual([{ kind: 'citizen', code: kept.code, step: 2 }]);
      expect(await old.pending('complaint-index')).toEqual([]);
      expect(await old.get('complaints', kept.code)).toBeUndefined();
      expect(await moveStoredComplaints(old, hotline)).toBe(0);
    } finally {
      await store.cleanup();
    }
  });
});

describe('opening', () => {
  it.each([
    ['mysql://root@127.0.0.1/test', /^DATABASE_URL: cannot open mysql:\/\/root@127\.0\.0\.1\/test: unsupported scheme/],
    ['postgres://postgres:hunter2@127.0.0.1:1/test', /^DATABASE_URL: cannot open postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test: .*ECONNREFUSED/],
    ['postgres://postgres@127.0.0.1:5432/test?schema=Bad-Name', /schema must be lower-case letters, digits and _/],
  ])('%s fails with a sentence that names the setting and hides the password', async (url, message) => {
    await expect(openDatabase(url)).rejects.toThrow(message);
  });
});
