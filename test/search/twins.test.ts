// Twins: the same procedure registered once per level counts as one candidate; portal
// records named for an out-of-scope topic are not turned away; a story around a portal
// record's title is offered as a guess. Small knowledge bases, each case saying why.
import { describe, expect, it } from 'vitest';
import { entryFrom, type Entry } from '../../src/knowledge/entry.ts';
import { EMPTY_LEXICON, lexiconSchema } from '../../src/knowledge/lexicon.ts';
import { NATIONAL_ONLY } from '../../src/knowledge/locality.ts';
import { procedureSchema } from '../../src/knowledge/schema.ts';
import { Engine } from '../../src/search/engine.ts';
import { coreTitle, levelAsked, preferredTwin, twinGroups, twinKey } from '../../src/search/twins.ts';

function entry(id: string, title: string, level = '', origin: 'curated' | 'imported' = 'imported'): Entry {
  const fields = { id, kind: 'procedure', title, level, origin, code: id, sector: 'Thử', sources: [{ title: 't', url: 'https://example.org' }], updated: '2026-01-01', review_by: '2027-01-01' };
  return entryFrom(procedureSchema.parse(fields), '', `${id}.md`);
}

function engineOf(entries: Entry[], lexicon = EMPTY_LEXICON): Engine {
  return new Engine({ entries, lexicon, locality: NATIONAL_ONLY, problems: [] });
}

describe('titles without boilerplate', () => {
  it.each([
    ['Thủ tục đăng ký lại mẫu con dấu (thực hiện tại cấp tỉnh)', 'đăng ký lại mẫu con dấu'],
    ['Cấp thẻ bảo hiểm y tế (cấp tỉnh)', 'cấp thẻ bảo hiểm y tế'],
    ['Cấp lại thẻ căn cước tại Công an cấp tỉnh', 'cấp lại thẻ căn cước'],
    ['Cấp giấy phép nhận chìm ở biển - cấp Trung ương', 'cấp giấy phép nhận chìm ở biển'],
    ['Hỗ trợ phát triển sản xuất cộng đồng.', 'hỗ trợ phát triển sản xuất cộng đồng'],
    // "tại khu vực biên giới" says what the procedure is, not which office handles it.
    ['Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới', 'đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới'],
  ])('%s → %s', (title, core) => {
    expect(coreTitle(title)).toBe(core);
  });

  it('gives level variants one key, and different procedures different keys', () => {
    expect(twinKey('Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)')).toBe(twinKey('Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp trung ương)'));
    expect(twinKey('Cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự')).not.toBe(twinKey('Cấp đổi Giấy chứng nhận đủ điều kiện về an ninh, trật tự'));
  });
});

describe('choosing among twins', () => {
  const province = entry('2.000001', 'Đăng ký lại mẫu con dấu (thực hiện tại cấp tỉnh)', 'Cấp tỉnh');
  const central = entry('1.000001', 'Đăng ký lại mẫu con dấu (thực hiện tại cấp trung ương)', 'Cấp bộ');
  const commune = entry('3.000001', 'Đăng ký lại mẫu con dấu (thực hiện tại cấp xã)', 'Cấp xã');

  it('groups only entries that have twins', () => {
    const groups = twinGroups([province, central, entry('4.000001', 'Đăng ký mẫu con dấu mới')]);
    expect([...groups.keys()].sort()).toEqual(['1.000001', '2.000001']);
  });

  it("answers with the level the message names, else the commune's, else the best ranked", () => {
    expect(levelAsked(['nộp', 'ở', 'sở', 'nào'])).toBe('Cấp tỉnh');
    expect(preferredTwin([central, province, commune], levelAsked(['nộp', 'ở', 'sở']))).toBe(province);
    expect(preferredTwin([central, province, commune], undefined)).toBe(commune);
    expect(preferredTwin([central, province], undefined)).toBe(province);
  });

  it('prefers a curated twin: staff wrote it for this locality', () => {
    const curated = entry('5.000001', 'Đăng ký lại mẫu con dấu', 'Cấp bộ', 'curated');
    expect(preferredTwin([central, curated, commune], levelAsked(['xã']))).toBe(curated);
  });
});

describe('twins in the engine', () => {
  const engine = engineOf([
    entry('2.000001', 'Đăng ký lại mẫu con dấu (thực hiện tại cấp tỉnh)', 'Cấp tỉnh'),
    entry('1.000001', 'Đăng ký lại mẫu con dấu (thực hiện tại cấp trung ương)', 'Cấp bộ'),
    entry('4.000001', 'Đăng ký mẫu con dấu mới'),
    entry('6.000001', 'Cấp giấy phép khai thác khoáng sản'),
  ]);

  it('counts twins as one candidate, so they neither crowd the list nor deny each other a lead', () => {
    const decision = engine.decide('đăng ký lại mẫu con dấu');
    const ids = decision.candidates.map((c) => c.entry.id);
    expect(ids.filter((id) => id === '1.000001' || id === '2.000001')).toHaveLength(1);
    expect(decision.candidates[0]!.twins?.map((e) => e.id)).toHaveLength(1);
    expect(decision.outcome).toBe('answer');
  });

  it('mentions the other levels beside the answer', () => {
    const decision = engine.decide('đăng ký lại mẫu con dấu ở bộ công an');
    expect(decision.candidates[0]!.entry.id).toBe('1.000001');
    expect(engine.alternatives(decision).map((e) => e.id)).toContain('2.000001');
  });
});

describe('out-of-scope topics the national set handles', () => {
  const lexicon = lexiconSchema.parse({ out_of_scope: ['công ty tnhh'] });

  it('answers from a portal record whose name says the topic', () => {
    const engine = engineOf([entry('2.001583', 'Đăng ký thành lập công ty TNHH một thành viên'), entry('1.000001', 'Đăng ký khai sinh')], lexicon);
    expect(engine.decide('thành lập công ty tnhh một thành viên cần gì').outcome).not.toBe('fallback');
  });

  it('still turns the topic away when no entry is named for it', () => {
    const engine = engineOf([entry('1.000001', 'Đăng ký khai sinh'), entry('1.000002', 'Đăng ký thành lập hộ kinh doanh')], lexicon);
    expect(engine.decide('thành lập công ty tnhh cần gì').outcome).toBe('fallback');
  });
});

describe('a story around a portal record’s title', () => {
  it('is offered: the story lowers the coverage, the title is still said', () => {
    const engine = engineOf([
      entry('2.002322', 'Cấp sổ tạm quản hàng hóa'),
      entry('1.000001', 'Tổ chức sự kiện biểu diễn nghệ thuật'),
      entry('1.000002', 'Cấp phép triển lãm ở nước ngoài'),
      entry('1.000003', 'Đăng ký thiết bị âm thanh phát sóng'),
    ]);
    const decision = engine.decide('Công ty tổ chức sự kiện mang thiết bị âm thanh ra nước ngoài triển lãm rồi mang về, cần sổ tạm quản hàng hóa');
    expect(decision.candidates[0]!.coverage).toBeLessThan(0.3);
    expect(decision.candidates[0]!.entry.id).toBe('2.002322');
    expect(decision.outcome).toBe('clarify');
  });
});
