// Place questions through the real dialogue: where an old ward is now and the
// reception point the locality lists for it, "which one?" answered by a button or by
// typing the district, a procedure question that names a place, and a name not known.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../src/dialogue/conversation.ts';
import { PLACE_TEXTS } from '../../src/texts/citizens.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { newDesk } from '../complaints/desk.ts';
import { chatCitizen, said } from '../dialogue/chat-citizen.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

let dir: string;
let store: Store;
let database: Database;
let conversation: Conversation;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-places-'));
  store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  // The fixture's locality (a city listing its reception points) before the shipped knowledge.
  const knowledge = await loadKnowledgeBase([join(import.meta.dirname, 'fixtures/knowledge'), 'knowledge']);
  conversation = new Conversation({ traits: channelTraits, engine: new Engine(knowledge), store, sessionTtlMs: 3_600_000, hotline: newDesk(database) });
});

afterAll(async () => {
  await store.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a place question', () => {
  it('gets the new ward, its province and the reception point the locality lists for it, and filing anywhere in the city', async () => {
    const c = chatCitizen(conversation, 'web');
    const replies = await c.say('Tôi ở phường Bến Nghé cũ, giờ nộp hồ sơ ở đâu?');
    const text = said(replies);
    expect(text).toContain('Phường Bến Nghé (Quận 1) cũ nay thuộc Phường Sài Gòn, Thành phố Hồ Chí Minh.');
    expect(text).toContain('Trung tâm Phục vụ hành chính công phường Sài Gòn: Số 1 đường Thử Nghiệm, phường Sài Gòn; Thứ Hai–Thứ Sáu 7:30–17:00; Thứ Bảy 7:30–11:30; điện thoại 028 0000 0001');
    expect(text).toContain('Nghị định 118/2025/NĐ-CP');
    // The city's other point is offered too: many procedures may be filed at any.
    expect(text).toContain('Trung tâm Phục vụ hành chính công phường Bàn Cờ');
    expect(replies[0]!.about).toEqual({ kind: 'place', codes: ['26740'] });
  });

  it('asks which district when a name is shared, and answers the one pressed', async () => {
    const c = chatCitizen(conversation, 'telegram');
    const [ask] = await c.say('phường 3 cũ TP HCM giờ thuộc phường nào');
    expect(ask!.text).toContain('quận, huyện nào');
    expect(ask!.about?.kind).toBe('place_list');
    const answer = said(await c.press('Phường 3 (Quận 3) cũ, Thành phố Hồ Chí Minh'));
    expect(answer).toContain('Phường 3 (Quận 3) cũ nay thuộc Phường Bàn Cờ');
    expect(answer).toContain('Số 2 đường Thử Nghiệm');
  });

  it('takes the district typed after "which one?" with the question it answers (Zalo: choices are numbers)', async () => {
    const c = chatCitizen(conversation, 'zalo');
    await c.say('p3 cu tp hcm gio la phuong gi');
    expect(said(await c.say('quận 3'))).toContain('nay thuộc Phường Bàn Cờ');
  });

  it('still answers a procedure question that names a place, with a note on where the old ward is now', async () => {
    const c = chatCitizen(conversation, 'web');
    const replies = await c.say('tôi ở phường Bến Nghé muốn làm căn cước');
    expect(replies[0]!.about).toMatchObject({ kind: 'list' });
    expect(replies[0]!.about?.kind === 'list' && replies[0]!.about.entries.every((id) => id.includes('can-cuoc') || id.includes('dinh-danh'))).toBe(true);
    expect(said(replies)).toContain('Lưu ý về nơi nộp hồ sơ: Phường Bến Nghé (Quận 1) cũ nay thuộc Phường Sài Gòn');
  });

  it('puts the place first when asked where an old ward is now, with the procedure it names one tap away', async () => {
    const c = chatCitizen(conversation, 'web');
    const [reply] = await c.say('phường Bến Nghé cũ làm giấy khai sinh cho con ở đâu');
    expect(reply!.about).toEqual({ kind: 'place', codes: ['26740'] });
    expect(reply!.choices?.map((choice) => choice.label)).toEqual(['Xem thủ tục: Thủ tục đăng ký khai sinh']);
    const [answer] = await c.press('Xem thủ tục: Thủ tục đăng ký khai sinh');
    expect(answer!.about).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh' });
  });

  it.each([
    // "bị nhập" asks what became of the place; "về đâu" where the old town went, after a story naming a paper.
    ['x ta leng tam duong lai chau h con ko hay bi nhap r z', '03405'],
    ['Địa chỉ trong sổ hộ khẩu là thị trấn Nông trường Thái Bình. Giờ thị trấn này về đâu rồi?', '06616'],
  ])('reads "%s" as asking where the place is now', async (text, code) => {
    const [reply] = await chatCitizen(conversation, 'web').say(text);
    expect(reply!.about).toEqual({ kind: 'place', codes: [code] });
  });

  it('says hamlets are not in its list and asks for the commune, offering no namesake', async () => {
    const [reply] = await chatCitizen(conversation, 'web').say('Xóm Vườn Chuối cạnh con đê giờ thuộc xã nào?');
    expect(reply!.text).toBe(PLACE_TEXTS.unknownHamlet);
    expect(reply!.choices).toBeUndefined();
  });

  it('says the same of a street', async () => {
    const [reply] = await chatCitizen(conversation, 'web').say('Đường Hoàng Quốc Việt giờ thuộc phường nào ạ?');
    expect(reply!.text).toBe(PLACE_TEXTS.unknownHamlet);
    expect(reply!.about).toEqual({ kind: 'fallback' });
  });

  it('says a name is not known and offers the closest', async () => {
    const c = chatCitizen(conversation, 'web');
    const [reply] = await c.say('phường Bến Ngoe cũ giờ thuộc phường nào');
    expect(reply!.text).toContain('Tôi chưa tìm thấy đơn vị hành chính nào tên "phường bến ngoe"');
    expect(reply!.about).toEqual({ kind: 'fallback' });
    expect(said(await c.press('Phường Bến Nghé (Quận 1) cũ, Thành phố Hồ Chí Minh'))).toContain('nay thuộc Phường Sài Gòn');
  });
});
