import { describe, expect, it } from 'vitest';
import { renderReplies, translateUpdate } from '../../../adapters/zalo/translate.ts';
import { CHOICE_HINT } from '../../../src/texts/citizens.ts';
import { splitText } from '../../../src/kernel/split-text.ts';

const BOT = 'b0t1d';
const NOW = 1_760_000_000_000;
const context = { botId: BOT, now: NOW };

const textMessage = {
  message_id: '2d758cb5e222177a4e35',
  date: 1750316131602,
  text: 'lam gks cho con can j',
  chat: { id: 'c7f1e0a9', chat_type: 'PRIVATE' },
  from: { id: 'c7f1e0a9', display_name: 'Nguyễn Văn An', is_bot: false },
  message_type: 'CHAT_MESSAGE',
};
const expected = {
  address: { channel: 'zalo', chatId: 'c7f1e0a9' },
  updateId: '2d758cb5e222177a4e35',
  text: 'lam gks cho con can j',
  userName: 'Nguyễn Văn An',
  receivedAt: 1750316131602,
};

describe('translateUpdate', () => {
  it.each([
    ['wrapped (webhook doc sample)', { ok: true, result: { event_name: 'message.text.received', message: textMessage } }],
    ['flat (real pushes)', { event_name: 'message.text.received', message: textMessage }],
  ])('turns a %s text event into Incoming', (_, body) => {
    expect(translateUpdate(body, context)).toEqual({ kind: 'incoming', incoming: expected });
  });

  it.each([
    ['a date already in milliseconds is kept as is', { date: 1750316131602 }, { receivedAt: 1750316131602 }],
    ['a numeric-string date', { date: '1750316131602' }, { receivedAt: 1750316131602 }],
    ['no date: the receiving clock', { date: undefined }, { receivedAt: NOW }],
    ['numeric ids become strings', { message_id: 42, chat: { id: 7 } }, { updateId: '42', address: { channel: 'zalo', chatId: '7' } }],
    ['first_name when there is no display_name', { from: { id: 'u1', first_name: 'Bình' } }, { userName: 'Bình' }],
    // A forged update may be any size: cut where Zalo cuts a message, before anything reads it.
    ['a text longer than Zalo allows is cut', { text: 'a'.repeat(408_000) }, { text: 'a'.repeat(2000) }],
  ])('%s', (_, change, outcome) => {
    const result = translateUpdate({ event_name: 'message.text.received', message: { ...textMessage, ...change } }, context);
    expect(result).toMatchObject({ kind: 'incoming', incoming: outcome });
  });

  it('leaves userName out when the sender has no name', () => {
    const result = translateUpdate({ event_name: 'message.text.received', message: { ...textMessage, from: { id: 'u1' } } }, context);
    expect(result.kind === 'incoming' && 'userName' in result.incoming).toBe(false);
  });

  it.each([
    ['the bot’s own echo', { event_name: 'message.text.received', message: { ...textMessage, from: { id: BOT } } }, /echo/],
    ['an image', { event_name: 'message.image.received', message: { ...textMessage, text: undefined, photo_url: 'https://x/y.jpg' } }, /image/],
    ['a sticker', { event_name: 'message.sticker.received', message: { ...textMessage, sticker: 's1' } }, /sticker/],
    ['unsupported without a message', { ok: true, result: { event_name: 'message.unsupported.received' } }, /unsupported/],
    ['an unknown event name', { event_name: 'user.follow', follower: { id: 'u1' } }, /user\.follow/],
    ['whitespace-only text', { event_name: 'message.text.received', message: { ...textMessage, text: '   ' } }, /empty/],
  ])('ignores %s with a reason', (_, body, reason) => {
    const result = translateUpdate(body, context);
    expect(result.kind).toBe('ignored');
    expect(result.kind === 'ignored' && result.reason).toMatch(reason);
  });

  it.each([
    ['null', null],
    ['a string', 'message.text.received'],
    ['an array', [{ event_name: 'message.text.received', message: textMessage }]],
    ['an object without event_name', { message: textMessage }],
    ['a failed envelope', { ok: false, error_code: 401, description: 'Unauthorized' }],
    ['a text event without message', { event_name: 'message.text.received' }],
    ['a text event without chat', { event_name: 'message.text.received', message: { ...textMessage, chat: undefined } }],
    ['a text event without text', { event_name: 'message.text.received', message: { ...textMessage, text: undefined } }],
    ['a text event with an empty message_id', { event_name: 'message.text.received', message: { ...textMessage, message_id: '' } }],
    ['a date in words', { event_name: 'message.text.received', message: { ...textMessage, date: 'yesterday' } }],
  ])('calls %s malformed', (_, body) => {
    expect(translateUpdate(body, context).kind).toBe('malformed');
  });
});

describe('renderReplies', () => {
  it('numbers the choices and adds the hint: Zalo has no buttons', () => {
    const texts = renderReplies([
      {
        text: 'Anh/chị đang hỏi về thủ tục nào dưới đây? Vui lòng chọn một mục:',
        choices: [
          { label: 'Đăng ký khai sinh', action: 'entry:khai-sinh' },
          { label: 'Đăng ký kết hôn', action: 'entry:ket-hon' },
        ],
      },
    ]);
    expect(texts).toEqual([
      'Anh/chị đang hỏi về thủ tục nào dưới đây? Vui lòng chọn một mục:\n\n1. Đăng ký khai sinh\n2. Đăng ký kết hôn\n\n' + CHOICE_HINT,
    ]);
    expect(CHOICE_HINT).toBe('Anh/chị trả lời bằng số thứ tự, ví dụ: 1');
  });

  it('sends each reply as its own message and plain text without choices as is', () => {
    expect(renderReplies([{ text: 'Một' }, { text: 'Hai', choices: [] }])).toEqual(['Một', 'Hai']);
  });

  it('normalises to NFC before measuring and sending', () => {
    const decomposed = 'Thủ tục đăng ký khai sinh'.normalize('NFD');
    const [text] = renderReplies([{ text: decomposed, choices: [{ label: 'Hồ sơ'.normalize('NFD'), action: 'a' }] }]);
    expect(text).toBe(text?.normalize('NFC'));
    expect(text).toContain('Thủ tục đăng ký khai sinh');
    expect(text).toContain('1. Hồ sơ');
  });

  it('splits a long reply at paragraph boundaries into pieces of at most 2,000 characters', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Đoạn ${i + 1}: ` + 'giấy tờ cần chuẩn bị '.repeat(14).trim());
    const texts = renderReplies([{ text: paragraphs.join('\n\n') }]);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(2000);
      // every piece starts at a paragraph and holds only whole paragraphs
      for (const part of text.split('\n\n')) expect(paragraphs).toContain(part);
    }
    expect(texts.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('  Xin chào  ', 20)).toEqual(['Xin chào']);
  });

  it('falls back to lines, then words, then a hard cut', () => {
    expect(splitText('dòng một\ndòng hai\n\ndòng ba', 12)).toEqual(['dòng một', 'dòng hai', 'dòng ba']);
    expect(splitText('một hai ba bốn năm sáu', 10)).toEqual(['một hai ba', 'bốn năm', 'sáu']);
    expect(splitText('https://dichvucong.gov.vn/abcdef', 10)).toEqual(['https://di', 'chvucong.g', 'ov.vn/abcd', 'ef']);
  });

  it('packs as many paragraphs as fit into each piece', () => {
    expect(splitText('aaaa\n\nbbbb\n\ncccc', 10)).toEqual(['aaaa\n\nbbbb', 'cccc']);
  });

  it('never cuts a surrogate pair in half', () => {
    const pieces = splitText('ab😀cd', 3);
    expect(pieces).toEqual(['ab', '😀c', 'd']);
  });

  it('counts NFC characters: decomposed Vietnamese fits after normalising', () => {
    const text = 'ướ'.repeat(1000).normalize('NFD');
    expect(text.length).toBeGreaterThan(2000);
    expect(splitText(text, 2000)).toEqual(['ướ'.repeat(1000)]);
  });
});
