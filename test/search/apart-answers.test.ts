// Replies to the question the bot asks of two entries citizens mix up (lexicon ask_apart answers),
// read with the project's lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/knowledge/lexicon.ts';
import { ApartAnswers } from '../../src/search/apart-answers.ts';

let answers: ApartAnswers;
beforeAll(async () => {
  const lexicon = await loadLexicon('knowledge/lexicon.yaml', []);
  answers = new ApartAnswers(lexicon!.ask_apart);
});

const COPY_OR_AGAIN = ['cap-ban-sao-trich-luc-ho-tich', 'dang-ky-lai-khai-sinh'];
const RESIDENCE = ['dang-ky-thuong-tru', 'dang-ky-tam-tru'];
const LICENCE = ['doi-giay-phep-lai-xe', 'cap-lai-giay-phep-lai-xe'];
const LAND_BOOK = ['cap-doi-giay-chung-nhan-so-do', 'cap-lai-giay-chung-nhan-bi-mat'];

describe('a reply to the question asked of two entries', () => {
  it.each([
    // The situation, in the question's words: the registry kept its book.
    ['Ủy ban chỗ má sinh ra vẫn còn lưu sổ, chỉ cần xin bản sao thôi', COPY_OR_AGAIN, 'cap-ban-sao-trich-luc-ho-tich'],
    ['sổ ở xã cũng cháy hết rồi', COPY_OR_AGAIN, 'dang-ky-lai-khai-sinh'],
    // "Không còn" is a phrase of its own, not a denied "còn".
    ['dạ xã nói không còn sổ nữa', COPY_OR_AGAIN, 'dang-ky-lai-khai-sinh'],
    // A denial tells the other one: "ko phai o tam", unaccented.
    ['e o luon luon a, nha ck ma, ko phai o tam', RESIDENCE, 'dang-ky-thuong-tru'],
    ['không phải ở luôn đâu, em ở vài tháng thôi', RESIDENCE, 'dang-ky-tam-tru'],
    ['hông có mất, tại nó cũ quá', LICENCE, 'doi-giay-phep-lai-xe'],
    // Worn and eaten by termites tells the exchange, though a corner was "lost" ("mối ăn mất 1 góc"); "mới" is no "mối".
    ['so con do ma cu qua, bi moi an mat 1 goc', LAND_BOOK, 'cap-doi-giay-chung-nhan-so-do'],
    ['mat so roi, tim hoai ko thay', LAND_BOOK, 'cap-lai-giay-chung-nhan-bi-mat'],
    // The list in the other order tells the same entry.
    ['bị móc túi mất rồi', [...LICENCE].reverse(), 'cap-lai-giay-phep-lai-xe'],
    // One side said twice as often: "xây mới" under a denial too far back to read.
    ['chỉ sửa thôi, thay mái tôn với làm lại cái bếp, hông có đập nhà xây mới', ['cap-giay-phep-xay-dung-nha-o-rieng-le', 'cap-giay-phep-xay-dung-sua-chua-cai-tao'], 'cap-giay-phep-xay-dung-sua-chua-cai-tao'],
  ])('"%s" tells one of %j: %s', (reply, listed, told) => {
    expect(answers.told(reply, listed)).toBe(told);
  });

  it.each([
    // Both told, or neither: the list stays.
    ['mất rồi mà cũng hết hạn lâu rồi', LICENCE],
    ['lệ phí bao nhiêu vậy', LICENCE],
    // "roi" typed bare is "rồi" far more often than "rơi", "hong" is "không": no answer is a bare word like them.
    ['xong roi gui qua buu dien ve nha dc hong', LICENCE],
    // Three listed, or two that staff did not ask apart.
    ['bị mất rồi', [...LICENCE, 'cap-lai-the-can-cuoc']],
    ['bị mất rồi', ['cap-lai-giay-phep-lai-xe', 'cap-lai-the-can-cuoc']],
  ])('"%s" tells none of %j', (reply, listed) => {
    expect(answers.told(reply, listed)).toBeUndefined();
  });
});
