import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, renderReplies, translateUpdate } from '../../../adapters/telegram/translate.ts';
import { splitText } from '../../../src/kernel/split-text.ts';
import { callbackUpdate, DATE, editedUpdate, textUpdate } from './updates.ts';

const NOW = 1_763_780_123_456;

describe('translateUpdate', () => {
  it('turns a text message into Incoming', () => {
    expect(translateUpdate(textUpdate(501, 'lam gks cho con can j', 987654321), NOW)).toEqual({
      kind: 'incoming',
      incoming: {
        address: { channel: 'telegram', chatId: '987654321' },
        updateId: '501',
        text: 'lam gks cho con can j',
        userName: 'Nguyễn Văn An',
        receivedAt: DATE * 1000,
      },
    });
  });

  it('cuts a text longer than Telegram allows (a forged update) before anything reads it', () => {
    const translated = translateUpdate(textUpdate(502, 'a'.repeat(408_000), 1), NOW);
    expect(translated.kind === 'incoming' && translated.incoming.text).toBe('a'.repeat(MAX_TEXT_LENGTH));
  });

  it('turns a pressed button into an action and keeps the callback query id', () => {
    expect(translateUpdate(callbackUpdate(502, 'm3.1', -5), NOW)).toEqual({
      kind: 'incoming',
      incoming: { address: { channel: 'telegram', chatId: '-5' }, updateId: '502', action: 'm3.1', userName: 'Nguyễn Văn An', receivedAt: NOW },
      callbackQueryId: 'cq-502',
    });
  });

  const text = textUpdate(1, 'xin chào');
  const message = text.message;
  it.each([
    ['edited message', editedUpdate(1)],
    ['channel post', { update_id: 1, channel_post: { ...message, chat: { id: -100, type: 'channel', title: 'UBND' } } }],
    ['my chat member', { update_id: 1, my_chat_member: { chat: message.chat } }],
    ['sticker', { update_id: 1, message: { ...message, text: undefined, sticker: { file_id: 'x', emoji: '👍' } } }],
    ['sent by a bot', { update_id: 1, message: { ...message, from: { id: 9, is_bot: true, first_name: 'Other bot' } } }],
    ['not a private chat', { update_id: 1, message: { ...message, chat: { id: -3, type: 'group', title: 'Tổ dân phố' } } }],
    ['message without text', { update_id: 1, message: { ...message, text: undefined, photo: [{ file_id: 'p' }] } }],
  ])('ignores: %s', (reason, raw) => {
    expect(translateUpdate(raw, NOW)).toEqual({ kind: 'ignored', reason });
  });

  it('ignores a button without data or chat but still asks to answer it', () => {
    const pressed = callbackUpdate(3, 'x');
    const noData = { ...pressed, callback_query: { ...pressed.callback_query, data: undefined, game_short_name: 'g' } };
    const noChat = { ...pressed, callback_query: { ...pressed.callback_query, message: undefined, inline_message_id: 'i' } };
    expect(translateUpdate(noData, NOW)).toEqual({ kind: 'ignored', reason: 'button without callback data', callbackQueryId: 'cq-3' });
    expect(translateUpdate(noChat, NOW)).toEqual({ kind: 'ignored', reason: 'button without a chat', callbackQueryId: 'cq-3' });
  });

  it.each([
    ['null', null],
    ['a string', 'update'],
    ['an array', [text]],
    ['no update_id', { message }],
    ['a string update_id', { ...text, update_id: '1' }],
    ['a message without chat', { update_id: 1, message: { ...message, chat: undefined } }],
    ['a chat id that is not a number', { update_id: 1, message: { ...message, chat: { id: '42', type: 'private' } } }],
    ['a callback query without id', { update_id: 1, callback_query: { ...callbackUpdate(1, 'x').callback_query, id: undefined } }],
  ])('reports %s as malformed without throwing', (_, raw) => {
    expect(translateUpdate(raw, NOW)).toMatchObject({ kind: 'malformed', problem: expect.any(String) });
  });
});

describe('renderReplies', () => {
  it('escapes &, < and > and leaves everything else alone', () => {
    const [rendered] = renderReplies([{ text: 'Lệ phí: <b>&</b> 8.000 đồng (miễn phí cho trẻ em - người cao tuổi).' }]);
    expect(rendered).toEqual({
      text: 'Lệ phí: &lt;b&gt;&amp;&lt;/b&gt; 8.000 đồng (miễn phí cho trẻ em - người cao tuổi).',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
  });

  it('splits long text at paragraph boundaries, each part within 4,096 characters', () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(1000));
    const parts = renderReplies([{ text: paragraphs.join('\n\n') }]).map((m) => m.text);
    expect(parts.map((p) => p.length)).toEqual([4006, 4006, 2002]);
    expect(parts.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('counts the text as Telegram does, before escaping', () => {
    const parts = renderReplies([{ text: '&'.repeat(MAX_TEXT_LENGTH) }]);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text).toBe('&amp;'.repeat(MAX_TEXT_LENGTH));
  });

  it('falls back to lines, words, then a hard cut that keeps surrogate pairs whole', () => {
    const lines = Array.from({ length: 3 }, () => 'a'.repeat(30)).join('\n');
    expect(splitText(lines, 70)).toEqual(['a'.repeat(30) + '\n' + 'a'.repeat(30), 'a'.repeat(30)]);
    expect(splitText('một hai ba bốn', 8)).toEqual(['một hai', 'ba bốn']);
    const emoji = 'x' + '😀'.repeat(5); // 11 UTF-16 units
    const cut = splitText(emoji, 4);
    expect(cut).toEqual(['x😀', '😀😀', '😀😀']);
    expect(cut.join('')).toBe(emoji);
  });

  it('never sends an empty part', () => {
    const text = `${'a'.repeat(MAX_TEXT_LENGTH)}\n\n\n\n\n\n${'b'.repeat(10)}\n\n`;
    expect(renderReplies([{ text }]).map((m) => m.text)).toEqual(['a'.repeat(MAX_TEXT_LENGTH), 'b'.repeat(10)]);
  });

  it('renders choices as an inline keyboard, one button per row, under the last part', () => {
    const choices = [
      { label: 'Hồ sơ <cần> chuẩn bị & mẫu', action: 'm1.0' },
      { label: 'Căn cứ pháp lý', action: 'm1.1' },
    ];
    const messages = renderReplies([{ text: `${'x'.repeat(5000)}`, choices }, { text: 'Cảm ơn' }]);
    expect(messages).toHaveLength(3);
    expect(messages[0]!.reply_markup).toBeUndefined();
    expect(messages[1]!.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Hồ sơ <cần> chuẩn bị & mẫu', callback_data: 'm1.0' }], [{ text: 'Căn cứ pháp lý', callback_data: 'm1.1' }]],
    });
    expect(messages[2]!.reply_markup).toBeUndefined();
  });

  it('accepts a 64-byte action and fails loudly on a longer one (counted in UTF-8 bytes)', () => {
    const reply = (action: string) => [{ text: 'Chọn', choices: [{ label: 'ok', action }] }];
    expect(() => renderReplies(reply('a'.repeat(64)))).not.toThrow();
    expect(() => renderReplies(reply('a'.repeat(65)))).toThrow(/1–64 bytes.*got 65/);
    expect(() => renderReplies(reply('ệ'.repeat(22)))).toThrow(/got 66/); // 22 characters, 66 bytes
    expect(() => renderReplies(reply(''))).toThrow(/got 0/);
  });
});
