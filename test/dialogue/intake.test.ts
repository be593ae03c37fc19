// The complaint intake through the real Conversation, engine and SQLite files (store and
// database), on a channel with buttons (web) and a numbered one (Zalo): each scenario is what
// the citizen does and sees, then what the desk stored (or that it stored nothing).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Complaint } from '../../src/complaints/complaint.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { Conversation } from '../../src/dialogue/conversation.ts';
import { normalisePhone, phoneIn } from '../../src/dialogue/intake.ts';
import type { Address, ChannelName } from '../../src/kernel/messages.ts';
import { addressKey } from '../../src/kernel/messages.ts';
import type { Session } from '../../src/dialogue/session.ts';
import { COMPLAINT_TEXTS, MENU_TEXTS, TEXTS } from '../../src/texts/citizens.ts';
import type { Engine } from '../../src/search/engine.ts';
import type { Store } from '../../src/store/store.ts';
import { MONDAY_9AM, newDesk } from '../complaints/desk.ts';
import { sqliteBackend } from '../store/backends.ts';
import { sqliteDatabase } from '../store/databases.ts';
import { chatCitizen, said, type ChatCitizen } from './chat-citizen.ts';
import { sharedEngine } from '../messaging/inbox-fixtures.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

const backend = sqliteBackend();
const records = sqliteDatabase();
let store: Store;
let engine: Engine;
let hotline: Hotline;
let conversation: Conversation;

beforeAll(async () => {
  store = await backend.open();
  engine = await sharedEngine();
  hotline = newDesk(await records.open(), { clock: { now: MONDAY_9AM } });
  conversation = new Conversation({ traits: channelTraits, engine, store, sessionTtlMs: 3_600_000, hotline });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await backend.cleanup();
  await records.cleanup();
});

const C = COMPLAINT_TEXTS;
const KHAI_TU = 'dang-ky-khai-tu';

/** Something the citizen does, or what the last replies must contain. */
type Step = { say: string } | { press: string } | { sees: string };

async function run(citizen: ChatCitizen, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if ('say' in step) await citizen.say(step.say);
    else if ('press' in step) await citizen.press(step.press);
    else expect(said(citizen.last())).toContain(step.sees);
  }
}

/** What the desk holds from `address`, oldest first. */
async function storedFor(address: Address): Promise<Complaint[]> {
  const all: Complaint[] = [];
  for await (const c of hotline.complaints.each('all', hotline.today())) all.push(c);
  return all.filter((c) => c.address.channel === address.channel && c.address.chatId === address.chatId);
}

async function draftOf(address: Address) {
  return (await store.get<Session>('session', addressKey(address)))?.intake;
}

const CHANNELS: ChannelName[] = ['web', 'zalo'];

/** Steps that take a citizen from nothing to the review of a complaint without subject or phone. */
const TO_REVIEW: Step[] = [{ say: '/phananh' }, { say: 'Đèn đường ngõ 5 bị hỏng' }, { press: C.nextChoice }, { press: C.skipChoice }, { press: C.declineChoice }];

interface Scenario {
  name: string;
  steps: () => Step[];
  /** What the desk holds afterwards; `undefined` fields must be absent. */
  stored: () => { text: string; subject?: string; phone?: string; consentAt?: number };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'from the menu: two messages, no subject, no phone',
    steps: () => [
      { say: '/start' },
      { press: TEXTS.complaintChoice },
      { sees: C.describe },
      { say: 'Đèn đường ngõ 5 bị hỏng' },
      { sees: C.partAdded },
      { say: 'đã một tuần chưa ai sửa' },
      { press: C.nextChoice },
      { sees: C.subject },
      { press: C.skipChoice },
      { sees: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP' },
      { press: C.declineChoice },
      { sees: 'Số điện thoại: không để lại' },
      { sees: 'Cơ quan/thủ tục: không nêu' },
      { press: C.sendChoice },
      { sees: 'Mã phản ánh: PA-' },
    ],
    stored: () => ({ text: 'Đèn đường ngõ 5 bị hỏng\nđã một tuần chưa ai sửa' }),
  },
  {
    name: 'typed words, a typed subject, consent, and a phone after a wrong one',
    steps: () => [
      { say: '/phananh' },
      { say: 'Cán bộ hẹn 3 lần chưa trả kết quả' },
      { say: 'xong' },
      { say: 'UBND phường Mẫu' },
      { sees: `bộ phận tiếp nhận phản ánh, kiến nghị của ${engine.knowledge.locality.authority}` },
      { press: C.agreeChoice },
      { sees: C.phone },
      { say: '12345' },
      { sees: C.badPhone },
      { say: '+84 912.345.678' },
      { sees: 'Số điện thoại: 0912345678' },
      { say: 'gửi' },
      { sees: 'Mã phản ánh: PA-' },
    ],
    stored: () => ({ text: 'Cán bộ hẹn 3 lần chưa trả kết quả', subject: 'UBND phường Mẫu', phone: '0912345678', consentAt: MONDAY_9AM }),
  },
  {
    name: 'from the complaint outcome: the message is the first part',
    steps: () => [
      { say: 'đường trước nhà bị hỏng lâu rồi không ai sửa' },
      { sees: TEXTS.complaintStart },
      // The steps count from 1 even though the message already gave the first part.
      { sees: `${C.describeStep} ${C.firstPartKept}` },
      { press: C.nextChoice },
      { sees: 'Bước 2/4' },
      { press: C.skipChoice },
      { press: C.declineChoice },
      { sees: 'Nội dung: đường trước nhà bị hỏng lâu rồi không ai sửa' },
      { press: C.sendChoice },
    ],
    stored: () => ({ text: 'đường trước nhà bị hỏng lâu rồi không ai sửa' }),
  },
  {
    name: 'natural answers: the story ends with "xong rồi", a number typed after the notice, "ok gửi đi ạ"',
    steps: () => [
      { say: 'gửi phản ánh' },
      { say: 'Nộp hồ sơ 25 ngày vẫn chưa có kết quả, gọi tổng đài không ai nghe. Xong rồi, vậy thôi.' },
      { sees: 'Bước 2/4' },
      { say: 'không rõ' },
      { sees: 'Bước 3/4' },
      { say: '0912 345 678' },
      { sees: 'Số điện thoại: 0912345678' },
      { say: 'ok gửi đi ạ' },
    ],
    stored: () => ({ text: 'Nộp hồ sơ 25 ngày vẫn chưa có kết quả, gọi tổng đài không ai nghe', phone: '0912345678', consentAt: MONDAY_9AM }),
  },
  {
    name: '"không còn gì nữa" ends the story, and "gửi đi" said before the review moves on rather than adding to it',
    steps: () => [
      { say: 'gửi phản ánh' },
      { say: 'nộp hồ sơ sang tên đất từ tháng bảy mà đến giờ chưa có kết quả' },
      { say: 'không còn gì nữa' },
      { sees: 'Bước 2/4' },
      { say: 'bỏ qua' },
      { say: 'khỏi để số' },
      { say: 'gửi đi' },
    ],
    stored: () => ({ text: 'nộp hồ sơ sang tên đất từ tháng bảy mà đến giờ chưa có kết quả' }),
  },
  {
    name: 'a yes with the number at the notice keeps the number: "được, 0918 623 047"',
    steps: () => [
      { say: 'gửi phản ánh' },
      { say: 'cầu treo qua suối bị đứt một sợi cáp' },
      { say: 'xong' },
      { say: 'bỏ qua' },
      { say: 'được, 0918 623 047' },
      { sees: 'Số điện thoại: 0918623047' },
      { say: 'ok gửi giúp tôi' },
    ],
    stored: () => ({ text: 'cầu treo qua suối bị đứt một sợi cáp', phone: '0918623047', consentAt: MONDAY_9AM }),
  },
  {
    name: '"gửi đi" while telling the story sends it as it is: the office and the number are never required',
    steps: () => [
      { say: 'gửi phản ánh' },
      { say: 'đèn đường trước ngõ hỏng cả tháng nay' },
      { say: 'gửi luôn đi' },
      { sees: 'Mã phản ánh: PA-' },
    ],
    stored: () => ({ text: 'đèn đường trước ngõ hỏng cả tháng nay' }),
  },
  {
    name: 'a number read aloud (speech to text) is kept out of the story, and given after the notice it is the number',
    steps: () => [
      { say: 'tui muốn phản ánh cán bộ địa chính đòi thêm tiền mới nhận hồ sơ' },
      { say: 'số tui là không chín tám ba một hai ba bốn năm sáu' },
      { sees: C.phoneNotKept },
      { say: 'nớ thôi hết rồi' },
      { sees: 'Bước 2/4' },
      { say: 'bỏ qua cái ni' },
      { sees: 'Bước 3/4' },
      { say: 'không chín tám ba một hai ba bốn năm sáu' },
      { sees: 'Số điện thoại: 0983123456' },
      { say: 'gửi luôn đi' },
    ],
    stored: () => ({ text: 'tui muốn phản ánh cán bộ địa chính đòi thêm tiền mới nhận hồ sơ', phone: '0983123456', consentAt: MONDAY_9AM }),
  },
  {
    name: 'teencode answers: "k can de sdt dau", "gui di con"',
    steps: () => [
      { say: '/phananh' },
      { say: 'can bo bat ve lay giay khai sinh ban goc' },
      { say: 'xong r a' },
      { say: 'cong an phuong' },
      { say: 'k can de sdt dau' },
      { sees: 'Số điện thoại: không để lại' },
      { say: 'gui di con' },
    ],
    stored: () => ({ text: 'can bo bat ve lay giay khai sinh ban goc', subject: 'cong an phuong' }),
  },
  {
    name: 'the procedure last answered is offered as the subject',
    steps: () => [
      { say: 'đăng ký khai tử ở đâu' },
      { say: 'phản ánh' },
      { say: 'Nộp hồ sơ hai tuần chưa có kết quả' },
      { press: C.nextChoice },
      { press: engine.get(KHAI_TU)!.title },
      { press: C.declineChoice },
      { press: C.sendChoice },
    ],
    stored: () => ({ text: 'Nộp hồ sơ hai tuần chưa có kết quả', subject: engine.get(KHAI_TU)!.title }),
  },
  {
    name: 'an empty description cannot move on',
    steps: () => [
      { say: 'kiến nghị' },
      { say: 'xong' },
      { sees: C.emptyDescription },
      { say: 'Nên mở thêm quầy một cửa buổi chiều' },
      { press: C.nextChoice },
      { press: C.skipChoice },
      { press: C.declineChoice },
      { press: C.sendChoice },
    ],
    stored: () => ({ text: 'Nên mở thêm quầy một cửa buổi chiều' }),
  },
  {
    name: 'agreeing, then skipping the phone, keeps neither phone nor consent',
    steps: () => [
      { say: 'gửi phản ánh' },
      { say: 'Thái độ cán bộ chưa tốt' },
      { press: C.nextChoice },
      { press: C.skipChoice },
      { press: C.agreeChoice },
      { press: C.skipChoice },
      { sees: 'Số điện thoại: không để lại' },
      { press: C.sendChoice },
    ],
    stored: () => ({ text: 'Thái độ cán bộ chưa tốt' }),
  },
  {
    name: 'commands during intake answer and keep the draft; the next text continues it',
    steps: () => [
      { say: '/phananh' },
      { say: 'phần một' },
      { say: '/lienhe' },
      { sees: MENU_TEXTS.contacts },
      { say: 'phần hai' },
      { sees: C.partAdded },
      { say: '/phananh' },
      { sees: C.addMore },
      { press: C.nextChoice },
      { press: C.skipChoice },
      { press: C.declineChoice },
      { press: C.sendChoice },
    ],
    stored: () => ({ text: 'phần một\nphần hai' }),
  },
];

describe.each(CHANNELS)('intake on %s', (channel) => {
  it.each(SCENARIOS)('$name', async ({ steps, stored }) => {
    const citizen = chatCitizen(conversation, channel);
    await run(citizen, steps());
    const complaints = await storedFor(citizen.address);
    expect(complaints).toHaveLength(1);
    const [complaint] = complaints;
    expect({ text: complaint!.text, subject: complaint!.subject, phone: complaint!.phone, consentAt: complaint!.consentAt }).toEqual(stored());
    expect(complaint!.address).toEqual(citizen.address);
    expect(said(citizen.last())).toContain(`Mã phản ánh: ${complaint!.code}`);
    expect(said(citizen.last())).toContain(`Hạn trả lời: ${complaint!.dueDate.split('-').reverse().join('/')}`);
    expect(await draftOf(citizen.address)).toBeUndefined();
  });

  const CANCEL_AT: [string, Step[]][] = [
    ['what happened, still empty', [{ say: '/phananh' }]],
    ['what happened', [{ say: '/phananh' }, { say: 'nội dung' }]],
    ['office or procedure', [{ say: '/phananh' }, { say: 'nội dung' }, { press: C.nextChoice }]],
    ['personal-data notice', [{ say: '/phananh' }, { say: 'nội dung' }, { press: C.nextChoice }, { press: C.skipChoice }]],
    ['phone', [{ say: '/phananh' }, { say: 'nội dung' }, { press: C.nextChoice }, { press: C.skipChoice }, { press: C.agreeChoice }]],
    ['review', TO_REVIEW],
  ];
  const CANCEL_BY: [string, Step][] = [
    ['the button', { press: C.cancelChoice }],
    ['"hủy"', { say: 'hủy' }],
    ['"huy"', { say: 'huy' }],
    ['"/huy"', { say: '/huy' }],
  ];

  describe.each(CANCEL_AT)('cancel at %s', (_step, reach) => {
    it.each(CANCEL_BY)('by %s: nothing is stored and the next question is searched again', async (_how, cancel) => {
      const citizen = chatCitizen(conversation, channel);
      await run(citizen, [...reach, cancel, { sees: C.cancelled }]);
      expect(await storedFor(citizen.address)).toEqual([]);
      expect(await draftOf(citizen.address)).toBeUndefined();
      expect(said(await citizen.say('đăng ký khai tử ở đâu'))).toContain(engine.get(KHAI_TU)!.title);
    });
  });

  it('a failed submit keeps the draft; "Gửi lại" sends it', async () => {
    const citizen = chatCitizen(conversation, channel);
    await run(citizen, TO_REVIEW);
    vi.spyOn(hotline, 'submit').mockRejectedValueOnce(new Error('store unreachable'));
    await run(citizen, [{ press: C.sendChoice }, { sees: C.submitFailed }]);
    expect(await storedFor(citizen.address)).toEqual([]);
    expect(await draftOf(citizen.address)).toMatchObject({ step: 'review', text: 'Đèn đường ngõ 5 bị hỏng' });
    await run(citizen, [{ press: C.resendChoice }, { sees: 'Mã phản ánh: PA-' }]);
    expect(await storedFor(citizen.address)).toHaveLength(1);
  });

  it('the send button pressed again after submitting stores nothing more', async () => {
    const citizen = chatCitizen(conversation, channel);
    await run(citizen, TO_REVIEW);
    const review = citizen.last();
    await citizen.press(C.sendChoice);
    // On Zalo the citizen types the number again; on the web the old button is pressed again.
    const send = review[0]!.choices!.find((c) => c.label === C.sendChoice)!;
    const again = channel === 'zalo' ? await citizen.say('1') : await conversation.handle({ address: citizen.address, updateId: 'again', action: send.action, receivedAt: Date.now() });
    expect(said(again)).toContain(MENU_TEXTS.staleChoice);
    expect(await storedFor(citizen.address)).toHaveLength(1);
  });

  it('says where the staff answer will come', async () => {
    const citizen = chatCitizen(conversation, channel);
    await run(citizen, [...TO_REVIEW, { press: C.sendChoice }]);
    expect(said(citizen.last())).toContain(channel === 'web' ? 'Tra cứu phản ánh' : 'qua kênh này');
  });
});

describe('a phone number typed before the personal-data notice', () => {
  it('is masked in the story and the office, said so, and asked for only after the notice', async () => {
    const citizen = chatCitizen(conversation, 'web');
    await run(citizen, [
      { say: '/phananh' },
      { say: 'Đèn đường ngõ 7 hỏng cả tuần, có gì gọi em số 0912 345 678' },
      { sees: C.phoneNotKept },
      // Nothing but the number adds nothing to the story.
      { say: 'sđt em: 0987654321' },
      { sees: C.phoneNotKept },
      { press: C.nextChoice },
      { say: 'Tổ dân phố 3, gọi 0903 111 222' },
      { sees: C.phoneNotKept },
      { press: C.declineChoice },
      { press: C.sendChoice },
    ]);
    const [complaint] = await storedFor(citizen.address);
    expect(complaint).toMatchObject({ text: 'Đèn đường ngõ 7 hỏng cả tuần, có gì gọi em số [số điện thoại]', subject: 'Tổ dân phố 3, gọi [số điện thoại]' });
    expect(complaint!.phone).toBeUndefined();
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['+84912.345.678', '0912345678'],
    ['091234567', undefined],
    ['09123456789', undefined],
    ['0012345678', undefined],
    ['+1 912 345 678', undefined],
    ['số của tôi', undefined],
    ['', undefined],
  ])('%j → %j', (typed, expected) => {
    expect(normalisePhone(typed)).toBe(expected);
  });
});

describe('phoneIn', () => {
  it.each<[string, string | undefined]>([
    ['được, 0918 623 047', '0918623047'],
    ['de so ba e nha 0976 583 210', '0976583210'],
    // Digits one by one.
    ['số tôi 0 3 8 9 1 2 2 4 5 7', '0389122457'],
    ['+84 912 345 678', '0912345678'],
    // Said in words, as speech to text writes it; a few digit words are only words.
    ['số tôi là không chín một hai ba bốn năm sáu bảy tám', '0912345678'],
    ['khong chin bay tam mot hai ba bon nam sau', '0978123456'],
    ['không, một hai ba', undefined],
    ['số tôi 09123456789', undefined],
    ['nhà số 12 ngõ 34', undefined],
  ])('%j → %j', (typed, expected) => {
    expect(phoneIn(typed)).toBe(expected);
  });
});
