// A complaint from start to tracking code through the whole server on each channel:
// Telegram and Zalo by webhook against their fake APIs (buttons on Telegram, typed
// numbers on Zalo), the web chat through POST /api/chat. Afterwards the complaint is
// in the store with the address of the chat it came from.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ComplaintStore } from '../../src/complaints/complaint-store.ts';
import type { Address } from '../../src/core/messages.ts';
import type { Reply } from '../../src/core/reply.ts';
import { COMPLAINT_TEXTS } from '../../src/core/texts.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { openStore } from '../../src/store/open-store.ts';
import { callbackUpdate, textUpdate } from '../adapters/telegram/updates.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { FakeZaloBotApi } from '../fakes/zalo-bot-api.ts';
import { post, postTelegram, postZalo, PUBLIC_URL, TELEGRAM_SECRET, testConfig, ZALO_SECRET, zaloText } from './running-server.ts';

const WAIT = { timeout: 10_000, interval: 20 };
const C = COMPLAINT_TEXTS;

let dir: string;
let storeUrl: string;
let running: RunningServer;
let telegram: FakeBotApi;
let zalo: FakeZaloBotApi;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-intake-'));
  storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
  telegram = await startFakeBotApi();
  zalo = await FakeZaloBotApi.start();
  running = await startServer(
    testConfig({
      STORE_URL: storeUrl,
      PUBLIC_URL,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    }),
  );
}, 20_000);

afterAll(async () => {
  await running?.close();
  await telegram?.close();
  await zalo?.close();
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
    press(label) {
      const number = new RegExp(`^(\\d+)\\. ${label}$`, 'm').exec(texts().at(-1) ?? '');
      if (!number) throw new Error(`no numbered "${label}" in ${texts().at(-1)}`);
      return say(number[1]!);
    },
  };
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
  ['web chat', () => webDriver('web-session-0007')],
];

describe.each(DRIVERS)('on %s', (_channel, driver) => {
  it('an intake to confirmation stores the complaint with this chat’s address', async () => {
    const citizen = driver();
    expect(await citizen.say('/phananh')).toContain('Bước 1/4');
    expect(await citizen.say('Đèn đường ngõ 5 bị hỏng một tuần')).toContain(C.partAdded);
    expect(await citizen.press(C.nextChoice)).toContain('Bước 2/4');
    expect(await citizen.say('UBND phường Mẫu')).toContain('Nghị định 13/2023/NĐ-CP');
    expect(await citizen.press(C.agreeChoice)).toContain('0912 345 678');
    expect(await citizen.say('0912 345 678')).toContain('Số điện thoại: 0912345678');
    const confirmation = await citizen.press(C.sendChoice);
    const code = /Mã phản ánh: (PA-\w{4}-\w{2})/.exec(confirmation)?.[1];
    expect(code, confirmation).toBeDefined();

    const store = await openStore(storeUrl);
    try {
      expect(await new ComplaintStore(store).get(code!)).toMatchObject({
        address: citizen.address,
        text: 'Đèn đường ngõ 5 bị hỏng một tuần',
        subject: 'UBND phường Mẫu',
        phone: '0912345678',
        consentAt: expect.any(Number),
        status: 'received',
      });
    } finally {
      await store.close();
    }
    expect(await citizen.say(`tra cứu ${code}`)).toContain('Tình trạng: đã tiếp nhận');
  });
});

it('the tracking page on the running server shows a complaint filed in the chat', async () => {
  const citizen = webDriver('web-session-0008');
  await citizen.say('Cán bộ phường hẹn tôi 3 lần vẫn chưa trả kết quả');
  await citizen.press(C.nextChoice);
  await citizen.press(C.skipChoice);
  await citizen.press(C.declineChoice);
  const code = /Mã phản ánh: (PA-\w{4}-\w{2})/.exec(await citizen.press(C.sendChoice))![1]!;
  const page = await fetch(`${running.url}/tra-cuu?ma=${code}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<dd>đã tiếp nhận</dd>');
  const api = await fetch(`${running.url}/api/complaints/${code}`);
  expect(((await api.json()) as { complaint: { code: string } }).complaint.code).toBe(code);
});
