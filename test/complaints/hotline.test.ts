// The complaint desk on real SQLite and PostgreSQL records: what submit stores and queues, deadlines
// in working days, consent for a phone number, look-up by a typed code, which staff
// actions reach the citizen, and erasure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED, type Transition } from '../../src/complaints/complaint.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { parseTrackingCode } from '../../src/complaints/tracking-code.ts';
import type { Address } from '../../src/kernel/messages.ts';
import type { Database } from '../../src/store/database.ts';
import { databaseMakers, type DatabaseBackend } from '../store/databases.ts';
import { MONDAY_9AM, newDesk } from './desk.ts';

const HOUR = 3600_000;
const citizen: Address = { channel: 'zalo', chatId: 'u-42' };
const HOLIDAYS = { fixed: ['04-30', '05-01', '09-02'], dates: ['2026-04-27'] };

async function all(hotline: Hotline) {
  const complaints = [];
  for await (const complaint of hotline.complaints.each('all', hotline.today())) complaints.push(complaint);
  return complaints;
}

describe.each(databaseMakers)('on %s', (_name, make) => {
  let backend: DatabaseBackend;
  let database: Database;
  beforeEach(async () => {
    backend = make();
    database = await backend.open();
  });
  afterEach(() => backend.cleanup());

  describe('submit', () => {
    it('stores the complaint under a fresh, valid code, with a pending delivery and a queued job per target', async () => {
      const hotline = newDesk(database, { targets: ['telegram-group', 'webhook'], clock: { now: MONDAY_9AM } });
      const complaint = await hotline.submit(citizen, { text: '  Hồ sơ đất đai trễ hẹn ba lần  ', subject: ' UBND phường 1 ' });

      expect(parseTrackingCode(complaint.code)).toBe(complaint.code);
      expect(await hotline.complaints.get(complaint.code)).toEqual(complaint);
      expect(complaint).toMatchObject({
        address: citizen,
        text: 'Hồ sơ đất đai trễ hẹn ba lần',
        subject: 'UBND phường 1',
        status: 'received',
        createdAt: MONDAY_9AM,
        history: [{ at: MONDAY_9AM, by: 'citizen', action: 'receive' }],
        deliveries: {
          'telegram-group': { state: 'pending', attempts: 0, nextTryAt: MONDAY_9AM },
          webhook: { state: 'pending', attempts: 0, nextTryAt: MONDAY_9AM },
        },
      });
      expect(await hotline.outbox.waiting('hotline')).toEqual([
        { kind: 'hotline', code: complaint.code, target: 'telegram-group', event: 'new' },
        { kind: 'hotline', code: complaint.code, target: 'webhook', event: 'new' },
      ]);
      expect((await all(hotline)).map((c) => c.code)).toEqual([complaint.code]);
    });

    it('never gives out a code twice', async () => {
      const codes = ['PA-7KQ3-M9X', 'PA-7KQ3-M9X', 'PA-AAAA-AAA'];
      const hotline = newDesk(database, { newCode: () => codes.shift()! });
      const first = await hotline.submit(citizen, { text: 'Một' });
      const second = await hotline.submit(citizen, { text: 'Hai' });
      expect([first.code, second.code]).toEqual(['PA-7KQ3-M9X', 'PA-AAAA-AAA']);
    });

    it('submits a draft once per key: a confirmation handled twice (after a crash, a double press) gets the same complaint', async () => {
      const hotline = newDesk(database, { targets: ['webhook'] });
      const draft = { text: 'Hồ sơ trễ hẹn', key: 'draft-1' };
      const [first, again] = await Promise.all([hotline.submit(citizen, draft), hotline.submit(citizen, draft)]);
      const later = await hotline.submit(citizen, draft);
      expect(again).toEqual(first);
      expect(later).toEqual(first);
      expect(await all(hotline)).toEqual([first]);
      expect(await hotline.outbox.waiting('hotline')).toHaveLength(1);
      const other = await hotline.submit(citizen, { ...draft, key: 'draft-2' });
      expect(other.code).not.toBe(first.code);
    });

    it.each([
      // [received at (UTC), working days, due date] — the day of receipt does not count; Vietnam time decides the day.
      ['Monday 09:00', MONDAY_9AM, 1, '2026-03-03'],
      ['Friday 09:00: the weekend is skipped', Date.UTC(2026, 2, 6, 2), 1, '2026-03-09'],
      ['Friday 23:30 UTC is already Saturday in Vietnam', Date.UTC(2026, 2, 6, 23, 30), 1, '2026-03-09'],
      ['Friday 24 April: a yearly holiday pair and a one-off day off are skipped', Date.UTC(2026, 3, 24, 2), 3, '2026-05-04'],
      ['ten working days from a Monday', MONDAY_9AM, 10, '2026-03-16'],
    ])('due date when received %s', async (_name, at, days, due) => {
      const hotline = newDesk(database, { clock: { now: at }, dueWorkingDays: days, holidays: HOLIDAYS });
      expect((await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn' })).dueDate).toBe(due);
    });

    it('refuses a phone number without the recorded consent, storing nothing; keeps both with it', async () => {
      const hotline = newDesk(database, { targets: ['webhook'], clock: { now: MONDAY_9AM } });
      await expect(hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn', phone: '0912345678' })).rejects.toThrow(/consent/);
      expect(await all(hotline)).toEqual([]);
      expect(await hotline.outbox.waiting('hotline')).toEqual([]);

      const stored = await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn', phone: '0912345678', consentAt: MONDAY_9AM - 60_000 });
      expect(stored).toMatchObject({ phone: '0912345678', consentAt: MONDAY_9AM - 60_000 });
    });
  });

  describe('lookup', () => {
    it.each([
      ['as given', true, (code: string) => code],
      ['in lower case with spaces', true, (code: string) => code.toLowerCase().replace(/-/g, ' ')],
      ['without dashes', true, (code: string) => code.replace(/-/g, '')],
      ['with one character wrong', false, (code: string) => code.slice(0, 3) + (code[3] === '7' ? '9' : '7') + code.slice(4)],
      ['cut short', false, (code: string) => code.slice(0, -1)],
    ])('a code typed %s finds the complaint: %s', async (_name, found, typed) => {
      const hotline = newDesk(database);
      const { code } = await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn' });
      expect((await hotline.lookup(typed(code)))?.code).toBe(found ? code : undefined);
    });

    it('finds nothing for a valid code that was never given out', async () => {
      expect(await newDesk(database).lookup('PA-7KQ3-M9X')).toBeUndefined();
    });
  });

  describe('act', () => {
    const claim: Transition = { type: 'claim', by: 'lan' };
    const answer: Transition = { type: 'answer', by: 'lan', text: 'Đã liên hệ bộ phận đất đai.' };
    const close: Transition = { type: 'close', by: 'lan' };
    const transfer: Transition = { type: 'transfer', by: 'lan', reason: 'Thuộc thẩm quyền Sở Xây dựng' };
    const reject: Transition = { type: 'reject', by: 'lan', reason: 'Nội dung không rõ ràng' };

    it.each<[string, number, Transition[]]>([
      ['claim', 0, [claim]],
      ['claim, answer', 1, [claim, answer]],
      ['answer, close', 1, [answer, close]],
      ['transfer', 1, [transfer]],
      ['claim, reject', 1, [claim, reject]],
      ['a refused action (close while received)', 0, [close]],
    ])('%s queues %i notice(s) for the citizen', async (_name, notices, changes) => {
      const hotline = newDesk(database, { clock: { now: MONDAY_9AM } });
      const { code } = await hotline.submit(citizen, { text: 'Hồ sơ trễ hẹn' });
      for (const change of changes) await hotline.act(code, change);

      const jobs = await hotline.outbox.waiting('citizen');
      expect(jobs.map((job) => ({ ...job, step: undefined }))).toEqual(Array.from({ length: notices }, () => ({ kind: 'citizen', code, step: undefined })));
      if (notices > 0) expect((await hotline.complaints.get(code))!.reply).toEqual({ state: 'pending', attempts: 0 });
    });

    it('refuses an action on an unknown complaint', async () => {
      expect(await newDesk(database).act('PA-7KQ3-M9X', claim)).toEqual({ ok: false, reason: 'no complaint PA-7KQ3-M9X' });
    });
  });

  describe('erase', () => {
    it('removes what identifies the citizen, keeps the anonymous record, and refuses a second time', async () => {
      const clock = { now: MONDAY_9AM };
      const hotline = newDesk(database, { clock });
      const { code } = await hotline.submit(citizen, { text: 'Tôi là Nguyễn Văn A, hồ sơ trễ hẹn', subject: 'Đất đai', phone: '0912345678', consentAt: MONDAY_9AM });
      await hotline.act(code, { type: 'answer', by: 'lan', text: 'Đã gọi cho anh A.' });
      clock.now += HOUR;

      expect((await hotline.erase(code, 'lan')).ok).toBe(true);
      const erased = await hotline.lookup(code);
      expect(erased).toMatchObject({
        code,
        address: { channel: 'zalo', chatId: ERASED },
        text: ERASED,
        answer: ERASED,
        subject: 'Đất đai',
        status: 'answered',
        erasedAt: MONDAY_9AM + HOUR,
      });
      expect(erased?.phone).toBeUndefined();
      expect(JSON.stringify(erased)).not.toMatch(/Nguyễn|0912345678|anh A|u-42/);
      expect(erased?.history.map((event) => event.action)).toEqual(['receive', 'answer', 'erase']);
      expect(await hotline.erase(code, 'lan')).toEqual({ ok: false, reason: 'already erased' });
    });
  });
});
