// What the dialogue keeps for staff, over the real engine, a real SQLite store and the
// real question log: typed questions that got an answer, a list or the fallback, masked;
// a pick from the list and a rating written onto the question; and nothing of complaint
// steps, small talk, lookups or typed numbers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelTraits } from '../../adapters/channel-traits.ts';
import { Conversation } from '../../src/dialogue/conversation.ts';
import type { ChannelName } from '../../src/kernel/messages.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { QuestionLog } from '../../src/store/question-log.ts';
import type { Store } from '../../src/store/store.ts';
import { MENU_TEXTS } from '../../src/texts/citizens.ts';
import { MASKS } from '../../src/texts/staff.ts';
import { newDesk } from '../complaints/desk.ts';
import { chatCitizen } from './chat-citizen.ts';

let dir: string;
let store: Store;
let database: Database;
let conversation: Conversation;
let questions: QuestionLog;
const HOUR = 3600_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-kept-'));
  store = await openStore(`sqlite://${join(dir, 'store.sqlite')}`);
  database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  // The log reads "now" an hour ahead: lists shown in the test count as left unanswered.
  questions = new QuestionLog(database, () => Date.now() + HOUR);
  conversation = new Conversation({ traits: channelTraits, engine: new Engine(await loadKnowledgeBase(['knowledge'])), store, sessionTtlMs: HOUR, hotline: newDesk(database), questions });
});

afterAll(async () => {
  await store.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

/** A citizen, and what the last reply was about. */
function citizen(channel: ChannelName) {
  const chat = chatCitizen(conversation, channel);
  return { ...chat, about: () => chat.last().find((r) => r.about)?.about };
}

const rows = async () => {
  await questions.flush();
  return database.db.selectFrom('questions').select(['text', 'outcome', 'entry_id', 'rating', 'channel']).orderBy('at').execute();
};
const rowOf = async (text: string) => (await rows()).filter((r) => r.text.startsWith(text));

describe('questions kept for staff', () => {
  it('keeps a question that got the fallback, with phone, ID number and name masked', async () => {
    const c = citizen('zalo');
    await c.say('tôi là Trần Văn Bình, cccd 001099012345, hỏi giá vàng hôm nay, gọi 0912345678');
    expect(c.about()?.kind).toBe('fallback');
    expect(await rowOf('tôi là')).toEqual([{ text: `tôi là ${MASKS.name}, cccd ${MASKS.number}, hỏi giá vàng hôm nay, gọi ${MASKS.phone}`, outcome: 'fallback', entry_id: null, rating: null, channel: 'zalo' }]);
    expect((await questions.unanswered(0)).map((q) => [q.text.slice(0, 6), q.why])).toContainEqual(['tôi là', 'fallback']);
  });

  it('writes a pick from a list onto the question that got the list; a list left alone counts as unanswered', async () => {
    const picked = citizen('zalo');
    await picked.say('đăng ký');
    const listed = picked.about();
    expect(listed?.kind).toBe('list');
    await picked.say('2');
    const chosen = listed?.kind === 'list' ? listed.entries[1] : undefined;
    expect(await rowOf('đăng ký')).toEqual([{ text: 'đăng ký', outcome: 'picked', entry_id: chosen, rating: null, channel: 'zalo' }]);

    const left = citizen('web');
    await left.say('giấy phép');
    expect(left.about()?.kind).toBe('list');
    const unanswered = await questions.unanswered(0);
    expect(unanswered.find((q) => q.text === 'giấy phép')?.why).toBe('abandoned_list');
    expect(unanswered.find((q) => q.text === 'đăng ký')).toBeUndefined();
  });

  it('writes a rating onto the answered question; "not useful" brings it to staff', async () => {
    const c = citizen('web');
    await c.say('xin giấy xác nhận độc thân cần giấy tờ gì');
    expect(c.about()).toMatchObject({ kind: 'answer', entry: 'xac-nhan-tinh-trang-hon-nhan' });
    await c.press(MENU_TEXTS.rateDown);
    expect(await rowOf('xin giấy xác nhận độc thân')).toEqual([{ text: 'xin giấy xác nhận độc thân cần giấy tờ gì', outcome: 'answer', entry_id: 'xac-nhan-tinh-trang-hon-nhan', rating: 'not_useful', channel: 'web' }]);
    expect((await questions.unanswered(0)).find((q) => q.text.startsWith('xin giấy xác nhận'))?.why).toBe('not_useful');
    expect(await questions.reached('xac-nhan-tinh-trang-hon-nhan', 0)).toEqual([{ text: 'xin giấy xác nhận độc thân cần giấy tờ gì', count: 1 }]);
  });

  it('keeps nothing of small talk, lookups, typed numbers or the steps of a complaint', async () => {
    const before = (await rows()).length;
    const c = citizen('zalo');
    await c.say('xin chào');
    await c.say('tra cứu PA-ABCD-1234');
    await c.say('tôi muốn phản ánh cán bộ phường 3 gây khó dễ khi làm giấy tờ');
    await c.say('ông ấy bắt tôi đi lại ba lần số nhà tôi 12 ngõ 5');
    expect(await rows()).toHaveLength(before);
  });
});
