// A complaint from start to tracking code through the whole server on each channel:
// Telegram, Zalo and Zalo OA by webhook against their fake APIs (buttons on Telegram,
// typed numbers on both Zalos), the web chat through POST /api/chat. Afterwards the
// complaint is in the database with the address of the chat it came from. On Zalo OA a
// staff answer from /admin then reaches the citizen, or, once the interaction window
// has closed, is marked failed and still shown by "tra cứu".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ComplaintStore } from '../../src/complaints/complaint-store.ts';
import { COMPLAINT_TEXTS, NOTICE_TEXTS } from '../../src/texts/citizens.ts';
import { hashPassword } from '../../src/complaints/password.ts';
import type { Address } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { PASSWORDS, Staff } from '../admin/inbox-app.ts';
import { callbackUpdate, textUpdate } from '../adapters/telegram/updates.ts';
import { APP_ID, OA_ID, OA_SECRET_KEY } from '../adapters/zalo-oa/events.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { FakeZaloBotApi } from '../fakes/zalo-bot-api.ts';
import { FakeZaloOaApi } from '../fakes/zalo-oa-api.ts';
import { post, postTelegram, postZalo, postZaloOa, PUBLIC_URL, TELEGRAM_SECRET, testConfig, ZALO_SECRET, zaloText } from './running-server.ts';

const WAIT = { timeout: 10_000, interval: 20 };
const C = COMPLAINT_TEXTS;

let dir: string;
let running: RunningServer;
let telegram: FakeBotApi;
let zalo: FakeZaloBotApi;
let oa: FakeZaloOaApi;
/** The server's database, opened beside it to read the complaints back. */
let reader: Database;
let complaints: ComplaintStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-intake-'));
  telegram = await startFakeBotApi();
  zalo = await FakeZaloBotApi.start();
  oa = await FakeZaloOaApi.start({ appId: APP_ID });
  const config = testConfig({
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    PUBLIC_URL,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_API_ROOT: zalo.apiRoot,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    ZALO_OA_ID: OA_ID,
    ZALO_OA_APP_ID: oa.appId,
    ZALO_OA_APP_SECRET: oa.appSecretKey,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_ACCESS_TOKEN: oa.initial.accessToken,
    ZALO_OA_REFRESH_TOKEN: oa.initial.refreshToken,
    ZALO_OA_API_ROOT: oa.root,
    ZALO_OA_OAUTH_ROOT: oa.root,
    ADMIN_USERS: `lan:${await hashPassword(PASSWORDS.lan)}`,
  });
  running = await startServer(config);
  // The records the server keeps with a SQLite store when DATABASE_URL is not set.
  reader = await openDatabase(config.databaseUrl);
  complaints = new ComplaintStore(reader);
}, 20_000);

afterAll(async () => {
  await reader?.close();
  await running?.close();
  await telegram?.close();
  await zalo?.close();
  await oa?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A citizen on one channel: each call sends one message and resolves with the bot's answer to it. */
interface Driver {
  address: Address;
  say(text: string): Promise<string>;
  press(label: string): Promise<string>;
}

let updates = 10_000;

/** Waits until the channel has sent more than `before` messages (each intake step is one short reply), and returns the new ones' text. */
async function answered(sent: () => string[], before: number): Promise<string> {
  await vi.waitFor(() => expect(sent().length).toBeGreaterThan(before), WAIT);
  return sent().slice(before).join('\n');
}

function telegramDriver(chatId: number): Driver {
  const messages = () => telegram.callsTo('sendMessage').filter((m) => String(m.chat_id) === String(chatId));
  const texts = () => messages().map((m) => String(m.text));
  const send = async (update: object) => {
    const before = texts().length;
    expect((await postTelegram(running.url, update)).status).toBe(200);
    return answered(texts, before);
  };
  return {
    address: { channel: 'telegram', chatId: String(chatId) },
    say: (text) => send(textUpdate(++updates, text, chatId)),
    press(label) {
      const keyboard = (messages().at(-1)?.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard;
      const button = keyboard?.flat().find((b) => b.text === label);
      if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard)}`);
      return send(callbackUpdate(++updates, button.callback_data, chatId));
    },
  };
}

function zaloDriver(chatId: string): Driver {
  const texts = () => zalo.callsOf('sendMessage').filter((c) => c.body.chat_id === chatId).map((c) => String(c.body.text));
  const say = async (text: string) => {
    const before = texts().length;
    expect((await postZalo(running.url, zaloText(`m-${++updates}`, text, chatId))).status).toBe(200);
    return answered(texts, before);
  };
  return {
    address: { channel: 'zalo', chatId },
    say,
    press: (label) => say(numberOf(label, texts().at(-1))),
  };
}

/** The texts the OA was asked to send `userId`, refused ones included. */
function oaTexts(userId: string): string[] {
  return oa
    .sends()
    .filter((c) => (c.body.recipient as { user_id?: unknown }).user_id === userId)
    .map((c) => String((c.body.message as { text?: unknown }).text));
}

function zaloOaDriver(userId: string): Driver {
  const texts = () => oaTexts(userId);
  const say = async (text: string) => {
    const before = texts().length;
    expect((await postZaloOa(running.url, `oa-${++updates}`, text, userId)).status).toBe(200);
    return answered(texts, before);
  };
  return {
    address: { channel: 'zalo-oa', chatId: userId },
    say,
    press: (label) => say(numberOf(label, texts().at(-1))),
  };
}

/** Zalo shows choices as a numbered list: the number to type for `label`. */
function numberOf(label: string, text: string | undefined): string {
  const number = new RegExp(`^(\\d+)\\. ${label}$`, 'm').exec(text ?? '')?.[1];
  if (!number) throw new Error(`no numbered "${label}" in ${text}`);
  return number;
}

function webDriver(session: string): Driver {
  let last: Reply[] = [];
  const send = async (message: { text: string } | { action: string }) => {
    const response = await post(`${running.url}/api/chat`, {}, { session, ...message });
    expect(response.status).toBe(200);
    last = ((await response.json()) as { replies: Reply[] }).replies;
    return last.map((r) => r.text).join('\n');
  };
  return {
    address: { channel: 'web', chatId: session },
    say: (text) => send({ text }),
    press(label) {
      const choice = last.flatMap((r) => r.choices ?? []).find((c) => c.label === label);
      if (!choice) throw new Error(`no choice "${label}" in ${JSON.stringify(last)}`);
      return send({ action: choice.action });
    },
  };
}

const DRIVERS: [string, () => Driver][] = [
  ['telegram (buttons)', () => telegramDriver(4242)],
  ['zalo (numbers)', () => zaloDriver('zalo-chat-7')],
  ['zalo oa (numbers)', () => zaloOaDriver('oa-user-0007')],
  ['web chat', () => webDriver('web-session-0007')],
];

describe.each(DRIVERS)('on %s', (_channel, driver) => {
  it('an intake to confirmation stores the complaint with this chat’s address', async () => {
    const citizen = driver();
    expect(await citizen.say('/phananh')).toContain('Bước 1/4');
    expect(await citizen.say('Đèn đường ngõ 5 bị hỏng một tuần')).toContain(C.partAdded);
    expect(await citizen.press(C.nextChoice)).toContain('Bước 2/4');
    expect(await citizen.say('UBND phường Mẫu')).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP');
    expect(await citizen.press(C.agreeChoice)).toContain('0912 345 678');
    expect(await citizen.say('0912 345 678')).toContain('Số điện thoại: 0912345678');
    const confirmation = await citizen.press(C.sendChoice);
    const code = /Mã phản ánh: (PA-\w{4}-\w{2})/.exec(confirmation)?.[1];
    expect(code, confirmation).toBeDefined();

    expect(await complaints.get(code!)).toMatchObject({
      address: citizen.address,
      text: 'Đèn đường ngõ 5 bị hỏng một tuần',
      subject: 'UBND phường Mẫu',
      phone: '0912345678',
      consentAt: expect.any(Number),
      status: 'received',
    });
    expect(await citizen.say(`tra cứu ${code}`)).toContain('Tình trạng: đã tiếp nhận');
  });
});

/** The shortest intake (no office, no phone) to confirmation; the tracking code the citizen was given. */
async function fileComplaint(citizen: Driver, text: string): Promise<string> {
  await citizen.say('/phananh');
  await citizen.say(text);
  await citizen.press(C.nextChoice);
  await citizen.press(C.skipChoice);
  await citizen.press(C.declineChoice);
  const confirmation = await citizen.press(C.sendChoice);
  const code = /Mã phản ánh: (PA-\w{4}-\w{2})/.exec(confirmation)?.[1];
  if (!code) throw new Error(`no tracking code in ${confirmation}`);
  return code;
}

it('the tracking page on the running server shows a complaint filed in the chat', async () => {
  const code = await fileComplaint(webDriver('web-session-0008'), 'Cán bộ phường hẹn tôi 3 lần vẫn chưa trả kết quả');
  const page = await fetch(`${running.url}/tra-cuu?ma=${code}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<dd>đã tiếp nhận</dd>');
  const api = await fetch(`${running.url}/api/complaints/${code}`);
  expect(((await api.json()) as { complaint: { code: string } }).complaint.code).toBe(code);
});

describe('a staff answer from /admin to a Zalo OA citizen', () => {
  async function answerAsStaff(code: string, answer: string): Promise<Staff> {
    const staff = new Staff(running.app);
    expect((await staff.login('lan', PASSWORDS.lan)).statusCode).toBe(303);
    expect((await staff.act(code, { action: 'claim' })).statusCode).toBe(303);
    expect((await staff.act(code, { action: 'answer', text: answer })).statusCode).toBe(303);
    return staff;
  }

  async function replyOf(code: string) {
    return (await complaints.get(code))?.reply;
  }

  it('reaches the citizen through the OA as the answer notice', async () => {
    const userId = 'oa-user-0008';
    const code = await fileComplaint(zaloOaDriver(userId), 'Hồ sơ đăng ký khai sinh của con tôi quá hẹn 5 ngày');
    const answer = 'Phường đã trả kết quả khai sinh, mời anh/chị đến nhận tại bộ phận một cửa.';
    await answerAsStaff(code, answer);

    await vi.waitFor(async () => expect(await replyOf(code)).toMatchObject({ state: 'sent', attempts: 1 }), WAIT);
    expect(oaTexts(userId).at(-1)).toBe(NOTICE_TEXTS.answered(code, answer));
  });

  it('is marked failed when the OA refuses it as outside the interaction window, and "tra cứu" still shows it', async () => {
    const userId = 'oa-user-0009';
    const citizen = zaloOaDriver(userId);
    const code = await fileComplaint(citizen, 'Cổng trụ sở phường khóa trong giờ làm việc');
    const answer = 'Phường đã nhắc bảo vệ mở cổng từ 7 giờ 30 các ngày làm việc.';
    oa.failNextSend({ error: -230, message: 'User has not interacted with the OA in the past 7 days' });
    const staff = await answerAsStaff(code, answer);

    await vi.waitFor(async () => expect(await replyOf(code)).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.objectContaining({ code: 'reply', reason: 'window_closed' }) }), WAIT);
    expect(oa.sentTexts()).not.toContain(NOTICE_TEXTS.answered(code, answer));
    expect((await staff.get(`/admin/complaints/${code}`)).body).toContain('Chưa gửi được câu trả lời tới người dân');

    // The citizen's next message reopens the window: the lookup shows the answer, and the
    // notice the OA refused goes out just before it.
    await citizen.say(`tra cứu ${code}`);
    await vi.waitFor(() => expect(oaTexts(userId).at(-1)).toContain(`${C.trackLabels.answer}: ${answer}`), WAIT);
    expect(oaTexts(userId).at(-1)).toContain('Tình trạng: đã trả lời');
    expect(oa.sentTexts()).toContain(NOTICE_TEXTS.answered(code, answer));
  });
});
