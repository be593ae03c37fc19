// Unanswered questions grouped for staff: the same question written differently (marks,
// case, asking words) lands in one group; different topics stay apart; the largest first.
import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/curation/question-groups.ts';
import type { UnansweredQuestion } from '../../src/store/question-log.ts';

let n = 0;
const q = (text: string, why: UnansweredQuestion['why'] = 'fallback', at = 1_000 + n): UnansweredQuestion => ({ id: `q${++n}`, at, text, why, entryId: null });

describe('groupQuestions', () => {
  it('puts the same question, with or without marks and asking words, in one group, the largest group first', () => {
    const groups = groupQuestions([
      q('đăng ký xe máy điện ở đâu'),
      q('cho em hỏi đăng ký xe máy điện ở đâu ạ'),
      q('dang ky xe may dien o dau'),
      q('Đăng ký xe máy điện ở đâu', 'abandoned_list'),
      q('thẻ căn cước bị mất làm lại thế nào', 'not_useful'),
      q('the can cuoc bi mat lam lai the nao'),
      q('giá vàng hôm nay'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([4, 2, 1]);
    expect(groups[0]!.why).toEqual({ fallback: 3, abandoned_list: 1, not_useful: 0 });
    expect(groups[1]!.why).toEqual({ fallback: 1, abandoned_list: 0, not_useful: 1 });
    // Identical texts are counted once, with how often they came.
    expect(groups[0]!.texts[0]).toEqual({ text: 'đăng ký xe máy điện ở đâu', count: 1 });
    expect(groups[0]!.texts).toHaveLength(4);
    expect(groups[2]!.texts).toEqual([{ text: 'giá vàng hôm nay', count: 1 }]);
  });

  it('keeps questions about different things apart even when they share asking words', () => {
    const groups = groupQuestions([q('cho tôi hỏi làm hộ chiếu ở đâu'), q('cho tôi hỏi làm sổ đỏ ở đâu'), q('cho tôi hỏi đăng ký kết hôn ở đâu')]);
    expect(groups).toHaveLength(3);
  });

  it('counts repeated texts once in the list shown, with their count, and keeps every id', () => {
    const groups = groupQuestions([q('xin giấy phép xây dựng'), q('xin giấy phép xây dựng'), q('xin  giấy phép xây dựng ')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.texts).toEqual([{ text: 'xin giấy phép xây dựng', count: 3 }]);
    expect(groups[0]!.ids).toHaveLength(3);
  });
});
