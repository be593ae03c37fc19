// "tra cứu <mã>" through the real Conversation: which messages are lookups, and what
// the citizen sees of their complaint in each state, with the desk's clock moved by
// the test (overdue). Never the phone number, never the staff member's name.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transition } from '../../src/complaints/complaint.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { Conversation } from '../../src/dialogue/conversation.ts';
import { readTrackingRequest } from '../../src/dialogue/tracking.ts';
import { COMPLAINT_TEXTS, MENU_TEXTS } from '../../src/texts/citizens.ts';
import type { Store } from '../../src/store/store.ts';
import { MONDAY_9AM, newDesk, type Clock } from '../complaints/desk.ts';
import { sqliteBackend } from '../store/backends.ts';
import { sqliteDatabase } from '../store/databases.ts';
import { chatCitizen, said } from './chat-citizen.ts';
import { sharedEngine } from '../messaging/inbox-fixtures.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

const backend = sqliteBackend();
const records = sqliteDatabase();
const clock: Clock = { now: MONDAY_9AM };
let store: Store;
let hotline: Hotline;
let conversation: Conversation;

beforeAll(async () => {
  store = await backend.open();
  // 10 working days from Monday 2 March 2026: due Monday 16 March.
  hotline = newDesk(await records.open(), { clock, dueWorkingDays: 10 });
  conversation = new Conversation({ traits: channelTraits, engine: await sharedEngine(), store, sessionTtlMs: 3_600_000, hotline });
});
beforeEach(() => {
  clock.now = MONDAY_9AM;
});
afterAll(async () => {
  await backend.cleanup();
  await records.cleanup();
});

const STAFF = 'Nguyễn Thị Cán Bộ';
const PHONE = '0912345678';
const DAY = 24 * 3600_000;

/** A complaint from a Telegram chat, with a phone, moved through `transitions` by a named staff member. */
async function complaintAfter(transitions: Transition[]): Promise<string> {
  const complaint = await hotline.submit({ channel: 'telegram', chatId: 'owner' }, { text: 'Đèn đường hỏng', phone: PHONE, consentAt: clock.now });
  for (const change of transitions) expect((await hotline.act(complaint.code, change)).ok).toBe(true);
  return complaint.code;
}

/** Another code with one character changed: the check character catches it. */
function mistype(code: string): string {
  return code.slice(0, -1) + (code.endsWith('3') ? '4' : '3');
}

describe('which messages are lookups', () => {
  it.each([
    ['tra cứu PA-7KQ3-Q9', true, { kind: 'lookup', typed: 'PA-7KQ3-Q9' }],
    ['tra cuu pa 7kq3 q9', true, { kind: 'lookup', typed: 'pa 7kq3 q9' }],
    ['Tra Cứu PA-7KQ3-M9X', true, { kind: 'lookup', typed: 'PA-7KQ3-M9X' }],
    ['tracuu PA7KQ3Q9', true, { kind: 'lookup', typed: 'PA7KQ3Q9' }],
    ['/tracuu PA-7KQ3-Q9', true, { kind: 'lookup', typed: 'PA-7KQ3-Q9' }],
    ['/tracuu@motcua_bot pa-7kq3-q9', true, { kind: 'lookup', typed: 'pa-7kq3-q9' }],
    ['/tracuu ma cua toi', true, { kind: 'lookup', typed: 'ma cua toi' }],
    ['/tracuu', true, { kind: 'help' }],
    ['tra cứu', true, { kind: 'help' }],
    ['PA-7KQ3-Q9', true, { kind: 'lookup', typed: 'PA-7KQ3-Q9' }],
    ['pa7kq3q9', true, { kind: 'lookup', typed: 'pa7kq3q9' }],
    ['PA-7KQ3-Q8', true, { kind: 'lookup', typed: 'PA-7KQ3-Q8' }],
    ['PA-7KQ3-Q9', false, undefined],
    ['tra cứu thủ tục khai sinh', true, undefined],
    // Typed short or without PA: still a lookup, so the citizen is told the code's format.
    ['tra cuu pa123', true, { kind: 'lookup', typed: 'pa123' }],
    ['tra cứu PA 12', true, { kind: 'lookup', typed: 'PA 12' }],
    ['tra cứu 7kq3q9', true, { kind: 'lookup', typed: '7kq3q9' }],
    ['tra cứu phản ánh', true, undefined],
    ['tra cứu 1.001193', true, undefined],
    ['passport', true, undefined],
    ['làm hộ chiếu cần gì', true, undefined],
  ])('%j (a code alone counts: %s)', (text, bareCode, expected) => {
    expect(readTrackingRequest(text, { bareCode })).toEqual(expected);
  });
});

describe('what the citizen sees', () => {
  const answer: Transition = { type: 'answer', by: STAFF, text: 'Đã thay bóng đèn ngày 5/3.' };
  const STATES: [string, Transition[], string[]][] = [
    ['received', [], ['Tình trạng: đã tiếp nhận']],
    ['in progress', [{ type: 'claim', by: STAFF }], ['Tình trạng: đang xử lý']],
    ['answered', [{ type: 'claim', by: STAFF }, answer], ['Tình trạng: đã trả lời', 'Trả lời của cán bộ: Đã thay bóng đèn ngày 5/3.']],
    ['closed', [answer, { type: 'close', by: STAFF }], ['Tình trạng: đã đóng', 'Trả lời của cán bộ: Đã thay bóng đèn ngày 5/3.']],
    ['transferred', [{ type: 'transfer', by: STAFF, reason: 'Thuộc thẩm quyền Công ty Điện lực' }], ['Tình trạng: đã chuyển cơ quan khác', 'Lý do: Thuộc thẩm quyền Công ty Điện lực']],
    ['rejected', [{ type: 'reject', by: STAFF, reason: 'Nội dung trùng phản ánh đã trả lời' }], ['Tình trạng: không tiếp nhận', 'Lý do: Nội dung trùng phản ánh đã trả lời']],
  ];

  it.each(STATES)('%s: code, dates and status; no phone, no staff name', async (_state, transitions, shown) => {
    const code = await complaintAfter(transitions);
    const text = said(await chatCitizen(conversation, 'telegram').say(`tra cứu ${code}`));
    for (const line of [`Phản ánh ${code}`, 'Ngày tiếp nhận: 02/03/2026', 'Hạn trả lời: 16/03/2026', ...shown]) expect(text).toContain(line);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(STAFF);
    expect(text).not.toContain(COMPLAINT_TEXTS.overdue);
  });

  it('in every form of asking, also from another chat and channel', async () => {
    const code = await complaintAfter([]);
    const spaced = code.toLowerCase().replace(/-/g, ' ');
    for (const [channel, message] of [
      ['zalo', `tra cuu ${spaced}`],
      ['web', `/tracuu ${code}`],
      ['zalo-oa', spaced],
    ] as const) {
      expect(said(await chatCitizen(conversation, channel).say(message))).toContain(`Phản ánh ${code}`);
    }
  });

  it.each([
    ['received', [], true],
    ['in progress', [{ type: 'claim', by: STAFF }], true],
    ['answered', [answer], false],
  ] as [string, Transition[], boolean][])('past the due date, %s: overdue note %s', async (_state, transitions, overdue) => {
    const code = await complaintAfter(transitions);
    clock.now = MONDAY_9AM + 15 * DAY; // Tuesday 17 March: one day past due
    const text = said(await chatCitizen(conversation, 'telegram').say(`tra cứu ${code}`));
    expect(text.includes(COMPLAINT_TEXTS.overdue)).toBe(overdue);
  });

  it('not yet overdue on the due date itself', async () => {
    const code = await complaintAfter([]);
    clock.now = MONDAY_9AM + 14 * DAY;
    expect(said(await chatCitizen(conversation, 'telegram').say(`tra cứu ${code}`))).not.toContain(COMPLAINT_TEXTS.overdue);
  });

  it('erased on request: the status only', async () => {
    const code = await complaintAfter([answer]);
    expect((await hotline.erase(code, STAFF)).ok).toBe(true);
    const text = said(await chatCitizen(conversation, 'telegram').say(`tra cứu ${code}`));
    expect(text).toBe([`Phản ánh ${code}`, 'Tình trạng: đã trả lời', COMPLAINT_TEXTS.erased].join('\n'));
  });

  it('an unknown code and a mistyped one each say which', async () => {
    const code = await complaintAfter([]);
    const citizen = chatCitizen(conversation, 'zalo');
    expect(said(await citizen.say(`tra cứu ${mistype(code)}`))).toBe(COMPLAINT_TEXTS.mistypedCode(mistype(code)));
    expect(said(await citizen.say('tra cứu PA-7KQ3-M9X'))).toBe(COMPLAINT_TEXTS.mistypedCode('PA-7KQ3-M9X'));
    // Too short, in the way people type it: the format is explained, not the not-found reply.
    expect(said(await citizen.say('tra cuu pa123'))).toBe(COMPLAINT_TEXTS.mistypedCode('pa123'));
    expect(said(await citizen.say('tra cuu pa123'))).toContain('PA-XXXX-XX');
    const unknown = 'PA-7KQ3-Q9';
    expect(await hotline.lookup(unknown)).toBeUndefined();
    expect(said(await citizen.say(`tra cuu ${unknown.toLowerCase()}`))).toBe(COMPLAINT_TEXTS.unknownCode(unknown));
  });

  it('"/tracuu" alone says how to look up', async () => {
    expect(said(await chatCitizen(conversation, 'telegram').say('/tracuu'))).toBe(MENU_TEXTS.track);
  });
});

describe('while a complaint is being written', () => {
  it('"tra cứu <mã>" looks up and keeps the draft; a code alone is part of the story', async () => {
    const code = await complaintAfter([]);
    const citizen = chatCitizen(conversation, 'web');
    await citizen.say('/phananh');
    await citizen.say('Phản ánh trước của tôi chưa được trả lời');
    expect(said(await citizen.say(`tra cứu ${code}`))).toContain('Tình trạng: đã tiếp nhận');
    expect(said(await citizen.say(code))).toContain(COMPLAINT_TEXTS.partAdded);
    await citizen.press(COMPLAINT_TEXTS.nextChoice);
    await citizen.press(COMPLAINT_TEXTS.skipChoice);
    await citizen.press(COMPLAINT_TEXTS.declineChoice);
    expect(said(citizen.last())).toContain(`Nội dung: Phản ánh trước của tôi chưa được trả lời\n${code}`);
  });
});
