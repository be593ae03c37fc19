// Every lookup keyed by what a citizen types must treat the names JavaScript objects
// inherit ("constructor", "__proto__", "toString"…) as ordinary words: a message that
// starts with one once broke the dialogue (the web chat answered 503).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConversation, type RealConversation } from '../web/real-conversation.ts';
import { readIntakeAnswer } from '../../src/dialogue/intake-answers.ts';
import { readCorrection, readOrdinal } from '../../src/dialogue/list-pick.ts';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Each name alone, in capitals, first in a question, after "p." (a place shorthand), and as the last word. */
const MESSAGES = NAMES.flatMap((name) => [name, name.toUpperCase(), `${name} làm căn cước ở đâu`, `p. ${name}`, `tra cứu ${name}`, `đăng ký ${name}`]);

let real: RealConversation;
beforeAll(async () => {
  real = await realConversation();
  real.engine.knowledge.places?.warm();
});
afterAll(() => real.close());

describe('names every object inherits, typed as words', () => {
  it(`are read as plain text by the dialogue: ${MESSAGES.length} messages, each with a reply`, async () => {
    let update = 0;
    for (const text of MESSAGES) {
      const replies = await real.conversation.handle({ address: { channel: 'web', chatId: 'proto' }, updateId: String(++update), text, receivedAt: Date.now() });
      expect(replies.length, text).toBeGreaterThan(0);
      for (const reply of replies) expect(typeof reply.text, text).toBe('string');
    }
  });

  it('are no command, no list position, no correction and no intake answer', () => {
    for (const name of NAMES) {
      expect(readOrdinal(name, 3), name).toBeUndefined();
      expect(readOrdinal(`cái ${name}`, 3), name).toBeUndefined();
      expect(readCorrection(name), name).toBeUndefined();
      expect(readIntakeAnswer(name, ['cancel', 'agree', 'decline']), name).toBeUndefined();
    }
  });

  it('are words the engine and the place reader take as they come', () => {
    for (const text of MESSAGES) {
      expect(() => real.engine.decide(text), text).not.toThrow();
      expect(() => real.engine.knowledge.places?.reader.read(text), text).not.toThrow();
    }
  });
});
