// The staff group wired into the whole server (src/main.ts): with HOTLINE_TELEGRAM_CHAT_ID
// set, the group's updates reach the complaint desk, by webhook and by polling, and
// nothing said in the group is ever answered as a citizen's question.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Hotline } from '../../../src/complaints/hotline.ts';
import { WorkingCalendar } from '../../../src/complaints/working-days.ts';
import { startServer, type RunningServer } from '../../../src/main.ts';
import { openDatabase, type Database } from '../../../src/store/database.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';
import { postTelegram, PUBLIC_URL, TELEGRAM_SECRET, testConfig } from '../../server/running-server.ts';
import { DATE } from './updates.ts';

const GROUP_ID = -1009876543210;
const group = { id: GROUP_ID, type: 'supergroup', title: 'Đường dây nóng' };
const lan = { id: 77, is_bot: false, first_name: 'Trần', last_name: 'Thị Lan', username: 'lan_hotline' };
const WAIT = { timeout: 10_000, interval: 20 };

let dir: string;
let telegram: FakeBotApi;
let running: RunningServer | undefined;
let database: Database | undefined;
let hotline: Hotline;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-staff-'));
  telegram = await startFakeBotApi();
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await database?.close();
  database = undefined;
  await telegram.close();
  await rm(dir, { recursive: true, force: true });
});

/** The server, and a desk of our own on the same database (as a second app instance would be). */
async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  const config = testConfig({
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    HOTLINE_TELEGRAM_CHAT_ID: String(GROUP_ID),
    ...env,
  });
  running = await startServer(config);
  // The records the server keeps with a SQLite store when DATABASE_URL is not set.
  database = await openDatabase(config.databaseUrl);
  hotline = new Hotline({ database, calendar: new WorkingCalendar({ fixed: [], dates: [] }), dueWorkingDays: 10, targets: ['telegram-group'] });
  return running;
}

const post = (code: string) => ({ message_id: 900, date: DATE, chat: group, from: FAKE_BOT_USER, text: `📩 Phản ánh, kiến nghị mới: ${code}` });
const claimPress = (updateId: number, code: string) => ({
  update_id: updateId,
  callback_query: { id: `cq-${updateId}`, chat_instance: '-9', from: lan, message: post(code), data: `hl:claim:${code}` },
});
const groupMessage = (updateId: number, text: string, replyTo?: object) => ({
  update_id: updateId,
  message: { message_id: updateId, date: DATE, chat: group, from: lan, text, ...(replyTo ? { reply_to_message: replyTo } : {}) },
});

describe('the staff group in the running server', () => {
  it('webhook mode: a claim press and a reply act on the complaint; chatter is left alone', async () => {
    const { url } = await start({ PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET });
    const { code } = await hotline.submit({ channel: 'zalo', chatId: 'c1' }, { text: 'Cán bộ hẹn lại nhiều lần' });

    expect((await postTelegram(url, groupMessage(700, 'làm giấy khai sinh cần gì'))).status).toBe(200);
    expect((await postTelegram(url, claimPress(701, code))).status).toBe(200);
    expect(await hotline.complaints.get(code)).toMatchObject({ status: 'in_progress', assignee: 'telegram:@lan_hotline' });
    expect((await postTelegram(url, groupMessage(702, 'Đã hẹn trả hồ sơ thứ Hai.', post(code)))).status).toBe(200);
    expect(await hotline.complaints.get(code)).toMatchObject({ status: 'answered', answer: 'Đã hẹn trả hồ sơ thứ Hai.' });

    // The group hears of complaints and of its own actions; the question asked in it gets no search answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const texts = telegram.callsTo('sendMessage').map((p) => String(p.text));
    expect(texts).toContain(`✅ Đã gửi câu trả lời tới người dân (phản ánh ${code}).`);
    expect(texts.filter((text) => /khai sinh/i.test(text))).toEqual([]);
  });

  it('polling mode: a claim press claims the complaint', async () => {
    await start();
    const { code } = await hotline.submit({ channel: 'web', chatId: 's1' }, { text: 'Phí thu không đúng quy định' });
    telegram.queueUpdates(claimPress(710, code));
    await vi.waitFor(async () => expect(await hotline.complaints.get(code)).toMatchObject({ assignee: 'telegram:@lan_hotline' }), WAIT);
    await vi.waitFor(() => expect(telegram.callsTo('answerCallbackQuery')).toEqual([{ callback_query_id: 'cq-710', text: `Anh/chị đã nhận xử lý phản ánh ${code}.` }]), WAIT);
  });
});
