// Staff acting from the Telegram group, through the webhook route and through polling,
// against a real Hotline on a SQL database (and a store for seen updates) and the fake Bot API.
import Fastify, { type FastifyInstance } from 'fastify';
import { InsertQueryNode, TableNode, UpdateQueryNode, type KyselyPlugin, type OperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramBot, type Sleep } from '../../../adapters/telegram/bot.ts';
import { pollUpdates } from '../../../adapters/telegram/polling.ts';
import { createStaffUpdates, type StaffUpdates } from '../../../adapters/telegram/staff-updates.ts';
import { telegramWebhook } from '../../../adapters/telegram/webhook.ts';
import type { Complaint } from '../../../src/complaints/complaint.ts';
import { Hotline } from '../../../src/complaints/hotline.ts';
import { WorkingCalendar } from '../../../src/complaints/working-days.ts';
import type { Incoming } from '../../../src/kernel/messages.ts';
import type { Database } from '../../../src/store/database.ts';
import type { Store } from '../../../src/store/store.ts';
import { backendMakers, sqliteBackend, type Backend } from '../../store/backends.ts';
import { databaseMakers, sqliteDatabase, type DatabaseBackend } from '../../store/databases.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';
import { DATE, textUpdate } from './updates.ts';

const GROUP_ID = -1001234567890;
const SECRET = 'webhook_Secret-123';
const group = { id: GROUP_ID, type: 'supergroup', title: 'Đường dây nóng phường' };
const lan = { id: 77, is_bot: false, first_name: 'Trần', last_name: 'Thị Lan', username: 'lan_hotline' };
const minh = { id: 78, is_bot: false, first_name: 'Lê', last_name: 'Minh' }; // no username
type Staff = typeof lan | typeof minh;

/** The bot's post about a complaint, as Telegram shows it inside later updates (plain text). */
const post = (code: string, messageId = 500) => ({
  message_id: messageId,
  date: DATE,
  chat: group,
  from: FAKE_BOT_USER,
  text: `📩 Phản ánh, kiến nghị mới: ${code}\nTiếp nhận: 09:05 24/11/2026`,
});

const claimPress = (updateId: number, code: string, from: Staff) => ({
  update_id: updateId,
  callback_query: { id: `cq-${updateId}`, chat_instance: '-9', from, message: post(code), data: `hl:claim:${code}` },
});

const groupMessage = (updateId: number, text: string, from: Staff, replyTo?: object) => ({
  update_id: updateId,
  message: { message_id: 1000 + updateId, date: DATE, chat: group, from, text, ...(replyTo ? { reply_to_message: replyTo } : {}) },
});

let backend: Backend;
let store: Store;
let records: DatabaseBackend;
let database: Database;
let hotline: Hotline;
let fake: FakeBotApi;
let admitted: Incoming[];
let errors: unknown[];

const sleep: Sleep = async () => {};
const bot = () => createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
const newHotline = (on: Database) => new Hotline({ database: on, calendar: new WorkingCalendar({ fixed: [], dates: [] }), dueWorkingDays: 10, targets: ['telegram-group'] });
/** Staff updates seen through `on` (the store), acting on `desk`. */
const newStaff = (on: Store, desk: Hotline): StaffUpdates =>
  createStaffUpdates({ api: bot().api, chatId: String(GROUP_ID), hotline: desk, store: on, onError: (e) => errors.push(e) });

async function newComplaint(): Promise<Complaint> {
  return hotline.submit({ channel: 'zalo', chatId: 'citizen-1' }, { text: 'Hồ sơ đất đai trễ hẹn ba lần' });
}
const current = async (code: string) => (await hotline.complaints.get(code))!;
const callbackAnswers = () => fake.callsTo('answerCallbackQuery');
const groupReplies = () => fake.callsTo('sendMessage').map((p) => ({ text: p.text, replyTo: (p.reply_parameters as { message_id: number }).message_id }));

beforeEach(async () => {
  backend = sqliteBackend();
  store = await backend.open();
  records = sqliteDatabase();
  database = await records.open();
  hotline = newHotline(database);
  fake = await startFakeBotApi();
  admitted = [];
  errors = [];
});

afterEach(async () => {
  await fake.close();
  await backend.cleanup();
  await records.cleanup();
});

/** How an update reaches the bot; resolves once it has been handled. */
type Update = { update_id: number; [field: string]: unknown };

interface Route {
  deliver(update: Update): Promise<void>;
  stop(): Promise<void>;
}

async function webhookRoute(staff: StaffUpdates): Promise<Route & { post(update: object): Promise<Response> }> {
  const app: FastifyInstance = Fastify();
  await app.register(telegramWebhook, {
    secret: SECRET,
    staff,
    admit: async (incoming) => (admitted.push(incoming), 'accepted'),
    onCallbackQuery: async () => {},
  });
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/telegram/webhook`;
  const post = (update: object) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
  return {
    post,
    async deliver(update) {
      expect((await post(update)).status).toBe(200);
    },
    stop: () => app.close(),
  };
}

function pollingRoute(staff: StaffUpdates): Route {
  const controller = new AbortController();
  const api = bot().api;
  const loop = pollUpdates({ api, staff, admit: async (incoming) => (admitted.push(incoming), 'accepted'), signal: controller.signal, sleep, onError: (e) => errors.push(e) });
  return {
    async deliver(update) {
      fake.queueUpdates(update);
      // Handled once getUpdates asks past it (the offset confirms it to Telegram).
      await vi.waitFor(() => expect(fake.callsTo('getUpdates').some((p) => typeof p.offset === 'number' && p.offset > update.update_id)).toBe(true));
    },
    async stop() {
      controller.abort();
      await loop;
    },
  };
}

describe.each<[string, (staff: StaffUpdates) => Promise<Route> | Route]>([
  ['webhook', webhookRoute],
  ['polling', pollingRoute],
])('staff group updates by %s', (_, makeRoute) => {
  let route: Route;

  beforeEach(async () => {
    route = await makeRoute(newStaff(store, hotline));
  });

  afterEach(async () => {
    await route.stop();
  });

  it('a claim button press claims the complaint, answers the button and shows the claimer on the post', async () => {
    const { code } = await newComplaint();
    await route.deliver(claimPress(1, code, lan));
    expect(await current(code)).toMatchObject({ status: 'in_progress', assignee: 'telegram:@lan_hotline' });
    await vi.waitFor(() => expect(callbackAnswers()).toEqual([{ callback_query_id: 'cq-1', text: `Anh/chị đã nhận xử lý phản ánh ${code}.` }]));
    const [edit] = fake.callsTo('editMessageText');
    expect(edit).toMatchObject({ chat_id: String(GROUP_ID), message_id: 500, parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } });
    expect(edit!.text).toContain('✅ Đã nhận xử lý: telegram:@lan_hotline');
    expect(admitted).toEqual([]);
  });

  it('a later claim by someone else is refused and told who has it', async () => {
    const { code } = await newComplaint();
    await route.deliver(claimPress(1, code, lan));
    await route.deliver(claimPress(2, code, minh));
    expect((await current(code)).assignee).toBe('telegram:@lan_hotline');
    expect(callbackAnswers().at(-1)).toEqual({ callback_query_id: 'cq-2', text: 'Đã có cán bộ khác nhận: telegram:@lan_hotline' });
  });

  it('a reply to the post answers the citizen, queues the answer for them and confirms in the group', async () => {
    const { code } = await newComplaint();
    await route.deliver(groupMessage(3, 'Phường đã liên hệ bộ phận đất đai, hồ sơ sẽ trả trong tuần.', minh, post(code)));
    expect(await current(code)).toMatchObject({ status: 'answered', answer: 'Phường đã liên hệ bộ phận đất đai, hồ sơ sẽ trả trong tuần.', reply: { state: 'pending' } });
    expect((await current(code)).history.at(-1)).toMatchObject({ action: 'answer', by: 'telegram:Lê Minh (78)' });
    expect(await hotline.outbox.waiting('citizen')).toHaveLength(1);
    expect(groupReplies()).toEqual([{ text: `✅ Đã gửi câu trả lời tới người dân (phản ánh ${code}).`, replyTo: 1003 }]);
  });

  it('a redelivered answer is acted on and confirmed once', async () => {
    const { code } = await newComplaint();
    const update = groupMessage(4, 'Đã xử lý xong.', lan, post(code));
    await route.deliver(update);
    await route.deliver(update);
    expect((await current(code)).history.filter((e) => e.action === 'answer')).toHaveLength(1);
    expect(groupReplies()).toHaveLength(1);
  });

  it('a refused answer says why, in the group', async () => {
    const { code } = await newComplaint();
    await hotline.act(code, { type: 'answer', by: 'lan', text: 'Đã xử lý.' });
    await hotline.act(code, { type: 'close', by: 'lan' });
    await route.deliver(groupMessage(5, 'Bổ sung thêm', lan, post(code)));
    expect((await current(code)).answer).toBe('Đã xử lý.');
    expect(groupReplies()).toEqual([{ text: `❌ Không thực hiện được với phản ánh ${code}: phản ánh đang ở trạng thái “Đã đóng”.`, replyTo: 1005 }]);
  });

  it('/dong closes and /chuyen transfers with its reason', async () => {
    const first = await newComplaint();
    const second = await newComplaint();
    await hotline.act(first.code, { type: 'answer', by: 'lan', text: 'Đã xử lý.' });
    await route.deliver(groupMessage(6, `/dong ${first.code.toLowerCase()}`, lan));
    await route.deliver(groupMessage(7, '/chuyen@motcua_test_bot Thuộc thẩm quyền Sở Xây dựng', lan, post(second.code)));
    expect(await current(first.code)).toMatchObject({ status: 'closed' });
    expect(await current(second.code)).toMatchObject({ status: 'transferred', reason: 'Thuộc thẩm quyền Sở Xây dựng' });
    expect(groupReplies().map((r) => r.text)).toEqual([`✅ Đã đóng phản ánh ${first.code}.`, `✅ Đã chuyển phản ánh ${second.code}; người dân sẽ được báo lý do.`]);
  });

  it('a command without what it needs gets its syntax', async () => {
    await route.deliver(groupMessage(8, '/chuyen', lan));
    expect(groupReplies()[0]!.text).toMatch(/^Cú pháp: \/chuyen <mã phản ánh> <lý do chuyển>/);
  });

  it.each<[string, object]>([
    ['a message that replies to nothing', groupMessage(9, 'tra cứu PA-7KQ3-MJ', lan)],
    ['a reply to a staff member', groupMessage(10, 'ok anh', lan, { message_id: 3, date: DATE, chat: group, from: minh, text: `📩 Phản ánh, kiến nghị mới: PA-7KQ3-MJ` })],
    ['another command', groupMessage(11, '/start', lan)],
    ['a message from another bot', groupMessage(12, 'ping', { ...lan, is_bot: true }, post('PA-7KQ3-MJ'))],
  ])('%s is ignored: no action, no answer, never a citizen message', async (_, update) => {
    const before = await newComplaint();
    await route.deliver(update as Update);
    expect(await current(before.code)).toEqual(before);
    expect(fake.callsTo('sendMessage')).toEqual([]);
    expect(admitted).toEqual([]);
  });

  it('a button that is not a claim only stops the spinner', async () => {
    await route.deliver({ update_id: 13, callback_query: { id: 'cq-13', chat_instance: '-9', from: lan, message: post('PA-7KQ3-MJ'), data: 'm1.0' } });
    await vi.waitFor(() => expect(callbackAnswers()).toEqual([{ callback_query_id: 'cq-13' }]));
    expect(admitted).toEqual([]);
  });

  it('citizens in private chats still reach the inbox', async () => {
    await route.deliver(textUpdate(14, 'làm giấy khai sinh cần gì'));
    expect(admitted).toEqual([expect.objectContaining({ text: 'làm giấy khai sinh cần gì' })]);
  });
});

/** The database, failing the next write of complaint records (an insert or update of `complaints`) when `failing` is set. */
function flakyDatabase(inner: Database): Database & { failing: boolean } {
  const writesComplaints = (node: OperationNode) => {
    const table = UpdateQueryNode.is(node) ? node.table : InsertQueryNode.is(node) ? node.into : undefined;
    return table !== undefined && TableNode.is(table) && table.table.identifier.name === 'complaints';
  };
  const failNextWrite: KyselyPlugin = {
    transformQuery({ node }) {
      if (flaky.failing && writesComplaints(node)) {
        flaky.failing = false;
        throw new Error('disk I/O error');
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const flaky: Database & { failing: boolean } = { ...inner, db: inner.db.withPlugin(failNextWrite), failing: false };
  return flaky;
}

describe('an action that could not be stored', () => {
  it('by webhook: answered 503, and Telegram’s redelivery is acted on', async () => {
    const flaky = flakyDatabase(database);
    const route = await webhookRoute(newStaff(store, newHotline(flaky)));
    try {
      const { code } = await newComplaint();
      flaky.failing = true;
      const update = claimPress(20, code, lan);
      expect((await route.post(update)).status).toBe(503);
      expect((await current(code)).status).toBe('received');
      expect(callbackAnswers()).toEqual([]);
      expect((await route.post(update)).status).toBe(200);
      expect((await current(code)).assignee).toBe('telegram:@lan_hotline');
    } finally {
      await route.stop();
    }
  });

  it('by polling: the update is fetched again and acted on', async () => {
    const flaky = flakyDatabase(database);
    const route = pollingRoute(newStaff(store, newHotline(flaky)));
    try {
      const { code } = await newComplaint();
      flaky.failing = true;
      await route.deliver(groupMessage(21, 'Đã xử lý xong.', lan, post(code)));
      expect((await current(code)).status).toBe('answered');
      expect(errors).toEqual([expect.objectContaining({ message: 'disk I/O error' })]);
      expect(fake.callsTo('getUpdates').filter((p) => p.offset === undefined)).toHaveLength(2); // asked again from the same place
    } finally {
      await route.stop();
    }
  });
});

describe.each(backendMakers)('two staff pressing claim at the same moment, two app instances on a %s store', (_, makeBackend) => {
  it.each(databaseMakers)('and a %s database: exactly one wins; the other is told who', async (databaseName, makeDatabase) => {
    const shared = makeBackend();
    const sharedRecords = makeDatabase();
    try {
      const [a, b] = [await shared.open(), await shared.open()];
      // Each instance has its own connections to PostgreSQL. Two connections to one SQLite file
      // cannot live in one process (a transaction's lock is waited for synchronously, with the
      // event loop that would release it blocked), so there both share one; instances in
      // separate processes are test/complaints/claim-race.test.ts.
      const recordsA = await sharedRecords.open();
      const recordsB = databaseName === 'sqlite' ? recordsA : await sharedRecords.open();
      const [deskA, deskB] = [newHotline(recordsA), newHotline(recordsB)];
      const { code } = await deskA.submit({ channel: 'telegram', chatId: '42' }, { text: 'Thái độ cán bộ tiếp dân' });
      const results = await Promise.all([newStaff(a, deskA).handle(claimPress(30, code, lan)), newStaff(b, deskB).handle(claimPress(31, code, minh))]);
      expect(results).toEqual([{ status: 'accepted' }, { status: 'accepted' }]);
      const winner = (await deskB.complaints.get(code))!;
      expect(winner.history.filter((e) => e.action === 'claim')).toHaveLength(1);
      expect(['telegram:@lan_hotline', 'telegram:Lê Minh (78)']).toContain(winner.assignee);
      expect(callbackAnswers().map((c) => c.text).sort()).toEqual([`Anh/chị đã nhận xử lý phản ánh ${code}.`, `Đã có cán bộ khác nhận: ${winner.assignee}`].sort());
    } finally {
      await shared.cleanup();
      await sharedRecords.cleanup();
    }
  });
});
