import { describe, expect, it } from 'vitest';
import { translateOaEvent } from '../../../adapters/zalo-oa/translate.ts';
import { OA_ID, textEvent, USER_ID } from './events.ts';

const context = { oaId: OA_ID, now: 42 };

describe('translateOaEvent', () => {
  it('turns a citizen’s text into an Incoming on the zalo-oa channel', () => {
    expect(translateOaEvent(textEvent('e2a641af6661713b2874', 'Helo'), context)).toEqual({
      kind: 'incoming',
      incoming: { address: { channel: 'zalo-oa', chatId: USER_ID }, updateId: 'e2a641af6661713b2874', text: 'Helo', receivedAt: 1717061839659 },
    });
  });

  it('cuts a text longer than Zalo allows (a forged event) before anything reads it', () => {
    const translated = translateOaEvent(textEvent('m2', 'ư'.repeat(50_000)), context);
    expect(translated.kind === 'incoming' && translated.incoming.text).toBe('ư'.repeat(2000));
  });

  it('keeps ids as strings, and reads a timestamp in seconds as seconds', () => {
    const event = { ...textEvent('m1'), sender: { id: 123 }, message: { text: 'x', msg_id: 456 }, timestamp: '1717061839' };
    expect(translateOaEvent(event, context)).toMatchObject({ incoming: { address: { chatId: '123' }, updateId: '456', receivedAt: 1717061839000 } });
  });

  it('uses the clock when the event has no timestamp', () => {
    const { timestamp: _, ...event } = textEvent('m1');
    expect(translateOaEvent(event, context)).toMatchObject({ incoming: { receivedAt: 42 } });
  });

  it.each([
    ['the OA’s own text (oa_send_text)', { ...textEvent('m1'), event_name: 'oa_send_text', sender: { id: OA_ID }, recipient: { id: USER_ID } }, /echo/],
    ['any event the OA sent', { ...textEvent('m1'), sender: { id: OA_ID } }, /echo/],
    ['an image', { ...textEvent('m1'), event_name: 'user_send_image' }, /user_send_image/],
    ['a follow', { app_id: '1', event_name: 'follow', oa_id: OA_ID, follower: { id: USER_ID }, timestamp: '1' }, /follow/],
    ['a seen receipt', { ...textEvent('m1'), event_name: 'user_seen_message' }, /user_seen_message/],
    ['a blank text', textEvent('m1', '  \n '), /empty/],
  ])('ignores %s', (_, event, reason) => {
    const translation = translateOaEvent(event, context);
    expect(translation.kind).toBe('ignored');
    expect(translation.kind === 'ignored' && translation.reason).toMatch(reason);
  });

  it('recognises an echo by its event name even without the OA id', () => {
    expect(translateOaEvent({ ...textEvent('m1'), event_name: 'oa_send_text' }, { now: 0 }).kind).toBe('ignored');
  });

  it.each([
    ['null', null],
    ['an array', [textEvent('m1')]],
    ['an object without event_name', { hello: 'world' }],
    ['a text event without msg_id', { ...textEvent('m1'), message: { text: 'x' } }],
    ['a text event without sender', { ...textEvent('m1'), sender: undefined }],
    ['a text event with a bad timestamp', { ...textEvent('m1'), timestamp: 'today' }],
  ])('calls %s malformed', (_, event) => {
    expect(translateOaEvent(event, context).kind).toBe('malformed');
  });
});
