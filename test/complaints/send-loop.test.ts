// The send loop on real records (SQLite and PostgreSQL) with a fake clock: targets and
// channel senders that fail on purpose, the exact retry times, the notices citizens
// get, overdue flags, and two loops on one database never sending the same job at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Complaint, Delivery, ReplyDelivery } from '../../src/complaints/complaint.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { NOTICE_TEXTS } from '../../src/texts/citizens.ts';
import { REPLY_ERRORS, sendErrorText } from '../../src/texts/staff.ts';
import { type HotlineEventType, type HotlineTarget, type TargetOutcome } from '../../src/complaints/outbox.ts';
import { createSendLoop, type SendLoop } from '../../src/complaints/send-loop.ts';
import type { Address, ChannelName, ChannelSender, SendOutcome } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { startServer } from '../../src/main.ts';
import type { Database } from '../../src/store/database.ts';
import { DATE } from '../adapters/telegram/updates.ts';
import { FAKE_BOT_USER, startFakeBotApi } from '../fakes/telegram-bot-api.ts';
import { postTelegram, PUBLIC_URL, TELEGRAM_SECRET, testConfig } from '../server/running-server.ts';
import { sqliteBackend } from '../store/backends.ts';
import { databaseMakers, postgresDatabase, sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { MONDAY_9AM, newDesk, recordingLog, type Clock } from './desk.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 1 min, 5 min and 30 min apart, then every 2 hours: 15 attempts in all. */
const FIFTEEN_ATTEMPTS = [0, MIN, 6 * MIN, 36 * MIN, ...Array.from({ length: 11 }, (_, i) => 36 * MIN + (i + 1) * 2 * HOUR)];
const OK: TargetOutcome = { ok: true };
const fail = (error: string): TargetOutcome => ({ ok: false, error });

let backends: { cleanup(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(backends.map((b) => b.cleanup()));
  backends = [];
});

/**
 * What a second app instance uses: its own pool on PostgreSQL. On SQLite the instances are
 * processes (see claim-race.test.ts): two connections in one process would block each
 * other's event loop on SQLite's lock, so here they share one.
 */
async function secondInstance(backend: DatabaseBackend, first: Database): Promise<Database> {
  return backend.name === 'postgres' ? backend.open() : first;
}

async function openRecords(make: () => DatabaseBackend = () => sqliteDatabase()): Promise<{ backend: DatabaseBackend; database: Database }> {
  const backend = make();
  backends.push(backend);
  return { backend, database: await backend.open() };
}

interface Call {
  at: number;
  type: HotlineEventType;
  code: string;
}

/** A target whose n-th call (from 1) answers as `script` says; "throw" makes it throw. */
function scriptedTarget(name: string, clock: Clock, script: (n: number) => TargetOutcome | 'throw' = () => OK): HotlineTarget & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    name,
    calls,
    async deliver({ type, complaint }) {
      calls.push({ at: clock.now, type, code: complaint.code });
      const outcome = script(calls.length);
      if (outcome === 'throw') throw new Error('socket hang up');
      return outcome;
    },
  };
}

/** A channel sender answering with `outcomes` in turn, then ok. */
function scriptedSender(channel: ChannelName, clock: Clock, outcomes: SendOutcome[] = []): ChannelSender & { sent: { at: number; address: Address; replies: readonly Reply[] }[] } {
  const sent: { at: number; address: Address; replies: readonly Reply[] }[] = [];
  return {
    channel,
    sent,
    async send(address, replies) {
      sent.push({ at: clock.now, address, replies });
      return outcomes.shift() ?? { ok: true };
    },
  };
}

interface Setup {
  clock: Clock;
  hotline: Hotline;
  loop: SendLoop;
  target: ReturnType<typeof scriptedTarget>;
  log: ReturnType<typeof recordingLog>;
}

async function setUp(options: { script?: (n: number) => TargetOutcome | 'throw'; senders?: (clock: Clock) => ChannelSender[]; dueWorkingDays?: number } = {}): Promise<Setup> {
  const { database } = await openRecords();
  const clock = { now: MONDAY_9AM };
  const hotline = newDesk(database, { targets: ['webhook'], clock, ...(options.dueWorkingDays ? { dueWorkingDays: options.dueWorkingDays } : {}) });
  const target = scriptedTarget('webhook', clock, options.script);
  const log = recordingLog();
  const senders = Object.fromEntries((options.senders?.(clock) ?? []).map((s) => [s.channel, s]));
  const loop = createSendLoop({ traits: channelTraits, hotline, targets: [target], senders, log, now: () => clock.now });
  return { clock, hotline, loop, target, log };
}

const citizen = (channel: ChannelName): Address => ({ channel, chatId: 'citizen-1' });

async function complaint(hotline: Hotline, code: string): Promise<Complaint> {
  const found = await hotline.complaints.get(code);
  if (!found) throw new Error(`no complaint ${code}`);
  return found;
}

/** Runs the loop at every next try (and a moment before it, when nothing may happen) until the delivery settles. */
async function runUntilSettled({ loop, hotline, clock }: Setup, code: string): Promise<Delivery> {
  for (;;) {
    await loop.runOnce();
    const delivery = (await complaint(hotline, code)).deliveries.webhook!;
    if (delivery.state !== 'pending') return delivery;
    clock.now = delivery.nextTryAt - 1;
    await loop.runOnce();
    clock.now = delivery.nextTryAt;
  }
}

describe('delivering a new complaint to a hotline target', () => {
  it.each<[string, (n: number) => TargetOutcome | 'throw', Partial<Delivery>, number[]]>([
    ['answers ok', () => OK, { state: 'delivered', attempts: 1 }, [0]],
    ['fails twice, then answers ok', (n) => (n <= 2 ? fail('HTTP 503') : OK), { state: 'delivered', attempts: 3 }, [0, MIN, 6 * MIN]],
    ['answers 500 every time', () => fail('HTTP 500: Internal Server Error'), { state: 'failed', attempts: 15, lastError: { code: 'target', detail: 'HTTP 500: Internal Server Error' } }, FIFTEEN_ATTEMPTS],
    ['throws every time', () => 'throw', { state: 'failed', attempts: 15, lastError: { code: 'target_threw', detail: 'socket hang up' } }, FIFTEEN_ATTEMPTS],
    ['times out once', (n) => (n === 1 ? fail('no answer within 10000 ms') : OK), { state: 'delivered', attempts: 2 }, [0, MIN]],
  ])('a target that %s', async (_name, script, expected, attemptOffsets) => {
    const setup = await setUp({ script });
    const { code } = await setup.hotline.submit(citizen('telegram'), { text: 'Hồ sơ trễ hẹn' });

    const delivery = await runUntilSettled(setup, code);

    expect(delivery).toMatchObject(expected);
    expect(setup.target.calls.map((call) => call.at - MONDAY_9AM)).toEqual(attemptOffsets);
    expect(setup.target.calls.every((call) => call.type === 'new' && call.code === code)).toBe(true);
    expect(await setup.hotline.outbox.waiting('hotline')).toEqual([]);
    expect(setup.log.errors).toEqual([]); // a failing target never makes the loop fail
  });

  it('records the last error and the next try while it is still trying', async () => {
    const setup = await setUp({ script: () => fail('HTTP 502') });
    const { code } = await setup.hotline.submit(citizen('zalo'), { text: 'Hồ sơ trễ hẹn' });
    await setup.loop.runOnce();
    expect((await complaint(setup.hotline, code)).deliveries.webhook).toEqual({ state: 'pending', attempts: 1, lastError: { code: 'target', detail: 'HTTP 502' }, nextTryAt: MONDAY_9AM + MIN });
    expect(await setup.hotline.outbox.waiting('hotline')).toHaveLength(1);
  });

  it('marks the delivery failed, with a clear error, when its target is not configured any more', async () => {
    const { database } = await openRecords();
    const clock = { now: MONDAY_9AM };
    const hotline = newDesk(database, { targets: ['telegram-group'], clock });
    const { code } = await hotline.submit(citizen('web'), { text: 'Hồ sơ trễ hẹn' });
    await createSendLoop({ traits: channelTraits, hotline, targets: [], senders: {}, log: recordingLog() }).runOnce();
    expect((await complaint(hotline, code)).deliveries['telegram-group']).toEqual({ state: 'failed', attempts: 0, lastError: { code: 'target_gone', target: 'telegram-group' } });
    expect(await hotline.outbox.waiting('hotline')).toEqual([]);
  });

  it('uses a target pushed to the list after the loop was made', async () => {
    const { database } = await openRecords();
    const clock = { now: MONDAY_9AM };
    const hotline = newDesk(database, { targets: ['webhook'], clock });
    const targets: HotlineTarget[] = [];
    const loop = createSendLoop({ traits: channelTraits, hotline, targets, senders: {}, log: recordingLog() });
    const target = scriptedTarget('webhook', clock);
    targets.push(target);
    await hotline.submit(citizen('web'), { text: 'Hồ sơ trễ hẹn' });
    await loop.runOnce();
    expect(target.calls).toHaveLength(1);
  });

  it('drops a job that names no complaint without calling the target (only a hand-edited database has one: submit stores both at once)', async () => {
    const setup = await setUp();
    await setup.hotline.outbox.queue([{ kind: 'hotline', code: 'PA-7KQ3-M9X', target: 'webhook', event: 'new', dueAt: MONDAY_9AM }]);
    expect(await setup.hotline.outbox.waiting('hotline')).toHaveLength(1);
    await setup.loop.runOnce();
    expect(await setup.hotline.outbox.waiting('hotline')).toEqual([]);
    expect(setup.target.calls).toEqual([]);
  });
});

describe('telling the citizen about a staff action', () => {
  const answered = async (setup: Setup, channel: ChannelName) => {
    const { code } = await setup.hotline.submit(citizen(channel), { text: 'Hồ sơ trễ hẹn' });
    await setup.hotline.act(code, { type: 'answer', by: 'lan', text: 'Bộ phận đất đai sẽ gọi lại cho anh/chị.' });
    return code;
  };

  it.each<[string, ChannelName, SendOutcome[] | 'no sender', (code: string) => Partial<ReplyDelivery>, boolean]>([
    ['sent', 'telegram', [], () => ({ state: 'sent', attempts: 1, sentAt: MONDAY_9AM }), false],
    [
      'window closed → failed, staff told',
      'zalo-oa',
      [{ ok: false, reason: 'window_closed', detail: 'Zalo OA -213' }],
      () => ({ state: 'failed', attempts: 1, lastError: { code: 'reply', reason: 'window_closed', detail: 'Zalo OA -213' } }),
      true,
    ],
    [
      'bot blocked → failed, staff told',
      'telegram',
      [{ ok: false, reason: 'blocked', detail: 'Forbidden: bot was blocked by the user' }],
      () => ({ state: 'failed', attempts: 1, lastError: { code: 'reply', reason: 'blocked', detail: 'Forbidden: bot was blocked by the user' } }),
      true,
    ],
    ['web chat (cannot push) → waits for the lookup, not a failure, staff not told', 'web', 'no sender', () => ({ state: 'on_lookup', attempts: 0, since: MONDAY_9AM }), false],
    [
      'a push channel with no sender configured → failed, staff told',
      'zalo',
      'no sender',
      () => ({ state: 'failed', attempts: 1, lastError: { code: 'no_sender', channel: 'zalo' } }),
      true,
    ],
  ])('%s', async (_name, channel, outcomes, expected, staffTold) => {
    const setup = await setUp({ senders: (clock) => (outcomes === 'no sender' ? [] : [scriptedSender(channel, clock, outcomes)]) });
    const code = await answered(setup, channel);

    await setup.loop.runOnce();

    expect((await complaint(setup.hotline, code)).reply).toEqual(expected(code));
    expect(await setup.hotline.outbox.waiting('citizen')).toEqual([]);
    // The reply_failed notice is queued and, in the same pass, delivered to the target.
    expect(setup.target.calls.filter((call) => call.type === 'reply_failed')).toEqual(staffTold ? [{ at: MONDAY_9AM, type: 'reply_failed', code }] : []);
    expect(await setup.hotline.outbox.waiting('hotline')).toEqual([]);
  });

  it('retries an unavailable or rate-limited channel with backoff (longer if the platform asks), then sends', async () => {
    let sender!: ReturnType<typeof scriptedSender>;
    const setup = await setUp({
      senders: (clock) => [
        (sender = scriptedSender('zalo', clock, [
          { ok: false, reason: 'unavailable', detail: 'HTTP 502' },
          { ok: false, reason: 'rate_limited', detail: 'HTTP 429', retryAfterMs: 10 * MIN },
        ])),
      ],
    });
    const code = await answered(setup, 'zalo');

    await setup.loop.runOnce();
    expect((await complaint(setup.hotline, code)).reply).toEqual({ state: 'pending', attempts: 1, lastError: { code: 'reply', reason: 'unavailable', detail: 'HTTP 502' } });
    for (const offset of [MIN - 1, MIN, 11 * MIN - 1, 11 * MIN]) {
      setup.clock.now = MONDAY_9AM + offset;
      await setup.loop.runOnce();
    }

    expect(sender.sent.map((s) => s.at - MONDAY_9AM)).toEqual([0, MIN, 11 * MIN]);
    expect((await complaint(setup.hotline, code)).reply).toEqual({ state: 'sent', attempts: 3, sentAt: MONDAY_9AM + 11 * MIN });
    expect(await setup.hotline.outbox.waiting('citizen')).toEqual([]);
  });

  it.each([
    ['answer', { type: 'answer', by: 'lan', text: 'Đã liên hệ bộ phận đất đai.' }, (code: string) => NOTICE_TEXTS.answered(code, 'Đã liên hệ bộ phận đất đai.')],
    ['transfer', { type: 'transfer', by: 'lan', reason: 'Thuộc thẩm quyền Sở Xây dựng' }, (code: string) => NOTICE_TEXTS.transferred(code, 'Thuộc thẩm quyền Sở Xây dựng')],
    ['reject', { type: 'reject', by: 'lan', reason: 'Nội dung không rõ ràng' }, (code: string) => NOTICE_TEXTS.rejected(code, 'Nội dung không rõ ràng')],
  ] as const)('after a %s, the notice names the code, says how to look it up, and carries the answer or reason', async (_name, change, text) => {
    let sender!: ReturnType<typeof scriptedSender>;
    const setup = await setUp({ senders: (clock) => [(sender = scriptedSender('telegram', clock))] });
    const { code } = await setup.hotline.submit(citizen('telegram'), { text: 'Hồ sơ trễ hẹn' });
    await setup.hotline.act(code, change);

    await setup.loop.runOnce();

    expect(sender.sent).toEqual([{ at: MONDAY_9AM, address: citizen('telegram'), replies: [{ text: text(code) }] }]);
    expect(text(code)).toContain(`tra cứu ${code}`);
  });

  it('sends nothing about a complaint whose personal data was erased', async () => {
    let sender!: ReturnType<typeof scriptedSender>;
    const setup = await setUp({ senders: (clock) => [(sender = scriptedSender('telegram', clock))] });
    const code = await answered(setup, 'telegram');
    await setup.hotline.erase(code, 'lan');

    await setup.loop.runOnce();

    expect(sender.sent).toEqual([]);
    expect(await setup.hotline.outbox.waiting('citizen')).toEqual([]);
  });
});

describe.each(databaseMakers)('overdue complaints on %s', (_name, make) => {
  it('are flagged once and staff told once, even by two loops at the same moment; answered ones are not', async () => {
    const { backend, database } = await openRecords(make);
    const clock = { now: MONDAY_9AM };
    const target = scriptedTarget('webhook', clock);
    const loops = [database, await secondInstance(backend, database)].map((on) => {
      const hotline = newDesk(on, { targets: ['webhook'], clock, dueWorkingDays: 1 });
      return { hotline, loop: createSendLoop({ traits: channelTraits, hotline, targets: [target], senders: {}, log: recordingLog() }) };
    });
    const { hotline } = loops[0]!;
    const late = await hotline.submit(citizen('web'), { text: 'Hồ sơ trễ hẹn' });
    const answered = await hotline.submit(citizen('web'), { text: 'Hồ sơ bị trả lại' });
    await hotline.act(answered.code, { type: 'answer', by: 'lan', text: 'Đã xử lý.' });
    expect(late.dueDate).toBe('2026-03-03');

    clock.now = MONDAY_9AM + 24 * HOUR; // Tuesday, the due date: not overdue yet
    await Promise.all(loops.map(({ loop }) => loop.runOnce()));
    expect(target.calls.filter((call) => call.type === 'overdue')).toEqual([]);

    clock.now = MONDAY_9AM + 48 * HOUR; // Wednesday
    await Promise.all(loops.map(({ loop }) => loop.runOnce()));
    clock.now += HOUR;
    await Promise.all(loops.map(({ loop }) => loop.runOnce()));

    expect(target.calls.filter((call) => call.type === 'overdue')).toEqual([{ at: MONDAY_9AM + 48 * HOUR, type: 'overdue', code: late.code }]);
    expect((await complaint(hotline, late.code)).overdueNotifiedAt).toBe(MONDAY_9AM + 48 * HOUR);
    expect((await complaint(hotline, answered.code)).overdueNotifiedAt).toBeUndefined();
  });
});

describe.each(databaseMakers)('two loops on one %s database', (_name, make) => {
  it('never send the same job at the same time, and send each exactly once', async () => {
    const { backend, database } = await openRecords(make);
    const clock = { now: MONDAY_9AM };
    const inFlight = new Map<string, number>();
    let overlapped = false;
    // A slow target and sender, so that the two loops meet on the same jobs.
    const slowly = async (key: string) => {
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      overlapped ||= inFlight.get(key)! > 1;
      await sleep(20);
      inFlight.set(key, inFlight.get(key)! - 1);
    };
    const targetCalls: string[] = [];
    const sent: string[] = [];
    const target: HotlineTarget = {
      name: 'webhook',
      async deliver({ complaint }) {
        targetCalls.push(complaint.code);
        await slowly(`target:${complaint.code}`);
        return OK;
      },
    };
    const sender: ChannelSender = {
      channel: 'telegram',
      async send(_address, replies) {
        sent.push(replies[0]!.text);
        await slowly(`sender:${replies[0]!.text}`);
        return { ok: true };
      },
    };
    const desks = [database, await secondInstance(backend, database)].map((on) => {
      const hotline = newDesk(on, { targets: ['webhook'], clock });
      return { hotline, loop: createSendLoop({ traits: channelTraits, hotline, targets: [target], senders: { telegram: sender }, log: recordingLog() }) };
    });
    const { hotline } = desks[0]!;
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await hotline.submit(citizen('telegram'), { text: `Phản ánh số ${i}` })).code);
    for (const code of codes) await hotline.act(code, { type: 'answer', by: 'lan', text: `Trả lời ${code}` });

    for (let round = 0; round < 3; round++) await Promise.all(desks.map(({ loop }) => loop.runOnce()));

    expect(overlapped).toBe(false);
    expect(targetCalls.sort()).toEqual([...codes].sort());
    expect(sent).toHaveLength(codes.length);
    expect(new Set(sent).size).toBe(codes.length);
    for (const code of codes) {
      const stored = await complaint(hotline, code);
      expect(stored.deliveries.webhook).toMatchObject({ state: 'delivered', attempts: 1 });
      expect(stored.reply).toMatchObject({ state: 'sent', attempts: 1 });
    }
    expect(await hotline.outbox.waiting('hotline')).toEqual([]);
    expect(await hotline.outbox.waiting('citizen')).toEqual([]);
  });
});

describe('running on its own', () => {
  it('goes as soon as the desk queues something, and stop() waits for the work in progress', async () => {
    const { database } = await openRecords();
    let entered!: () => void;
    const deliveryStarted = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const target: HotlineTarget = {
      name: 'webhook',
      async deliver() {
        entered();
        await gate;
        return OK;
      },
    };
    // The wiring main.ts does: the desk's onQueued wakes the loop; the timer alone would take an hour.
    let loop!: SendLoop;
    const hotline = newDesk(database, { targets: ['webhook'], onQueued: () => loop.wake() });
    loop = createSendLoop({ traits: channelTraits, hotline, targets: [target], senders: {}, log: recordingLog(), everyMs: HOUR });
    loop.start();
    await loop.runOnce(); // the first pass, with nothing queued yet, is over

    const { code } = await hotline.submit(citizen('web'), { text: 'Hồ sơ trễ hẹn' });
    await deliveryStarted;
    const stopped = loop.stop();
    release();
    await stopped;

    expect((await complaint(hotline, code)).deliveries.webhook).toMatchObject({ state: 'delivered', attempts: 1 });
  });
});

describe('in the running server', () => {
  it('posts a complaint to the staff group, and a staff reply to that post reaches the citizen on Telegram', async () => {
    const telegram = await startFakeBotApi();
    // The store on SQLite, the records on PostgreSQL: as several instances would share them.
    const store = sqliteBackend();
    backends.push(store);
    const { backend, database } = await openRecords(postgresDatabase);
    const citizenChat = 4242;
    const groupChat = { id: -1001234567890, type: 'supergroup', title: 'Đường dây nóng' };
    // Queued before the server starts: the send loop takes it up when it starts.
    const desk = newDesk(database, { targets: ['telegram-group'] });
    const { code } = await desk.submit({ channel: 'telegram', chatId: String(citizenChat) }, { text: 'Hồ sơ trễ hẹn' });
    const running = await startServer(
      testConfig({
        STORE_URL: store.url,
        STORE_PREFIX: store.prefix,
        DATABASE_URL: backend.url,
        PUBLIC_URL,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        HOTLINE_TELEGRAM_CHAT_ID: String(groupChat.id),
      }),
    );
    try {
      const sentTo = (chatId: number) => telegram.callsTo('sendMessage').filter((p) => p.chat_id === String(chatId));
      await vi.waitFor(() => expect(sentTo(groupChat.id).map((p) => String(p.text))).toEqual([expect.stringContaining(code)]), { timeout: 10_000, interval: 20 });

      const post = { message_id: 900, date: DATE, chat: groupChat, from: FAKE_BOT_USER, text: `📩 Phản ánh, kiến nghị mới: ${code}` };
      const staff = { id: 77, is_bot: false, first_name: 'Lan', username: 'lan_hotline' };
      const reply = { update_id: 800, message: { message_id: 901, date: DATE, chat: groupChat, from: staff, text: 'Hồ sơ sẽ được trả vào thứ Hai.', reply_to_message: post } };
      expect((await postTelegram(running.url, reply)).status).toBe(200);

      await vi.waitFor(() => expect(sentTo(citizenChat).map((p) => p.text)).toEqual([NOTICE_TEXTS.answered(code, 'Hồ sơ sẽ được trả vào thứ Hai.')]), { timeout: 10_000, interval: 20 });
      await vi.waitFor(async () => expect((await complaint(desk, code)).reply).toMatchObject({ state: 'sent', attempts: 1 }), { timeout: 10_000, interval: 20 });
      expect((await complaint(desk, code)).deliveries['telegram-group']).toMatchObject({ state: 'delivered', attempts: 1 });
    } finally {
      await running.close();
      await telegram.close();
    }
  });
});

describe('the errors records keep', () => {
  it('are codes, read as words where staff see them; a record from before codes is shown as it is', () => {
    expect(sendErrorText({ code: 'reply', reason: 'blocked', detail: 'Forbidden: bot was blocked by the user' })).toBe(`${REPLY_ERRORS.blocked} (Forbidden: bot was blocked by the user)`);
    expect(sendErrorText({ code: 'target_gone', target: 'webhook' })).toContain('"webhook" không còn được cấu hình');
    expect(sendErrorText({ code: 'no_sender', channel: 'zalo' })).toContain('kênh zalo chưa được cấu hình');
    expect(sendErrorText({ code: 'target', detail: 'HTTP 500' })).toBe('HTTP 500');
    expect(sendErrorText('lỗi khi gửi: socket hang up')).toBe('lỗi khi gửi: socket hang up');
  });
});
