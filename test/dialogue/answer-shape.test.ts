// What an answer looks like to a citizen on a phone: the first message leads with
// what was asked and fits the screen, the rest is one tap (or one number) away,
// where and when questions carry the locality's address, hours and phone, a list
// keeps what was asked, and nothing written for staff reaches citizens.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_MESSAGE_CHARS, renderDecision, renderEntry, renderSection, type Section } from '../../src/dialogue/answer.ts';
import { Conversation } from '../../src/dialogue/conversation.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { LABELS, TEXTS } from '../../src/texts/citizens.ts';
import type { Aspect } from '../../src/knowledge/lexicon.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { newDesk } from '../complaints/desk.ts';
import { chatCitizen, said, type ChatCitizen } from './chat-citizen.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

let dir: string;
let store: Store;
let database: Database;
let kb: KnowledgeBase;
let conversation: Conversation;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-shape-'));
  store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  kb = await loadKnowledgeBase(['knowledge']);
  conversation = new Conversation({ traits: channelTraits, engine: new Engine(kb), store, sessionTtlMs: 3_600_000, hotline: newDesk(database) });
});

afterAll(async () => {
  await store.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const ASKED: Aspect[][] = [[], ['documents'], ['fee'], ['time'], ['place'], ['online'], ['postal'], ['steps'], ['conditions'], ['legal']];
const SECTIONS: Section[] = ['documents', 'place', 'time', 'fee', 'online', 'postal', 'steps', 'conditions', 'result', 'notes', 'legal'];

/** If the bot asked which procedure was meant, pick `title`; the answer either way. */
async function answerTo(citizen: ChatCitizen, question: string, title: string): Promise<Reply[]> {
  const first = await citizen.say(question);
  const listed = first.some((r) => r.choices?.some((c) => c.label === title));
  return listed ? await citizen.press(title) : first;
}

describe('the first message of an answer', () => {
  it('fits a phone screen for every entry and every part asked, and leads with that part', () => {
    for (const entry of kb.entries) {
      for (const asked of entry.kind === 'faq' ? [[]] : ASKED) {
        const { text } = renderEntry(entry, asked, kb.locality);
        // The locality's office line (address, hours, phone) comes on top of "where".
        const limit = asked[0] === 'place' ? FIRST_MESSAGE_CHARS + 220 : FIRST_MESSAGE_CHARS + 100;
        expect(text.length, `${entry.id} ${asked.join()}`).toBeLessThanOrEqual(limit);
        const body = text.split('\n\n')[1]!;
        if (asked.length) expect(body.startsWith(`${LABELS[asked[0]!]}:`), `${entry.id} ${asked.join()} leads with it`).toBe(true);
      }
    }
  });

  it('always carries the legal basis, the source and the review date', () => {
    for (const entry of kb.entries) {
      const { text } = renderEntry(entry, [], kb.locality);
      if (entry.legal_basis.length) expect(text, entry.id).toContain('Căn cứ: ');
      expect(text, entry.id).toContain('Nguồn: ');
      expect(text, entry.id).toMatch(/Thông tin cập nhật ngày \d\d\/\d\d\/\d{4} \(rà soát lại trước ngày \d\d\/\d\d\/\d{4}\)\./);
    }
  });

  it('offers what it left out as follow-ups, each showing the part in full', () => {
    const entry = kb.entries.find((e) => e.id === 'dang-ky-ket-hon')!;
    const reply = renderEntry(entry, ['documents'], kb.locality);
    expect(reply.text).toContain('Hồ sơ cần chuẩn bị:\n1. ');
    // Six documents do not fit a screen: the rest is announced and on offer.
    expect(reply.text).toMatch(/… và \d+ mục nữa: anh\/chị chọn "Hồ sơ cần chuẩn bị" để xem đủ\./);
    expect(reply.choices?.map((c) => c.label)).toContain(LABELS.documents);
    expect(renderSection(entry, 'documents', kb.locality).split('\n')).toHaveLength(entry.documents.length + 1);
  });

  it('never shows a note written for staff', () => {
    for (const entry of kb.entries) {
      const texts = [renderEntry(entry, [], kb.locality).text, ...SECTIONS.map((s) => renderSection(entry, s, kb.locality))].join('\n');
      for (const note of entry.staff_notes) expect(texts, entry.id).not.toContain(note);
      expect(texts, entry.id).not.toContain('không ghi đơn vị');
    }
  });
});

describe('where and when', () => {
  const office = () => kb.locality.one_stop[0]!;

  it.each(['thứ 7 có nhận hồ sơ không', 'mot cua lam viec may gio', 'trung tâm hành chính công ở chỗ nào, số điện thoại bao nhiêu'])('"%s" gets the address, hours (Saturday too) and phone', async (question) => {
    const text = said(await chatCitizen(conversation, 'web').say(question));
    expect(text).toContain(office().address);
    expect(text).toContain(office().hours);
    expect(office().hours).toContain('Thứ Bảy');
    expect(text).toContain(office().phone!);
    expect(text).not.toContain('bên dưới');
  });

  it('"nộp ở đâu" of a procedure names the locality’s one-stop shop', async () => {
    const text = said(await answerTo(chatCitizen(conversation, 'telegram'), 'làm giấy khai sinh cho con ở đâu', 'Thủ tục đăng ký khai sinh'));
    expect(text).toMatch(/\n\nNộp ở đâu: /);
    expect(text).toContain(`${office().name}: ${office().address}`);
  });
});

describe('a list of one', () => {
  it('asks whether the one entry left is what was meant, for the part asked', () => {
    const entry = kb.entries.find((e) => e.id === 'dang-ky-khai-sinh')!;
    const [plain] = renderDecision({ outcome: 'clarify', query: { aspects: [] }, candidates: [{ entry }] } as never, [{ entry }] as never, kb.locality);
    expect(plain!.text).toBe(TEXTS.clarifyOne);
    const [fee] = renderDecision({ outcome: 'clarify', query: { aspects: ['fee'] }, candidates: [{ entry }] } as never, [{ entry }] as never, kb.locality);
    expect(fee!.text).toMatch(/^Có phải anh\/chị hỏi phí, lệ phí của thủ tục dưới đây không\?/);
    expect(fee!.choices?.map((c) => c.label)).toEqual([entry.title]);
  });
});

describe('a list keeps what was asked', () => {
  it('picking from "which one?" after "lệ phí …" leads with the fee, not the whole entry', async () => {
    const citizen = chatCitizen(conversation, 'web');
    const reply = said(await answerTo(citizen, 'lệ phí đăng ký kết hôn', 'Thủ tục đăng ký kết hôn'));
    expect(reply).toMatch(/^Thủ tục đăng ký kết hôn\nMã thủ tục: 1\.000894\n\nPhí, lệ phí: /);
  });

  it('documents asked for are in the answer, not behind a button', async () => {
    const citizen = chatCitizen(conversation, 'zalo');
    const reply = said(await answerTo(citizen, 'đăng ký kết hôn cần giấy tờ gì', 'Thủ tục đăng ký kết hôn'));
    expect(reply).toMatch(/\n\nHồ sơ cần chuẩn bị:\n1\. /);
  });

  it('a follow-up typed while the list is open asks which one, for that part, then answers it', async () => {
    const citizen = chatCitizen(conversation, 'web');
    const list = await citizen.say('kết hôn');
    expect(list[0]!.choices?.map((c) => c.label)).toContain('Thủ tục đăng ký kết hôn');
    const again = await citizen.say('còn lệ phí thì sao?');
    expect(again[0]!.text).toBe('Anh/chị hỏi phí, lệ phí của thủ tục nào dưới đây? Vui lòng chọn một mục:');
    expect(again[0]!.choices?.map((c) => c.label)).toEqual(list[0]!.choices?.map((c) => c.label));
    expect(said(await citizen.press('Thủ tục đăng ký lại kết hôn'))).toMatch(/^Thủ tục đăng ký lại kết hôn\nMã thủ tục: [\d.]+\n\nPhí, lệ phí: /);
    // Answered: the next follow-up is about that procedure.
    expect(said(await citizen.say('mất bao lâu'))).toMatch(/^Thủ tục đăng ký lại kết hôn\n\nThời hạn giải quyết: /);
  });

  it('on Zalo the parts left out and the rating are one number away', async () => {
    const citizen = chatCitizen(conversation, 'zalo');
    const reply = await answerTo(citizen, 'đăng ký kết hôn cần giấy tờ gì', 'Thủ tục đăng ký kết hôn');
    const lists = reply.filter((r) => r.choices?.length);
    expect(lists).toHaveLength(1);
    const labels = lists[0]!.choices!.map((c) => c.label);
    expect(labels).toContain(LABELS.documents);
    expect(said(await citizen.say(String(labels.indexOf(LABELS.documents) + 1)))).toMatch(/^Thủ tục đăng ký kết hôn\n\nHồ sơ cần chuẩn bị:\n1\. /);
  });
});

describe('a guess among portal records', () => {
  it('says it is a guess and where else to ask, above the entries to pick', () => {
    const decision = new Engine(kb).decide('đăng ký khai tử');
    const entries = decision.candidates.slice(0, 2);
    const [list] = renderDecision({ ...decision, outcome: 'clarify', tentative: true }, entries, kb.locality);
    expect(list!.text).toContain('Tôi chưa chắc anh/chị hỏi thủ tục nào');
    expect(list!.text).toContain(kb.locality.hotline.phone);
    expect(list!.choices!.map((c) => c.action)).toEqual(entries.map((c) => `entry:${c.entry.id}`));
  });
});

describe('the review date', () => {
  it('is on every answer, and once passed the entry is still served with a note to check it', () => {
    const entry = kb.entries.find((e) => e.id === 'dang-ky-khai-tu')!;
    const current = renderEntry(entry, [], kb.locality).text;
    expect(current).toContain('Thông tin cập nhật ngày');
    expect(current).not.toContain(TEXTS.reviewOverdue);
    const overdue = renderEntry({ ...entry, review_by: '2020-01-01' }, [], kb.locality).text;
    expect(overdue).toContain('rà soát lại trước ngày 01/01/2020');
    expect(overdue).toContain(TEXTS.reviewOverdue);
  });
});
