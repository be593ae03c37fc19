// Conversation scenarios, channel by channel, over the real engine and a real
// SQLite store: each step is what the citizen does and what must come back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../src/dialogue/conversation.ts';
import type { ChannelName } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { TEXTS } from '../../src/texts/citizens.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { ReportEvents } from '../../src/store/report-events.ts';
import type { Store } from '../../src/store/store.ts';
import { newDesk } from '../complaints/desk.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

let dir: string;
let store: Store;
let database: Database;
let conversation: Conversation;
let events: ReportEvents;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-conv-'));
  store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  conversation = new Conversation({ traits: channelTraits, engine: new Engine(await loadKnowledgeBase(['knowledge'])), store, sessionTtlMs: 3_600_000, hotline: newDesk(database), events: (events = new ReportEvents(database)) });
});

afterAll(async () => {
  await store.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

let chat = 0;
/** A fresh chat on a channel; `say` sends text, `press` presses the n-th choice of the last reply that had choices. */
function citizen(channel: ChannelName) {
  const chatId = `c${++chat}`;
  let last: Reply[] = [];
  let update = 0;
  const send = async (message: { text?: string; action?: string }) => {
    last = await conversation.handle({ address: { channel, chatId }, updateId: String(++update), receivedAt: Date.now(), ...message });
    return last;
  };
  return {
    say: (text: string) => send({ text }),
    press: (label: string) => {
      const choice = last.flatMap((r) => r.choices ?? []).find((c) => c.label.includes(label));
      if (!choice) throw new Error(`no choice "${label}" in ${JSON.stringify(last)}`);
      return send({ action: choice.action });
    },
  };
}

const text = (replies: Reply[]) => replies.map((r) => r.text).join('\n---\n');

describe('on a channel with buttons (web, Telegram)', () => {
  it('answers, then a follow-up about the fee is about the same entry', async () => {
    const c = citizen('web');
    expect(text(await c.say('xin giấy xác nhận độc thân cần giấy tờ gì'))).toContain('Hồ sơ cần chuẩn bị');
    const followUp = text(await c.say('còn lệ phí thì sao?'));
    expect(followUp).toMatch(/^Thủ tục cấp Giấy xác nhận tình trạng hôn nhân\n\nPhí, lệ phí:/);
  });

  it('takes "có phải về quê làm không" after an answer as asking where, about the same entry', async () => {
    const c = citizen('web');
    expect(text(await c.say('Mất thẻ căn cước thì làm lại ở đâu ạ? Em đang ở trọ Bắc Ninh, hộ khẩu ở Thái Bình.'))).toMatch(/^Cấp lại thẻ căn cước\n/);
    expect(text(await c.say('có phải về Thái Bình làm không'))).toMatch(/^Cấp lại thẻ căn cước\n\nNộp ở đâu:/);
  });

  it('browses by sector to an entry', async () => {
    const c = citizen('telegram');
    await c.say('/start');
    await c.press('Tra cứu thủ tục theo lĩnh vực');
    await c.press('Chứng thực');
    expect(text(await c.press('Chứng thực chữ ký'))).toContain('Mã thủ tục: 2.000884');
  });

  it('asks which entry was meant and answers the one picked', async () => {
    const c = citizen('web');
    const clarify = await c.say('sổ đỏ');
    expect(clarify[0]!.choices!.length).toBeGreaterThanOrEqual(2);
    const answer = await c.press('lần đầu');
    expect(text(answer)).toContain('1.013978');
  });

  it.each([
    ['bot tên gì', 'chitchat'],
    ['hihi', 'chitchat'],
    ['hihi bot giỏi ghê', 'chitchat'],
    ['cam on chau nha, chau gioi qua', 'chitchat'],
    ['bạn là người hay máy', 'chitchat'],
    ['bye', 'farewell'],
    ['cảm ơn nha', 'thanks'],
    // Only saying it was read, teencode thanks, and messages with no word at all.
    ['à ra vậy', 'thanks'],
    ['ok hiểu rồi', 'thanks'],
    ['cảm ơn ad nhiều nha', 'thanks'],
    ['hihi bot cute ghê', 'chitchat'],
    ['=))', 'chitchat'],
    ['👍', 'chitchat'],
    ['ad ơi', 'chitchat'],
    // Thanks that say what comes next, praise of the bot, and a greeting before the question.
    ['cảm ơn bot, giúp ích lắm', 'thanks'],
    ['rồi, cảm ơn nhiều, chúc sức khỏe', 'thanks'],
    ['để mai tôi ra xã làm', 'thanks'],
    ['bạn trả lời nhanh ghê', 'chitchat'],
    ['chào bot, mình cần hỏi chút', 'greeting'],
    // Chit-chat among words that find nothing or only a guess: about the bot, laughter, an emoticon.
    ['Mi mấy tuổi rồi hè?', 'chitchat'],
    ['hihi máy mà nói chuyện dễ thương ghê', 'chitchat'],
    ['oki :D đợi tí mình đi lấy giấy xe', 'chitchat'],
    ['Hông phải người mà rành dữ ha', 'chitchat'],
    // Thanks, a greeting or a goodbye beside a couple of other words.
    ['Dạ em chào, em đi làm đây', 'farewell'],
    ['Chúc ngủ ngon nhé, mai mình hỏi tiếp', 'farewell'],
    // A pause, a request to say it again, who typed it, the hour: small talk, not a search.
    ['khoan đã', 'chitchat'],
    ['nói chậm thôi', 'chitchat'],
    ['cháu gõ giùm bà', 'chitchat'],
    ['ai tạo ra bạn', 'chitchat'],
    ['mấy giờ rồi', 'chitchat'],
    // A remark that asks nothing and that nothing answers, in no cue of the lexicon's small talk.
    ['ngoài ni sóng to gió lớn cả tuần nằm bờ buồn thúi ruột', 'chitchat'],
    ['trời hôm nay nắng chang chang luôn á', 'chitchat'],
    // A question word inside a clause asks nothing ("già rồi học hông nổi"); "à" ends a lament as often as a question.
    ['mùa ni mưa buồn thiệt, già rồi đi bộ hông nổi à', 'chitchat'],
    // The bot scolded: an apology and how to ask, not the hotline's "not found".
    ['trả lời chậm quá vậy', 'displeased'],
    ['Máy móc gì mà chả hiểu ý người ta gì cả', 'displeased'],
  ] as const)('answers "%s" in a word (%s), without a list, and the thread goes on', async (said, kind) => {
    const c = citizen('web');
    await c.say('xin giấy xác nhận độc thân cần giấy tờ gì');
    const reply = await c.say(said);
    // Chit-chat gets a reminder of the procedure still in mind.
    const expected = kind === 'chitchat' ? TEXTS.smalltalkOnTopic('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân') : TEXTS.smalltalk[kind];
    expect(reply).toEqual([{ text: expected, about: { kind: 'smalltalk' } }]);
    expect(text(await c.say('còn lệ phí thì sao?'))).toMatch(/^Thủ tục cấp Giấy xác nhận tình trạng hôn nhân\n\nPhí, lệ phí:/);
  });

  it('keeps a list open through a remark, and still sends a question nothing answers to the hotline', async () => {
    const c = citizen('web');
    expect((await c.say('sổ đỏ'))[0]!.choices!.length).toBeGreaterThanOrEqual(2);
    expect(await c.say('hôm nay trời nắng chang chang, cả nhà ra đồng gặt lúa')).toEqual([{ text: TEXTS.smalltalk.chitchat, about: { kind: 'smalltalk' } }]);
    // A remark may name a part ("điện thoại" asks online) and hold a question word that asks nothing ("cái gì cũng").
    expect(await c.say('haha 65 tuổi rồi mà giờ cái gì cũng bấm điện thoại, già rồi học hông nổi')).toEqual([{ text: TEXTS.smalltalk.chitchat, about: { kind: 'smalltalk' } }]);
    // Picked in words from the list still open.
    expect(text(await c.say('cái cấp lần đầu'))).toContain('1.013978');
    expect(text(await c.say('tối qua MU đá thắng hay thua vậy'))).toContain(TEXTS.fallback);
  });

  it('counts each typed message by channel and outcome, and each rating, with no words of the citizen', async () => {
    await events.flush();
    await database.db.deleteFrom('events').execute(); // the other tests' messages
    const c = citizen('web');
    await c.say('đăng ký khai tử ở đâu');
    expect(text(await c.press('Hữu ích'))).toContain('Cảm ơn');
    await c.say('xin chào');
    await events.flush();
    const written = await database.db.selectFrom('events').select(['kind', 'channel', 'outcome', 'entry_id']).orderBy('id').execute();
    expect(written).toEqual([
      { kind: 'message', channel: 'web', outcome: 'answer', entry_id: 'dang-ky-khai-tu' },
      { kind: 'rating', channel: 'web', outcome: 'useful', entry_id: 'dang-ky-khai-tu' },
      { kind: 'message', channel: 'web', outcome: 'smalltalk', entry_id: null },
    ]);
  });

  it('keeps every action token within Telegram’s 64 bytes', async () => {
    const c = citizen('telegram');
    const replies = await c.say('đăng ký khai sinh kết hợp nhận cha mẹ con');
    for (const choice of replies.flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(choice.action)).toBeLessThanOrEqual(64);
  });

  it('says so when a pressed button is too old to know', async () => {
    const replies = await conversation.handle({ address: { channel: 'web', chatId: 'stale' }, updateId: 'x', action: 'zzzzzz.1', receivedAt: Date.now() });
    expect(text(replies)).toContain('Lựa chọn này đã cũ');
  });
});

describe('reading a message in the thread of the chat', () => {
  const about = (replies: Reply[]) => replies.find((r) => r.about)?.about;

  it.each([
    ['lệ phí bao nhiêu', 'fee'],
    ['mấy ngày thì có giấy', 'time'],
    // Words of an FAQ's title (bưu chính, VNeID) asked after an answer are about that answer.
    ['gửi bưu điện về nhà được không', 'postal'],
    ['nop truc tuyen dc k ad', 'online'],
    // Overlapping cues ("cần giấy", "giấy tờ") leave no word over to read as a topic (it went to the FAQ on the paper sổ hộ khẩu).
    ['cần giấy tờ gì', 'documents'],
    // Words of where or how that name no procedure: "giải quyết" is in the title of the BHXH lump sum, "dùng" in the sổ hộ khẩu FAQ.
    ['thế thời gian giải quyết là bao lâu', 'time'],
    ['mấy ngày thì dùng được', 'time'],
    // Months asked as how long it takes; "mấy tháng" alone is usually the citizen's own story ("đi làm xa mấy tháng").
    ['mấy tháng mới có giấy', 'time'],
    // Online first, then where to go in person ("phải lên").
    ['làm trên VNeID được không, hay phải lên công an phường', ['online', 'place']],
    ['có phải nộp tiền không', 'fee'],
    // Small talk said with the question names no topic; "dậy" is the southern "vậy"; "mất phí" is the fee.
    ['hihi ok. vậy nộp ở đâu', 'place'],
    ['mất bao lâu dậy', 'time'],
    ['co mat phi k', 'fee'],
    ['bao nhieu 1 ban', 'fee'],
    ['nộp ở xã được hông hay phải lên tỉnh', 'place'],
    // All small-talk and function words, yet it asks where (unlike "cảm ơn nhé, để tôi chuẩn bị" below).
    ['ma lam o dau vay chau', 'place'],
    // Where the citizen or a relative is names no procedure: a province, a country, an everyday name.
    ['tôi ở Huế thì nộp ở mô', 'place'],
    ['gửi bưu điện về cho em gái tôi ở Sài Gòn được không', 'postal'],
    // Doing it for one's mother asks who may file too, after the online part asked first.
    ['nộp online được không, tôi ở Đài Loan làm giùm má', ['online', 'conditions']],
    // However long the story around the part's words, the FAQ they name (VNeID, postal service) is not asked about.
    ['e lam tren vneid dc ko, ca ngay trong xuong ko co time len cong an', 'online'],
    ['nộp hồ sơ qua bưu chính công ích thì sao ạ', 'postal'],
    ['co gui ket qua ve nha tro dc ko', 'postal'],
  ] as [string, string | string[]][])('"%s" after an answer is its %s, not a new search', async (said, part) => {
    const c = citizen('web');
    await c.say('mất thẻ căn cước thì làm lại ở đâu');
    expect(about(await c.say(said))).toEqual({ kind: 'answer', entry: 'cap-lai-the-can-cuoc', parts: [part].flat() });
  });

  it.each(['cái thứ 2', 'so 2 a', 'chọn cái thứ hai nha'])('"%s" picks the second entry of the list just shown', async (said) => {
    const c = citizen('web');
    const list = about(await c.say('sổ đỏ'));
    expect(list?.kind).toBe('list');
    const second = list?.kind === 'list' ? list.entries[1] : undefined;
    expect(about(await c.say(said))).toMatchObject({ kind: 'answer', entry: second });
  });

  it('picks the lower of two listed by where it stands, then the reason, though the reason sounds like small talk', async () => {
    const c = citizen('web');
    const list = about(await c.say('tiệm tạp hóa của má tôi có đăng ký hộ kinh doanh, giờ má muốn nghỉ bán'));
    expect(list).toMatchObject({ kind: 'list', entries: ['tam-ngung-kinh-doanh-ho-kinh-doanh', 'cham-dut-hoat-dong-ho-kinh-doanh'] });
    expect(about(await c.say('cái dưới, nghỉ luôn hông bán nữa, lưng tui đau quá rồi'))).toMatchObject({ kind: 'answer', entry: 'cham-dut-hoat-dong-ho-kinh-doanh' });
  });

  it.each<[string, string, string]>([
    // The reply tells how to tell the two apart ("không còn lưu"), not their names: read after the question, it picks.
    ['Giấy hôn thú của ba má tôi bị thất lạc từ hồi chiến tranh, giờ muốn có lại thì làm răng?', 'Phường nói sổ bộ hồi xưa cũng mất hết rồi, không còn lưu', 'dang-ky-lai-ket-hon'],
    ['quan bun bo cua me tui co dang ky ho kinh doanh, gio me muon nghi ban thi bao sao', 'nghi luon, me gia roi khong ban nua', 'cham-dut-hoat-dong-ho-kinh-doanh'],
    // The staff's answers to their question (lexicon ask_apart answers): alone these words answer the copy from an original book.
    ['Xin lại giấy khai sanh cho má tôi, bản cũ mất rồi, thì làm sao?', 'Ủy ban chỗ má sinh ra vẫn còn lưu sổ, chỉ cần xin bản sao thôi', 'cap-ban-sao-trich-luc-ho-tich'],
    // A denial of one tells the other.
    ['e moi ve o nha ck, gio phai dang ky cu tru gi voi cong an', 'e o luon luon a, nha ck ma, ko phai o tam', 'dang-ky-thuong-tru'],
  ])('after the list for "%s", "%s" picks by what it says of the case', async (question, reply, picked) => {
    const c = citizen('web');
    expect(about(await c.say(question))?.kind).toBe('list');
    expect(about(await c.say(reply))).toMatchObject({ kind: 'answer', entry: picked });
  });

  it('stays on the topic when the citizen tells they cannot go, and asks nothing else: the conditions lead', async () => {
    const c = citizen('web');
    await c.say('chứng thực di chúc ở xã được không');
    expect(about(await c.say('uh ma ba tui nam 1 cho, ko di dc thi sao'))).toMatchObject({ kind: 'answer', entry: 'chung-thuc-di-chuc', parts: ['conditions'] });
    // Asking another part, it is only the story: that part leads.
    const postal = about(await c.say('Mẹ tôi không đi được, tôi gửi hồ sơ qua bưu chính công ích có được không?'));
    expect(postal).toMatchObject({ kind: 'answer', entry: 'chung-thuc-di-chuc' });
    expect(postal?.kind === 'answer' ? postal.parts[0] : undefined).toBe('postal');
  });

  it('takes whether the child must come along as the conditions of the card just answered', async () => {
    const c = citizen('web');
    await c.say('e muốn làm cccd cho con 3 tuổi');
    expect(about(await c.say('bé có phải đi cùng k hay e đi 1 mình dc'))).toMatchObject({ kind: 'answer', entry: 'cap-the-can-cuoc-duoi-6-tuoi', parts: ['conditions'] });
  });

  it('answers a new question that says a whole name, though a word of it is in a listed name ("tử" of "điện tử")', async () => {
    const c = citizen('web');
    expect(about(await c.say('thường trú'))?.kind).toBe('list');
    expect(about(await c.say('đăng ký khai tử ở đâu'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-tu' });
  });

  it('picks from the list by words only one of its entries has', async () => {
    const c = citizen('web');
    await c.say('sổ đỏ');
    expect(about(await c.say('cái cấp lần đầu ấy'))).toMatchObject({ kind: 'answer', entry: 'cap-gcn-lan-dau-ho-gia-dinh-ca-nhan' });
  });

  it.each(['bị mất', 'mat r'])('picks from the open list by "%s", a word only one listed entry has, though alone it finds another entry', async (said) => {
    const c = citizen('web');
    expect(about(await c.say('bằng lái'))?.kind).toBe('list');
    expect(about(await c.say(said))).toMatchObject({ kind: 'answer', entry: 'cap-lai-giay-phep-lai-xe' });
  });

  it('takes a message after an answer that tells the entry staff asked apart from it as asking that one, but a complaint as a complaint', async () => {
    const c = citizen('web');
    expect(about(await c.say('làm lại giấy khai sinh cho má tui'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-lai-khai-sinh' });
    expect(about(await c.say('bản chính mất rồi mà ở xã cũ còn lưu sổ, tui xin bản sao thôi'))).toMatchObject({ kind: 'answer', entry: 'cap-ban-sao-trich-luc-ho-tich' });
    const d = citizen('web');
    await d.say('Đăng ký tạm trú cần những giấy tờ gì vậy ad?');
    const complaint = about(await d.say('Vậy mà công an phường chỗ tui bắt nộp bản photo sổ hộ khẩu của chủ nhà, trong khi sổ đó bỏ lâu rồi. Tui muốn phản ánh vụ này.'));
    expect(complaint?.kind).not.toBe('answer');
  });

  it.each([
    // A remark that finds the topic among others comes back to no topic.
    'để mai tính, giờ đi nhậu đã',
    // Thanks and a long story of the day: "mấy hôm nay" asks nothing.
    'Cảm ơn cháu đã trả lời tận tình. Dạo này trời Hà Nội trở gió, bác bị đau khớp gối nên đi lại hơi khó khăn, mấy hôm nay chỉ ở nhà xem thời sự thôi.',
  ])('after an answer, takes "%s" as small talk', async (remark) => {
    const c = citizen('web');
    await c.say('đăng ký kết hôn cần giấy tờ gì');
    expect(about(await c.say(remark))?.kind).toBe('smalltalk');
  });

  it('reads "không phải …, ý tôi là …" as what was meant instead, never the rejected answer', async () => {
    const c = citizen('web');
    await c.say('mất thẻ căn cước thì làm lại ở đâu');
    const corrected = about(await c.say('không phải mất, ý tôi là thẻ còn nhưng gãy đôi, muốn đổi thẻ mới'));
    const first = corrected?.kind === 'answer' ? corrected.entry : corrected?.kind === 'list' ? corrected.entries[0] : undefined;
    expect(first).toBe('cap-doi-the-can-cuoc');
    expect(JSON.stringify(corrected)).not.toContain('cap-lai-the-can-cuoc');
  });

  it('answers what a correction means when it says much more of that name than of any other', async () => {
    const c = citizen('web');
    await c.say('chứng thực chữ ký thì làm ở đâu');
    const corrected = about(await c.say('Không phải chữ ký đâu, ý tôi là chứng thực hợp đồng bán miếng đất cho đứa cháu'));
    expect(corrected).toMatchObject({ kind: 'answer', entry: 'chung-thuc-hop-dong-giao-dich-nha-dat' });
  });

  it('keeps the topic when the correction says another entry was wrong', async () => {
    const c = citizen('web');
    expect(about(await c.say('Con gái tôi sắp cưới chồng người Úc, cần làm giấy gì ở phường?'))).toMatchObject({ entry: 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai' });
    // The citizen thought the answer was about the single-status paper: the foreign marriage is still meant.
    const corrected = about(await c.say('Không phải giấy độc thân, ý tôi là thủ tục đăng ký kết hôn luôn tại Việt Nam với người Úc.'));
    expect(corrected).toMatchObject({ kind: 'answer', entry: 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai' });
  });

  it.each<[string, string, string, string]>([
    // An age, and a paper the answer lists, are details of the citizen's case, not new topics.
    ['người già không có lương hưu lãnh trợ cấp hưu trí xã hội ở đâu', 'mẹ tôi mới 71 tuổi thì được chưa', 'tro-cap-huu-tri-xa-hoi', 'conditions'],
    ['chứng thực chữ ký giấy ủy quyền ở xã được không', 'phải mang theo giấy tờ gì, hộ chiếu Canada được không', 'chung-thuc-chu-ky', 'documents'],
    // Declared "with VNeID": the app is how, not the topic.
    ['nhà e có khách ở 2 đêm, thông báo lưu trú sao ad', 'khai bang vneid tren dt dc ko', 'thong-bao-luu-tru', 'online'],
    // A thumbprint for a signature is a condition; "một lần" is per time, not the one-off social insurance.
    ['chứng thực chữ ký ở xã được không', 'tui hông biết viết, lăn tay được hông', 'chung-thuc-chu-ky', 'conditions'],
    ['chứng thực chữ ký ở xã được không', 'ton nhieu tien 1 lan', 'chung-thuc-chu-ky', 'fee'],
    // Only the part names an entry ("làm online" names the FAQ on online services): the part of the topic is asked.
    ['làm tài khoản định danh mức 2 ở đâu', 'em ngồi nhà làm online giúp các cô chú được không', 'cap-tai-khoan-dinh-danh-dien-tu-muc-2', 'online'],
  ])('after "%s", "%s" is still about the entry just answered', async (first, detail, entry, part) => {
    const c = citizen('web');
    expect(about(await c.say(first))).toMatchObject({ kind: 'answer', entry });
    expect(about(await c.say(detail))).toMatchObject({ kind: 'answer', entry, parts: [part] });
  });

  it('stays on the topic when the follow-up names nothing, whatever entry its age alone would find', async () => {
    const c = citizen('web');
    await c.say('làm hộ chiếu ở đâu');
    expect(about(await c.say('con tôi 5 tuổi có làm được không'))).toMatchObject({ kind: 'answer', entry: 'cap-ho-chieu-pho-thong' });
  });

  it('stays on the topic when nothing answers the follow-up and the topic speaks of its words', async () => {
    const c = citizen('web');
    await c.say('muốn xin xét hộ cận nghèo');
    expect(about(await c.say('mỗi năm xét mấy lần vậy'))).toMatchObject({ kind: 'answer', entry: 'cong-nhan-ho-ngheo-can-ngheo' });
    // Words the topic never says are another matter, for the hotline.
    expect(about(await c.say('thời tiết mai thế nào'))?.kind).toBe('fallback');
  });

  it.each<[string, string]>([
    // Details of someone's life name no entry: the part is asked of the topic.
    ['vợ tôi còn đang ở cữ, khai trên mạng được không', 'online'],
    ['quê ông ở Nghệ An thì nộp chỗ nào', 'place'],
    ['làm có lâu không, tôi sợ phải đi lại mấy lần', 'time'],
  ])('after an answer, "%s" asks its %s', async (said, part) => {
    const c = citizen('web');
    await c.say('đăng ký khai sinh cho con cần gì');
    expect(about(await c.say(said))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh', parts: [part] });
  });

  it('answers chit-chat before any question with what the bot does', async () => {
    expect(await citizen('web').say('bot tên gì')).toEqual([{ text: TEXTS.smalltalk.chitchat, about: { kind: 'smalltalk' } }]);
  });

  it('keeps the topic through a question nothing answers', async () => {
    const c = citizen('web');
    await c.say('đổi bằng lái xe hết hạn thì cần giấy tờ gì');
    expect(about(await c.say('tối qua MU đá thắng hay thua vậy'))?.kind).toBe('fallback');
    expect(about(await c.say('nộp online được không'))).toMatchObject({ kind: 'answer', entry: 'doi-giay-phep-lai-xe', parts: ['online'] });
  });

  it('answers out of scope as such, even where the topic or an earlier one speaks of its words', async () => {
    const c = citizen('web');
    await c.say('đi làm ở Nhật cần phiếu lý lịch tư pháp thì xin ở đâu');
    expect(about(await c.say('còn mẹ tôi muốn sang Nhật chơi thì xin visa Nhật thế nào'))?.kind).toBe('fallback');
  });

  it('leaves the topic when the part is asked of another entry named by its name', async () => {
    const c = citizen('web');
    await c.say('đăng ký khai sinh cho con cần gì');
    expect(JSON.stringify(about(await c.say('còn làm sổ đỏ thì nộp ở đâu')))).not.toContain('dang-ky-khai-sinh');
  });

  it('never stays on an answer the citizen has just rejected, even when the correction names nothing', async () => {
    const c = citizen('web');
    await c.say('làm hộ chiếu ở đâu');
    expect(JSON.stringify(about(await c.say('không phải, ý tôi là con 5 tuổi')))).not.toContain('cap-ho-chieu-pho-thong');
  });

  it('changes topic when the follow-up names what the last answer does not', async () => {
    const c = citizen('web');
    await c.say('đổi căn cước hết hạn ở đâu');
    expect(about(await c.say('làm căn cước cho cháu 10 tuổi được không'))).toMatchObject({ kind: 'answer', entry: 'cap-the-can-cuoc-duoi-14-tuoi' });
  });

  it('answers what "không phải, ý tôi là …" restates when one entry clearly leads, where a first question would get a list', async () => {
    const c = citizen('web');
    expect(about(await c.say('thủ tục đất đai'))?.kind).toBe('list');
    expect(about(await c.say('không phải, ý tôi là cắt bớt một miếng đất cho nó, tách sổ riêng'))).toMatchObject({ kind: 'answer', entry: 'tach-thua-hop-thua-dat' });
  });

  it('reads a correction that names only how the topic differs with the topic, not as another thing with those words', async () => {
    const c = citizen('web');
    await c.say('cấp đổi thẻ căn cước cần gì ạ');
    // "Mất thẻ … cấp lại" alone finds the lost driving licence; the card's own variant was meant.
    expect(about(await c.say('ơ không phải đổi, mẹ em bị móc túi mất thẻ rồi, cấp lại ấy'))).toMatchObject({ kind: 'answer', entry: 'cap-lai-the-can-cuoc' });
  });

  it.each<[string, string, string]>([
    ['Làm thẻ bảo hiểm y tế cho mẹ em thì sao ạ', 'dạ không, thẻ mẹ em có rồi nhưng in sai năm sinh, em muốn sửa lại', 'cap-lai-doi-so-bhxh-the-bhyt'],
    // Read with the topic's short name ("đổi sổ đỏ"): its long formal title would outweigh the correction.
    ['Cho tôi hỏi cấp đổi sổ đỏ cần hồ sơ gì', 'Xin lỗi tôi nói chưa đúng, sổ của nhà chú tôi bị thất lạc lúc chuyển nhà, không còn sổ để mà đổi', 'cap-lai-giay-chung-nhan-bi-mat'],
    // "Nhầm rồi, …" opens a correction as "không, …" does.
    ['tui muốn hỏi đăng ký kết hôn', 'nhầm rồi, dợ chồng tui cưới mười mấy năm rồi, giấy kết hôn bị cháy, ở xã cũng hông còn sổ', 'dang-ky-lai-ket-hon'],
    // "Vắng" folds to the "vâng" of a reply: only "tạm" was left to name anything, and the topic had it.
    ['e thuê trọ gần chợ, tạm trú hết hạn tháng sau, gia hạn sao ạ', 'à mà e về quê 3 tháng thì có phải khai báo tạm vắng k', 'khai-bao-tam-vang'],
    // The rejected answer set aside, the one entry left is what was meant (not a list of one).
    ['e muon doi bang lai xe may', 'a nham, bang e bi moc tui lay mat r chu ko phai het han', 'cap-lai-giay-phep-lai-xe'],
    // An age said in the correction picks the card of that age.
    ['Mình muốn làm thẻ căn cước cho con gái 12 tuổi', 'Sorry ad, mình nhầm, là cho đứa nhỏ cơ, bé 5 tuổi', 'cap-the-can-cuoc-duoi-6-tuoi'],
    ['chi can lam can cuoc cho be nha chi 4 tuoi', 'ui nham, be 7 tuoi roi, nam nay vo lop 2', 'cap-the-can-cuoc-duoi-14-tuoi'],
    // Only what is done, not to what: the card's re-issue, not the land certificate's whose title says "do bị mất".
    ['Thủ tục cấp thẻ căn cước lần đầu cho người trên 14 tuổi', 'À không phải làm mới mà là làm lại do mất ạ', 'cap-lai-the-can-cuoc'],
    // A licence named, and lost: the licence's re-issue, though the topic's card has "cấp lại" too.
    ['Mình muốn đổi bằng lái xe máy A1, làm sao nhỉ?', 'À không, nói lại cho chính xác: bằng của mình bị mất cùng cái ví tuần trước chứ không phải cũ, vậy là cấp lại đúng không?', 'cap-lai-giay-phep-lai-xe'],
  ])('after "%s", "%s" answers what was meant', async (first, next, meant) => {
    const c = citizen('web');
    await c.say(first);
    expect(about(await c.say(next))).toMatchObject({ kind: 'answer', entry: meant });
  });

  it('takes "để em hỏi mẹ em đã" as small talk that keeps the topic, and "giấy đó có hết hạn không" as asking what the result is worth', async () => {
    const c = citizen('web');
    await c.say('giấy xác nhận tình trạng hôn nhân làm ở đâu');
    expect(about(await c.say('dạ để e hỏi mẹ e đã'))?.kind).toBe('smalltalk');
    const result = await c.say('giay do co het han ko a');
    expect(about(result)).toEqual({ kind: 'answer', entry: 'xac-nhan-tinh-trang-hon-nhan', parts: ['result'] });
    expect(result.map((r) => r.text).join('\n')).toContain('06 tháng');
  });

  it.each<[string, string, string]>([
    // "Hì" names nothing: the paper asked about is one the card may need, not the birth registration.
    ['Làm thẻ căn cước cho con 10 tuổi thì đưa cháu đi đâu làm?', 'hì, thế có cần mang giấy khai sinh của cháu không', 'cap-the-can-cuoc-duoi-14-tuoi'],
    // A correction that asks no part asks what the rejected answer was asked for.
    ['Đăng ký kết hôn cần gì ạ', 'nhầm rồi, chồng sắp cưới của em là người Nhật ạ', 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai'],
  ])('after "%s", "%s" asks the papers of %s', async (first, next, entry) => {
    const c = citizen('web');
    await c.say(first);
    expect(about(await c.say(next))).toEqual({ kind: 'answer', entry, parts: ['documents'] });
  });

  it('stays on the topic when a part is asked in the words of its own name, which other entries have too', async () => {
    const c = citizen('web');
    await c.say('sổ đỏ bị thất lạc thì làm sao');
    expect(about(await c.say('bao lâu thì có sổ mới'))).toMatchObject({ kind: 'answer', entry: 'cap-lai-giay-chung-nhan-bi-mat', parts: ['time'] });
  });

  it('comes back to the topic after an off-topic question when the question, after thanks, asks a part in its words', async () => {
    const c = citizen('web');
    await c.say('Ngày sinh của tôi trong cơ sở dữ liệu dân cư bị sai, muốn điều chỉnh thì làm sao?');
    expect(about(await c.say('Bị ho mấy hôm nay thì uống thuốc gì cho nhanh khỏi?'))?.kind).toBe('fallback');
    expect(about(await c.say('Cảm ơn, thôi để đi khám. Quay lại nhé, cái vụ sửa ngày sinh có mất tiền không?'))).toMatchObject({ kind: 'answer', entry: 'dieu-chinh-thong-tin-csdl-dan-cu', parts: ['fee'] });
  });

  it('comes back to an earlier topic the message names, not the last one, when it asks a part', async () => {
    const c = citizen('web');
    await c.say('Ba em mất hôm qua. Ba đang hưởng trợ cấp bảo trợ xã hội hàng tháng, nghe nói có tiền hỗ trợ mai táng, làm sao để nhận ạ');
    await c.say('còn làm giấy khai tử cho ba thì làm ở đâu ạ');
    expect(about(await c.say('quay lại vụ tiền mai táng lúc nãy, cần những giấy tờ gì ạ'))).toMatchObject({ kind: 'answer', entry: 'ho-tro-chi-phi-mai-tang-bao-tro-xa-hoi', parts: ['documents'] });
  });

  it('stays on the topic when a part is asked in its own words, though an earlier topic shares them', async () => {
    const c = citizen('telegram');
    await c.say('cho hỏi xin giấy phép xây dựng làm sao');
    expect(about(await c.say('à không, nhà có sẵn rồi, chỉ sửa lại cái mái thôi'))).toMatchObject({ kind: 'answer', entry: 'cap-giay-phep-xay-dung-sua-chua-cai-tao' });
    // "Cấp" names both permits; the repair is the topic now, not the new house asked about first.
    expect(about(await c.say('bao lâu thì được cấp'))).toMatchObject({ kind: 'answer', entry: 'cap-giay-phep-xay-dung-sua-chua-cai-tao', parts: ['time'] });
  });

  it('keeps the topic when a paper the citizen has is told while asking about papers', async () => {
    const c = citizen('zalo');
    await c.say('mẹ vợ mình ra ở hẳn với vợ chồng mình, muốn nhập hộ khẩu bà vào nhà mình thì làm thủ tục gì?');
    expect(about(await c.say('hồ sơ cần giấy gì, bà chỉ có mỗi cái căn cước'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-thuong-tru', parts: ['documents'] });
  });

  it('asks whether a vehicle or land is meant by a bare "sang tên", then answers the one said', async () => {
    const c = citizen('zalo');
    expect(about(await c.say('sang ten lam o dau ad'))).toMatchObject({ kind: 'list', entries: ['dang-ky-sang-ten-xe', 'dang-ky-bien-dong-chuyen-nhuong-thua-ke-tang-cho'] });
    expect(about(await c.say('xe may mua lai cua thang ban'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-sang-ten-xe' });
  });

  it('keeps the topic for a detail of the case whose words alone answer another entry by little of its name', async () => {
    const c = citizen('web');
    await c.say('Ông nội em muốn lập di chúc để lại đất cho các con, chứng thực ở xã được không ạ');
    expect(about(await c.say('ông em nằm một chỗ không ra xã được thì sao ạ'))).toMatchObject({ kind: 'answer', entry: 'chung-thuc-di-chuc' });
    expect(about(await c.say('lệ phí bao nhiêu ạ'))).toMatchObject({ kind: 'answer', entry: 'chung-thuc-di-chuc', parts: ['fee'] });
  });

  it('answers the topic for the same asked of someone else ("cũng vậy luôn hả"), whole when it has no conditions written', async () => {
    const c = citizen('zalo');
    await c.say('con tôi học lớp 5, chuyển trường từ Thanh Hóa vào Đắk Lắk cần giấy gì');
    expect(about(await c.say('đứa nhỏ lớp 3 cũng vậy luôn hả'))).toEqual({ kind: 'answer', entry: 'chuyen-truong-hoc-sinh', parts: [] });
  });

  it('answers the same card for the age said when the topic\'s range leaves it out, not the topic\'s conditions', async () => {
    const c = citizen('zalo');
    await c.say('lam can cuoc cho con 10 tuoi o dau');
    expect(about(await c.say('the con trai lon 15 tuoi thi sao'))).toMatchObject({ kind: 'answer', entry: 'cap-the-can-cuoc-tu-du-14-tuoi' });
  });

  it('keeps the topic when a variant of it is found only by a small word of its title ("mất lệ phí" / "đăng ký lại")', async () => {
    const c = citizen('web');
    await c.say('Tụi mình chuẩn bị cưới, đăng ký kết hôn ở đâu ạ?');
    expect(about(await c.say('Có mất lệ phí gì không ạ?'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-ket-hon', parts: ['fee'] });
  });

  it('reads a relative staying a week, with the town said between, as the notice of a stay', async () => {
    const c = citizen('zalo');
    expect(about(await c.say('Cháu nội tôi ở Sài Gòn ra Huế chơi với vợ chồng tôi chừng một tuần, có phải báo công an phường không?'))).toMatchObject({ kind: 'answer', entry: 'thong-bao-luu-tru' });
  });

  it('reads "cái …" as the variant both the message and the topic put first, even where either reading alone lists', async () => {
    const c = citizen('web');
    await c.say('má em làm thất lạc giấy khai sinh rồi, giờ muốn có lại thì làm sao dợ');
    expect(about(await c.say('Dạ cái xin bản sao á, hồi xưa khai sinh ở xã rồi, ông cán bộ nói sổ bộ xã vẫn còn giữ'))).toMatchObject({ kind: 'answer', entry: 'cap-ban-sao-trich-luc-ho-tich' });
  });

  it('reads "chỉ …" after an answer as the variant of the topic it narrows to', async () => {
    const c = citizen('web');
    await c.say('xin giấy phép xây dựng nhà ở thủ tục thế nào');
    expect(about(await c.say('Chỉ sửa lại mái và xây lại bức tường hậu thôi, không phá đi xây mới.'))).toMatchObject({ kind: 'answer', entry: 'cap-giay-phep-xay-dung-sua-chua-cai-tao' });
  });

  it('reads "cái …" after an answer as the variant of the topic it points at', async () => {
    const c = citizen('web');
    await c.say('làm thẻ bảo hiểm y tế ở đâu');
    expect(about(await c.say('cái cấp lại vì làm mất thẻ ấy'))).toMatchObject({ kind: 'answer', entry: 'cap-lai-doi-so-bhxh-the-bhyt' });
  });

  it('reads a message that adds what the topic can be combined with as that combination, unpointed', async () => {
    const c = citizen('web');
    expect(about(await c.say('làm giấy khai sinh cho con'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh' });
    // Alone, the words answer the acknowledgement of paternity; after the birth, the registration combined with it.
    expect(about(await c.say('bố cháu muốn nhận con luôn, để có tên trong giấy'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh-ket-hop-nhan-cha-me-con' });
  });

  it('asks unmarried parents whether the father is to be named, and takes the acknowledgement said as the combined registration listed', async () => {
    const c = citizen('web');
    const list = await c.say('hai đứa em chưa đăng ký kết hôn mà có em bé rồi, làm khai sinh cho bé sao ạ');
    expect(about(list)).toMatchObject({ kind: 'list', entries: ['dang-ky-khai-sinh', 'dang-ky-khai-sinh-ket-hop-nhan-cha-me-con'] });
    expect(text(list)).toMatch(/^Bố mẹ bé chưa đăng ký kết hôn/);
    expect(about(await c.say('anh ấy muốn nhận con luôn'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh-ket-hop-nhan-cha-me-con' });
  });

  it('asks a part of the topic when one question of the message asks it and the rest is a remark nothing answers', async () => {
    const c = citizen('web');
    await c.say('xin phiếu lý lịch tư pháp thế nào');
    expect(about(await c.say('Nộp xong thì bao lâu có? Công ty chốt hạn thứ Sáu tuần này rồi'))).toEqual({ kind: 'answer', entry: 'cap-phieu-ly-lich-tu-phap', parts: ['time'] });
  });

  it('asks the postal part of the topic in the words of the public postal service and an address', async () => {
    const c = citizen('web');
    await c.say('xin phiếu lý lịch tư pháp thế nào');
    expect(about(await c.say('Trường hợp gửi hồ sơ qua dịch vụ bưu chính thì phiếu có được trả về địa chỉ nhà không?'))).toMatchObject({ kind: 'answer', entry: 'cap-phieu-ly-lich-tu-phap', parts: ['postal'] });
  });

  it('stays on the topic when "cái … đó" points back with words of its own names only', async () => {
    const c = citizen('web');
    await c.say('hợp đồng thuê nhà muốn chứng thực ở phường thì phí nhiêu');
    expect(about(await c.say('Cái chứng thực đó mấy ngày xong?'))).toEqual({ kind: 'answer', entry: 'chung-thuc-hop-dong-giao-dich-nha-dat', parts: ['time'] });
  });

  it('answers the conditions of another entry named after "có phải", which is no paper the citizen has', async () => {
    const c = citizen('web');
    await c.say('gia hạn tạm trú làm ở đâu');
    expect(about(await c.say('à mà em về quê 3 tháng thì có phải khai báo tạm vắng không'))).toEqual({ kind: 'answer', entry: 'khai-bao-tam-vang', parts: ['conditions', 'place'] });
  });

  it('leaves the topic when what the citizen has is told before asking whether something else must be done', async () => {
    const c = citizen('web');
    await c.say('mở quán cà phê nhỏ thì đăng ký hộ kinh doanh ở đâu');
    expect(about(await c.say('trên lầu tôi có mấy phòng cho khách du lịch ở qua đêm, có phải báo công an không'))).toMatchObject({ kind: 'answer', entry: 'thong-bao-luu-tru' });
  });

  it('asks a part of the procedure answered before an FAQ, laughs as small talk, and asks who may file for another', async () => {
    const c = citizen('web');
    await c.say('làm bản sao bằng tốt nghiệp từ sổ gốc ở đâu');
    expect(about(await c.say('bỏ cấp huyện rồi thì giờ hồ sơ nộp ở xã hay lên tỉnh'))).toMatchObject({ kind: 'answer', entry: 'chinh-quyen-dia-phuong-hai-cap' });
    // An FAQ has no fee of its own: the part is the copy's.
    expect(about(await c.say('mất tiền không'))).toEqual({ kind: 'answer', entry: 'cap-ban-sao-tu-so-goc', parts: ['fee'] });
    expect(about(await c.say('ha ha già rồi hay quên'))).toEqual({ kind: 'smalltalk' });
    expect(about(await c.say('nhờ em gái đi xin giùm được không'))).toEqual({ kind: 'answer', entry: 'cap-ban-sao-tu-so-goc', parts: ['conditions'] });
  });

  it('answers where to file the topic when an old place is named as the citizen\'s, and what a place is now when asked', async () => {
    const c = citizen('web');
    await c.say('đăng ký hộ kinh doanh ở đâu');
    expect(about(await c.say('em nộp ở phường gần nhà bên Quận 3 cũ được không, hay phải đúng phường chỗ quán?'))).toEqual({ kind: 'answer', entry: 'dang-ky-thanh-lap-ho-kinh-doanh', parts: ['place'] });
    expect(about(await c.say('phường Bến Nghé cũ giờ thuộc phường nào'))).toEqual({ kind: 'place', codes: ['26740'] });
    // Where to file, though the merger is asked of too: the topic's place, and the note tells what the old ward is now.
    const filed = await c.say('tui ở phường 12 Gò Vấp cũ, giờ sáp nhập rồi thì nộp ở đâu');
    expect(about(filed)).toEqual({ kind: 'answer', entry: 'dang-ky-thanh-lap-ho-kinh-doanh', parts: ['place'] });
    expect(filed.map((r) => r.text).join('\n')).toContain('An Hội Tây');
  });

  it('stays on the topic when "có phải xin …" asks whether a paper is needed', async () => {
    const c = citizen('web');
    await c.say('đăng ký kết hôn ở đâu');
    expect(about(await c.say('Cần mang những giấy tờ gì, có phải xin giấy xác nhận độc thân trước không?'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-ket-hon' });
  });

  it('stays on the topic when "cái …" names the topic itself', async () => {
    const c = citizen('web');
    await c.say('làm thẻ bảo hiểm y tế ở đâu');
    expect(about(await c.say('cái thẻ bảo hiểm y tế cho người nhà ấy'))).toMatchObject({ kind: 'answer', entry: 'cap-the-bao-hiem-y-te' });
  });

  it('takes "cảm ơn nhé, để tôi chuẩn bị" after an answer as thanks, not as a question about the papers', async () => {
    const c = citizen('web');
    await c.say('mất thẻ căn cước thì làm lại ở đâu');
    expect(about(await c.say('Cảm ơn nhé, để tôi chuẩn bị'))).toEqual({ kind: 'smalltalk' });
  });

  it('stays on the topic when asked whether to file at offices its own text names', async () => {
    const c = citizen('web');
    expect(about(await c.say('tôi muốn tách thửa đất cho con trai thì làm thế nào'))).toMatchObject({ kind: 'answer', entry: 'tach-thua-hop-thua-dat' });
    expect(about(await c.say('hồ sơ nộp ở đâu, văn phòng đăng ký đất đai hay ủy ban phường'))).toEqual({ kind: 'answer', entry: 'tach-thua-hop-thua-dat', parts: ['place'] });
  });

  it('stays on the foreign marriage when asked how long until the marriage certificate it gives, a paper of the general entry too', async () => {
    const c = citizen('web');
    expect(about(await c.say('con gái tôi muốn đăng ký kết hôn với bạn trai người Đức, làm ở đâu'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai' });
    expect(about(await c.say('nộp xong bao lâu thì có giấy chứng nhận kết hôn?'))).toEqual({ kind: 'answer', entry: 'dang-ky-ket-hon-co-yeu-to-nuoc-ngoai', parts: ['time'] });
  });

  it('stays on the topic when a part is asked in words its own answer says, though an entry offered beside it has them in its name', async () => {
    const c = citizen('web');
    const first = await c.say('làm thủ tục sang tên sổ đỏ cho người mua đất');
    expect(about(first)).toMatchObject({ kind: 'answer', entry: 'dang-ky-bien-dong-chuyen-nhuong-thua-ke-tang-cho' });
    expect(first.flatMap((r) => r.choices ?? []).some((choice) => choice.label.includes('lần đầu'))).toBe(true);
    expect(about(await c.say('mấy ngày thì người ta có sổ'))).toEqual({ kind: 'answer', entry: 'dang-ky-bien-dong-chuyen-nhuong-thua-ke-tang-cho', parts: ['time'] });
  });

  it('reads no place in the entries offered beside an answer: they were never numbered with it ("số 2, cái khai sinh thường thôi")', async () => {
    const c = citizen('web');
    const first = await c.say('đăng ký khai sinh cho con');
    expect(first.flatMap((r) => r.choices ?? []).some((choice) => choice.label.includes('nhận cha, mẹ, con'))).toBe(true);
    expect(about(await c.say('số 2, cái khai sinh thường thôi'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-khai-sinh' });
  });

  it('asks which procedure when a part is asked before any topic, instead of guessing from words like "con"', async () => {
    const c = citizen('web');
    const replies = await c.say('còn lệ phí sao con');
    expect(about(replies)).toEqual({ kind: 'fallback' });
    expect(text(replies)).toBe(TEXTS.whichProcedure(['phí, lệ phí']));
  });

  it('answers the entry whose whole name the parts asked before any topic say ("nộp hồ sơ online trên cổng dịch vụ công")', async () => {
    const c = citizen('web');
    expect(about(await c.say('nộp hồ sơ online trên cổng dịch vụ công thì làm thế nào'))).toMatchObject({ kind: 'answer', entry: 'nop-ho-so-truc-tuyen' });
  });

  it('goes back to an earlier answer of the chat when the message names it again', async () => {
    const c = citizen('web');
    await c.say('đăng ký tạm trú cần giấy tờ gì');
    await c.say('đăng ký khai tử ở đâu');
    expect(about(await c.say('quay lại vụ tạm trú lúc nãy, lệ phí bao nhiêu'))).toEqual({ kind: 'answer', entry: 'dang-ky-tam-tru', parts: ['fee'] });
  });

  it('goes back to the one entry of an earlier list the message names again, and lists again when two compete', async () => {
    const c = citizen('web');
    // The two licences citizens mix up, in the order the lexicon's ask_apart gives them.
    expect(about(await c.say('bằng lái'))).toMatchObject({ kind: 'list', entries: ['doi-giay-phep-lai-xe', 'cap-lai-giay-phep-lai-xe'] });
    await c.say('đăng ký khai tử ở đâu');
    expect(about(await c.say('quay lại vụ đổi bằng lúc nãy'))).toMatchObject({ kind: 'answer', entry: 'doi-giay-phep-lai-xe' });
    // Registering and removing a permanent residence were both listed, and both fit: no guess.
    await c.say('thường trú');
    await c.say('đăng ký khai tử ở đâu');
    expect(about(await c.say('quay lại chuyện thường trú hồi nãy, cần giấy gì'))?.kind).not.toBe('answer');
  });

  it('asks which of two entries citizens mix up was meant, then takes the answer in words, accent-aware', async () => {
    const c = citizen('web');
    expect(about(await c.say('Tiệm tạp hóa của má tôi có đăng ký hộ kinh doanh, giờ má muốn nghỉ bán'))).toMatchObject({
      kind: 'list',
      entries: ['tam-ngung-kinh-doanh-ho-kinh-doanh', 'cham-dut-hoat-dong-ho-kinh-doanh'],
    });
    // "Hẳn" with its marks is not the "hạn" of the pause's "thời hạn": only the closing entry's names say it.
    expect(about(await c.say('Nghỉ luôn, má già rồi, đóng cửa hẳn'))).toMatchObject({ kind: 'answer', entry: 'cham-dut-hoat-dong-ho-kinh-doanh' });
  });

  it('asks two entries citizens mix up apart in the lexicon\'s words, and takes "bị mất rồi" as the lost licence', async () => {
    const c = citizen('web');
    const list = await c.say('làm lại bằng lái xe');
    expect(about(list)).toMatchObject({ kind: 'list', entries: ['doi-giay-phep-lai-xe', 'cap-lai-giay-phep-lai-xe'] });
    expect(text(list)).toMatch(/^Bằng lái của anh\/chị vẫn còn nhưng đã cũ, hết hạn .*, hay đã bị mất\?/);
    expect(about(await c.say('bị mất rồi'))).toMatchObject({ kind: 'answer', entry: 'cap-lai-giay-phep-lai-xe' });
  });

  it('asks a lost birth certificate apart, and takes a place said last that the message\'s own words agree with', async () => {
    const c = citizen('web');
    const list = await c.say('Mẹ tôi giấy khai sinh bị thất lạc mất rồi, giờ muốn có lại thì làm sao?');
    expect(about(list)).toMatchObject({ kind: 'list', entries: ['cap-ban-sao-trich-luc-ho-tich', 'dang-ky-lai-khai-sinh'] });
    expect(text(list)).toMatch(/^Ủy ban nơi đã đăng ký khai sinh trước đây còn lưu sổ hộ tịch không\?/);
    // "Sổ hộ tịch" is a word of the copy's name too: counted alone, the words picked the copy.
    expect(about(await c.say('xã bảo sổ hộ tịch ngày xưa bị cháy rồi, vậy chắc phải đăng ký lại, số 2 đó'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-lai-khai-sinh' });
  });

  it('answers the everyday case and offers its variants to press', async () => {
    const c = citizen('web');
    const replies = await c.say('đăng ký kết hôn');
    expect(about(replies)).toMatchObject({ kind: 'answer', entry: 'dang-ky-ket-hon' });
    expect(text(replies)).toContain('Nếu anh/chị hỏi trường hợp khác');
    expect(about(await c.press('Thủ tục đăng ký lại kết hôn'))).toMatchObject({ kind: 'answer', entry: 'dang-ky-lai-ket-hon' });
  });

  it('answers the first of two questions and offers the second to press', async () => {
    const c = citizen('web');
    const replies = await c.say('Sang tên xe máy làm ở đâu? Với lại bằng lái sắp hết hạn thì đổi thế nào?');
    expect(about(replies)).toEqual({ kind: 'answer', entry: 'dang-ky-sang-ten-xe', parts: ['place'] });
    expect(text(replies)).toContain('Anh/chị còn hỏi về: Đổi giấy phép lái xe');
    expect(about(await c.press('Đổi giấy phép lái xe'))).toMatchObject({ kind: 'answer', entry: 'doi-giay-phep-lai-xe' });
  });

  it('warns of a scam instead of listing procedures, and offers to report it', async () => {
    const c = citizen('web');
    const replies = await c.say('co nguoi goi tu xung cong an bao doc ma otp de cap nhat vneid, co dua khong');
    expect(about(replies)).toEqual({ kind: 'scam' });
    expect(text(replies)).toContain('lừa đảo');
    expect(replies[0]!.choices!.map((choice) => choice.label)).toEqual([TEXTS.complaintChoice]);
  });

  it('warns of a scam even while a list is open whose entry the message names', async () => {
    const c = citizen('web');
    await c.say('sổ đỏ');
    expect(about(await c.say('có người gọi xưng cán bộ, bảo chuyển tiền thì làm sổ đỏ lần đầu nhanh, có thật không'))).toEqual({ kind: 'scam' });
  });

  it('answers the procedure when the citizen only says where they live', async () => {
    const c = citizen('web');
    expect(about(await c.say('đăng ký tạm trú ở Bắc Ninh cần giấy gì ạ'))).toEqual({ kind: 'answer', entry: 'dang-ky-tam-tru', parts: ['documents'] });
  });
});

describe('announcements', () => {
  it('keeps a subscription apart from the expiring session, until cancelled', async () => {
    const c = citizen('telegram');
    await c.say('/thongbao');
    const subscribed = async () => (await store.get('subscribers', `telegram:c${chat}`)) !== undefined;
    expect(await subscribed()).toBe(true);
    await c.say('hủy thông báo');
    expect(await subscribed()).toBe(false);
  });
});

describe('on Zalo (numbered choices)', () => {
  it('keeps one numbered list per turn and maps a typed number to it', async () => {
    const c = citizen('zalo');
    const answer = await c.say('làm thẻ căn cước cho con 10 tuổi cần gì');
    // One list: the parts not shown, then the rating, all answered by number.
    const [list, ...others] = answer.filter((r) => r.choices?.length);
    expect(others).toEqual([]);
    const labels = list!.choices!.map((choice) => choice.label);
    expect(labels.slice(-2)).toEqual(['Hữu ích', 'Chưa hữu ích']);
    expect(list!.text).toContain('Anh/chị nhắn số để xem thêm');
    expect(text(await c.say(String(labels.length - 1)))).toContain('Cảm ơn anh/chị đã đánh giá');
    // The numbers stay with the answer's list: 1 is its first follow-up.
    expect(text(await c.say('1'))).toMatch(new RegExp(`^Cấp thẻ căn cước cho người dưới 14 tuổi\\n\\n${labels[0]}`));
  });

  it('shows the menu on /start, and a typed "4" picks its fourth item', async () => {
    const c = citizen('zalo');
    await c.say('/start');
    expect(text(await c.say('4'))).toContain('Thông tin liên hệ');
  });
});
