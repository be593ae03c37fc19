// The weekly digest of unanswered questions: due from Monday 08:00 in Vietnam, sent once a
// week however many instances share the store, tried again after a failed send, and
// telling staff the groups asked most with their counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestWeek, WeeklyDigest } from '../../src/curation/weekly-digest.ts';
import { QuestionLog } from '../../src/store/question-log.ts';
import type { Store } from '../../src/store/store.ts';
import { DIGEST_TEXTS } from '../../src/texts/staff.ts';
import { backendMakers, type Backend } from '../store/backends.ts';
import { databaseMakers, type DatabaseBackend } from '../store/databases.ts';

/** Vietnam time, as staff read it. */
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('digestWeek', () => {
  it.each([
    ['2026-12-07T07:59:00', undefined],
    ['2026-12-07T08:00:00', '2026-12-07'],
    ['2026-12-09T15:00:00', '2026-12-07'],
    ['2026-12-13T23:59:00', '2026-12-07'],
    ['2026-12-14T09:00:00', '2026-12-14'],
  ])('at %s (Vietnam) the due week is %s', (local, week) => {
    expect(digestWeek(vn(local))).toBe(week);
  });
});

// Instances share the claim in the store (SQLite on one machine, Redis for several) and read the questions from the records.
const setups = backendMakers.flatMap(([storeName, makeStore]) => databaseMakers.map(([recordsName, makeRecords]) => [`${storeName} + ${recordsName}`, makeStore, makeRecords] as const));

describe.each(setups)('WeeklyDigest on %s', (_name, makeStore, makeRecords) => {
  let stores: Backend;
  let records: DatabaseBackend;
  let store: Store;
  let questions: QuestionLog;
  const now = vn('2026-12-07T08:30:00');

  beforeAll(async () => {
    stores = makeStore();
    records = makeRecords();
    store = await stores.open();
    const database = await records.open();
    questions = new QuestionLog(database, () => now);
    const ask = (id: string, text: string, daysAgo: number) => questions.ask({ id, at: now - daysAgo * 86_400_000, channel: 'zalo', text, outcome: 'fallback' });
    ask('a', 'đăng ký xe máy điện ở đâu', 1);
    ask('b', 'dang ky xe may dien o dau', 2);
    ask('c', 'giá vàng hôm nay', 3);
    // Older than the week: not in this digest.
    ask('d', 'giá vàng hôm nay', 9);
  });

  afterAll(async () => {
    await stores.cleanup();
    await records.cleanup();
  });

  it('is sent once by one of two instances sharing the store, with the week’s groups, the largest first', async () => {
    const sent: string[] = [];
    // Each instance with its own connection to the shared store.
    const instance = async () => new WeeklyDigest({ questions, store: await stores.open(), send: async (text) => void sent.push(text), adminUrl: 'https://motcua.example.vn/admin/cau-hoi', now: () => now });
    const [one, two] = await Promise.all([instance(), instance()]);
    const results = await Promise.all([one.sendDue(), two.sendDue()]);
    expect(results.sort()).toEqual([false, true]);
    expect(sent).toHaveLength(1);
    const lines = sent[0]!.split('\n');
    expect(lines[0]).toBe(DIGEST_TEXTS.heading('2026-12-07', 3, 2));
    expect(lines[1]).toBe(DIGEST_TEXTS.group(1, 2, ['đăng ký xe máy điện ở đâu', 'dang ky xe may dien o dau']));
    expect(lines[2]).toBe(DIGEST_TEXTS.group(2, 1, ['giá vàng hôm nay']));
    expect(lines.at(-1)).toContain('https://motcua.example.vn/admin/cau-hoi');
    // Later that week nothing more is sent.
    expect(await (await instance()).sendDue()).toBe(false);
  });

  it('gives the week back when the send fails, so the next check sends it', async () => {
    const later = vn('2026-12-14T10:00:00');
    questions.ask({ id: 'e', at: later - 3_600_000, channel: 'web', text: 'xin giấy phép bắn pháo hoa', outcome: 'fallback' });
    let fail = true;
    const sent: string[] = [];
    const digest = new WeeklyDigest({ questions, store, now: () => later, send: async (text) => (fail ? Promise.reject(new Error('telegram down')) : void sent.push(text)) });
    await expect(digest.sendDue()).rejects.toThrow('telegram down');
    fail = false;
    expect(await digest.sendDue()).toBe(true);
    expect(sent).toEqual([[DIGEST_TEXTS.heading('2026-12-14', 1, 1), DIGEST_TEXTS.group(1, 1, ['xin giấy phép bắn pháo hoa']), DIGEST_TEXTS.howToAct(undefined)].join('\n')]);
  });

  it('sends nothing for a week with no unanswered question', async () => {
    const sent: string[] = [];
    const digest = new WeeklyDigest({ questions, store, now: () => vn('2026-12-28T09:00:00'), send: async (text) => void sent.push(text) });
    expect(await digest.sendDue()).toBe(false);
    expect(sent).toEqual([]);
  });
});
