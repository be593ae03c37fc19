import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, recordDelivery, transition, type Complaint, type Delivery, type Status, type Transition } from '../../src/complaints/complaint.ts';
import { newTrackingCode, parseTrackingCode } from '../../src/complaints/tracking-code.ts';
import { WorkingCalendar } from '../../src/complaints/working-days.ts';

const base: Complaint = {
  code: 'PA-7KQ3-M9X',
  address: { channel: 'zalo', chatId: 'u1' },
  text: 'Hồ sơ trễ hẹn ba lần',
  createdAt: 0,
  dueDate: '2026-12-08',
  status: 'received',
  deliveries: {},
  history: [],
};

const claim: Transition = { type: 'claim', by: 'lan' };
const answer: Transition = { type: 'answer', by: 'lan', text: 'Đã liên hệ bộ phận đất đai.' };
const close: Transition = { type: 'close', by: 'lan' };
const transfer: Transition = { type: 'transfer', by: 'lan', reason: 'Thuộc thẩm quyền Sở Xây dựng' };
const reject: Transition = { type: 'reject', by: 'lan', reason: 'Không đủ thông tin liên hệ' };

describe('status transitions', () => {
  it.each<[Status, Transition, Status | 'refused']>([
    ['received', claim, 'in_progress'],
    ['received', answer, 'answered'],
    ['received', transfer, 'transferred'],
    ['received', reject, 'rejected'],
    ['received', close, 'refused'],
    ['in_progress', claim, 'refused'], // a second claim loses
    ['in_progress', answer, 'answered'],
    ['in_progress', transfer, 'transferred'],
    ['answered', close, 'closed'],
    ['answered', answer, 'refused'],
    ['closed', answer, 'refused'],
    ['rejected', claim, 'refused'],
    ['transferred', close, 'refused'],
  ])('%s + %o → %s', (from, change, to) => {
    const result = transition({ ...base, status: from }, change, 1000);
    if (to === 'refused') expect(result.ok).toBe(false);
    else expect(result).toMatchObject({ ok: true, complaint: { status: to } });
  });

  it('keeps who did what and when, and the answer or reason', () => {
    const claimed = transition(base, claim, 1000);
    if (!claimed.ok) throw new Error(claimed.reason);
    const answered = transition(claimed.complaint, answer, 2000);
    if (!answered.ok) throw new Error(answered.reason);
    expect(answered.complaint).toMatchObject({ assignee: 'lan', answer: 'Đã liên hệ bộ phận đất đai.' });
    expect(answered.complaint.history).toEqual([
      { at: 1000, by: 'lan', action: 'claim' },
      { at: 2000, by: 'lan', action: 'answer', note: 'Đã liên hệ bộ phận đất đai.' },
    ]);
    expect(base.history).toEqual([]); // the original is untouched
  });

  it('refuses an empty answer or reason', () => {
    expect(transition(base, { type: 'answer', by: 'lan', text: '  ' }, 1).ok).toBe(false);
    expect(transition(base, { type: 'reject', by: 'lan', reason: '' }, 1).ok).toBe(false);
  });
});

describe('delivery to the hotline', () => {
  it('retries with growing waits, then gives up where staff can see it', () => {
    let delivery: Delivery = { state: 'pending', attempts: 0, nextTryAt: 0 };
    const waits: number[] = [];
    let now = 0;
    while (delivery.state === 'pending') {
      delivery = recordDelivery(delivery, { ok: false, error: { code: 'target', detail: 'HTTP 500' } }, now, DEFAULT_RETRY);
      if (delivery.state === 'pending') {
        waits.push(delivery.nextTryAt - now);
        now = delivery.nextTryAt;
      }
    }
    expect(waits.slice(0, 4)).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);
    expect(delivery).toEqual({ state: 'failed', attempts: DEFAULT_RETRY.maxAttempts, lastError: { code: 'target', detail: 'HTTP 500' } });
  });

  it('is delivered on success', () => {
    expect(recordDelivery({ state: 'pending', attempts: 2, nextTryAt: 5 }, { ok: true }, 9, DEFAULT_RETRY)).toEqual({ state: 'delivered', attempts: 3, deliveredAt: 9 });
  });
});

describe('tracking codes', () => {
  it('look like PA-XXXX-XX and parse back, whatever the case and spacing', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^PA-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{2}$/);
      expect(parseTrackingCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    }
  });

  it('catch every single wrong character and every swap of neighbours', () => {
    const code = newTrackingCode(() => 5).replaceAll('-', '');
    const alphabet = '34679ACDEFGHJKMNPQRTWXY';
    for (let i = 2; i < code.length; i++) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        expect(parseTrackingCode(code.slice(0, i) + c + code.slice(i + 1))).toBeUndefined();
      }
    }
    for (let i = 2; i + 1 < code.length - 1; i++) {
      if (code[i] === code[i + 1]) continue;
      expect(parseTrackingCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBeUndefined();
    }
  });

  it('refuse what is not a code', () => {
    for (const text of ['', 'PA-0000-00', 'XX-7KQ3-M9', 'tra cứu', 'PA-7KQ3']) expect(parseTrackingCode(text)).toBeUndefined();
  });
});

describe('working days', () => {
  const calendar = new WorkingCalendar({ fixed: ['01-01', '04-30', '05-01', '09-02'], dates: ['2026-09-01'] });

  it.each([
    ['2026-11-20', 1, '2026-11-23'], // Friday + 1 → Monday
    ['2026-11-23', 5, '2026-11-30'], // a whole week
    ['2026-04-29', 1, '2026-05-04'], // 30/4 and 1/5, then the weekend
    ['2026-08-31', 2, '2026-09-04'], // 1/9 (announced) and 2/9 skipped
    ['2026-12-31', 1, '2027-01-04'], // New Year's Day, then the weekend
  ])('%s + %i working days → %s', (start, days, due) => {
    expect(calendar.addWorkingDays(start, days)).toBe(due);
  });
});
