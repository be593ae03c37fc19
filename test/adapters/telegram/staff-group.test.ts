import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../adapters/telegram/bot.ts';
import { CLAIM_ACTION_PREFIX, codeInPost, createTelegramGroupTarget, postToStaff, renderComplaintPost, tellKnowledgeRefused } from '../../../adapters/telegram/staff-group.ts';
import { STAFF_GROUP_TEXTS } from '../../../src/texts/staff.ts';
import type { Complaint } from '../../../src/complaints/complaint.ts';
import type { HotlineTarget } from '../../../src/complaints/outbox.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi, type ScriptedFailure } from '../../fakes/telegram-bot-api.ts';

const GROUP = '-1001234567890';
const CODE = 'PA-7KQ3-MJ'; // a valid code (check character included)

const complaint: Complaint = {
  code: CODE,
  address: { channel: 'zalo-oa', chatId: 'u1' },
  text: 'Hồ sơ <đất đai> trễ hẹn & không ai trả lời',
  subject: 'UBND phường <Bến Nghé>',
  createdAt: Date.UTC(2026, 10, 24, 2, 5), // 09:05 in Vietnam
  dueDate: '2026-12-08',
  status: 'received',
  deliveries: {},
  history: [],
};

let fake: FakeBotApi;
let target: HotlineTarget;

beforeEach(async () => {
  fake = await startFakeBotApi();
  // One attempt per call: the send loop does the retrying.
  const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
  target = createTelegramGroupTarget({ api: bot.api, chatId: GROUP });
});

afterEach(async () => {
  await fake.close();
});

describe('Telegram staff group target', () => {
  it('posts a new complaint, HTML-escaped, with its dates, channel, subject and a claim button', async () => {
    expect(target.name).toBe('telegram-group');
    expect(await target.deliver({ type: 'new', complaint })).toEqual({ ok: true });
    const [sent] = fake.callsTo('sendMessage');
    expect(sent).toMatchObject({ chat_id: GROUP, parse_mode: 'HTML' });
    const text = sent!.text as string;
    expect(text.split('\n')[0]).toBe(`📩 <b>Phản ánh, kiến nghị mới: ${CODE}</b>`);
    for (const line of [
      'Tiếp nhận: 09:05 24/11/2026',
      'Hạn trả lời: 08/12/2026',
      'Kênh: Zalo OA',
      'Cơ quan, thủ tục: UBND phường &lt;Bến Nghé&gt;',
      'Hồ sơ &lt;đất đai&gt; trễ hẹn &amp; không ai trả lời',
      '↩️ Trả lời (reply) tin nhắn này để gửi câu trả lời tới người dân.',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).not.toContain('Điện thoại');
    const data = `${CLAIM_ACTION_PREFIX}${CODE}`;
    expect(sent!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Nhận xử lý', callback_data: data }]] });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });

  it('shows the phone only when the citizen gave one', async () => {
    await target.deliver({ type: 'new', complaint: { ...complaint, phone: '0912345678', consentAt: complaint.createdAt } });
    expect(fake.callsTo('sendMessage')[0]!.text).toContain('Điện thoại: 0912345678');
  });

  it('cuts a text too long for one Telegram message, saying so', () => {
    const { text } = renderComplaintPost({ ...complaint, text: 'x'.repeat(10_000) });
    expect(text.length).toBeLessThan(4096);
    expect(text).toContain('(đã rút gọn, xem đầy đủ trong hộp thư /admin)');
  });

  it('shows the claimer instead of the button once claimed', () => {
    const post = renderComplaintPost({ ...complaint, status: 'in_progress', assignee: 'telegram:@lan' });
    expect(post.reply_markup).toBeUndefined();
    expect(post.text).toContain('✅ Đã nhận xử lý: telegram:@lan');
  });

  it('posts an overdue notice naming the code', async () => {
    expect(await target.deliver({ type: 'overdue', complaint })).toEqual({ ok: true });
    const [sent] = fake.callsTo('sendMessage');
    expect(sent!.text).toBe(`⏰ Phản ánh <b>${CODE}</b> đã quá hạn trả lời (hạn 08/12/2026) mà chưa được trả lời.`);
    expect(sent!.reply_markup).toBeUndefined();
  });

  it('says an answer could not reach the citizen, why, and that tra cứu still shows it', async () => {
    const refused: Complaint = { ...complaint, status: 'answered', answer: 'Đã xử lý', reply: { state: 'failed', attempts: 1, lastError: '403: Forbidden: bot was blocked by the user' } };
    expect(await target.deliver({ type: 'reply_failed', complaint: refused })).toEqual({ ok: true });
    expect(fake.callsTo('sendMessage')[0]!.text).toBe(
      `⚠️ Câu trả lời cho phản ánh <b>${CODE}</b> chưa tới được người dân (lý do: 403: Forbidden: bot was blocked by the user). ` +
        `Người dân vẫn xem được câu trả lời khi tra cứu mã <b>${CODE}</b>.`,
    );
  });

  it.each<[string, ScriptedFailure, string]>([
    ['a 500', { kind: 'server_error' }, 'Telegram 500: Internal Server Error'],
    ['a 429', { kind: 'rate_limit', retryAfter: 7 }, 'Telegram 429: Too Many Requests: retry after 7'],
    ['a 403 (bot removed from the group)', { kind: 'error', code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' }, 'Telegram 403: Forbidden: bot was kicked from the supergroup chat'],
  ])('turns %s into an error result', async (_, failure, error) => {
    fake.fail('sendMessage', 1, failure);
    expect(await target.deliver({ type: 'new', complaint })).toEqual({ ok: false, error });
  });

  it('turns an unreachable Telegram into an error result', async () => {
    await fake.close();
    const outcome = await target.deliver({ type: 'new', complaint });
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^network error: /) });
    fake = await startFakeBotApi(); // for afterEach
  });
});

describe('codeInPost', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['a complaint post', `📩 Phản ánh, kiến nghị mới: ${CODE}\nTiếp nhận: …`, CODE],
    ['an overdue notice', `⏰ Phản ánh ${CODE} đã quá hạn trả lời`, CODE],
    ['a code only further down', `Xin chào\nmã ${CODE}`, undefined],
    ['a code with a wrong check character', '📩 Phản ánh, kiến nghị mới: PA-7KQ3-MN', undefined],
    ['a longer token', `📩 ${CODE}X`, undefined],
    ['no text', undefined, undefined],
  ])('%s', (_, text, expected) => {
    expect(codeInPost(text)).toBe(expected);
  });
});

describe('a knowledge edit the bot refused', () => {
  it('is told to the staff group with each error, escaped', async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
    await tellKnowledgeRefused(bot.api, GROUP, ['knowledge/faq/x.md:2: kind: phải là <procedure> & faq']);
    const [post] = fake.callsTo('sendMessage');
    expect(post).toMatchObject({ chat_id: GROUP, parse_mode: 'HTML' });
    expect(post!.text).toContain(STAFF_GROUP_TEXTS.knowledgeRefused);
    expect(post!.text).toContain('<code>knowledge/faq/x.md:2: kind: phải là &lt;procedure&gt; &amp; faq</code>');
  });
});

describe('the weekly digest', () => {
  it('is posted to the staff group as plain text (no markup to break), cut to what Telegram takes', async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
    const long = `📋 Câu hỏi <b>chưa</b> trả lời & ${'x'.repeat(5_000)}`;
    await postToStaff(bot.api, GROUP, long);
    const post = fake.callsTo('sendMessage').at(-1) as { chat_id: string; text: string; parse_mode?: string };
    expect(post).toMatchObject({ chat_id: GROUP });
    expect(post.parse_mode).toBeUndefined();
    expect(post.text.startsWith('📋 Câu hỏi <b>chưa</b> trả lời & x')).toBe(true);
    expect(post.text.length).toBeLessThanOrEqual(4096);
  });
});
