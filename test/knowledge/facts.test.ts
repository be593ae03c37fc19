// Facts checked against their legal source (fact-check of 2026-12-04). Each row names the
// entry, the field, the key figures the field must contain and the unit that must go with
// them, and where the figure comes from. A failing row means someone changed a fee or a
// time limit: check the source before changing the table.
//
// Also: no field a citizen sees may carry a staff remark about the portal ("không ghi đơn
// vị") or name a district body as the one handling a procedure now (no districts since
// 1/7/2025).
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { citizenTexts } from './citizen-texts.ts';

interface Fact {
  id: string;
  field: 'fee' | 'processing_time';
  /** Key figures the field must contain (e.g. '15.000'). */
  contains: string[];
  /** The unit that must be written with the figures. */
  unit: RegExp;
  /** Law or circular and article the figures come from. */
  source: string;
}

const DONG = /đồng/;
const WORKING_DAYS = /ngày làm việc/;

const FACTS: Fact[] = [
  // Cư trú: lệ phí theo biểu mức thu Thông tư 75/2022/TT-BTC.
  { id: 'dang-ky-tam-tru', field: 'fee', contains: ['15.000', '7.000', '10.000', '5.000'], unit: DONG, source: 'Thông tư 75/2022/TT-BTC, biểu mức thu (tạm trú; theo danh sách)' },
  { id: 'gia-han-tam-tru', field: 'fee', contains: ['15.000', '7.000', '10.000', '5.000'], unit: DONG, source: 'Thông tư 75/2022/TT-BTC, biểu mức thu (gia hạn tạm trú; theo danh sách)' },
  { id: 'dang-ky-thuong-tru', field: 'fee', contains: ['20.000', '10.000'], unit: DONG, source: 'Thông tư 75/2022/TT-BTC, biểu mức thu (thường trú)' },
  { id: 'tach-ho', field: 'fee', contains: ['10.000', '5.000'], unit: DONG, source: 'Thông tư 75/2022/TT-BTC, biểu mức thu (tách hộ)' },
  { id: 'xoa-dang-ky-thuong-tru', field: 'fee', contains: ['Không thu lệ phí'], unit: /lệ phí/, source: 'Thông tư 75/2022/TT-BTC: không có trong biểu mức thu' },
  { id: 'khai-bao-tam-vang', field: 'fee', contains: ['Không thu lệ phí'], unit: /lệ phí/, source: 'Thông tư 75/2022/TT-BTC: không có trong biểu mức thu' },
  { id: 'thong-bao-luu-tru', field: 'fee', contains: ['Không thu lệ phí'], unit: /lệ phí/, source: 'Thông tư 75/2022/TT-BTC: không có trong biểu mức thu' },
  { id: 'dang-ky-tam-tru', field: 'processing_time', contains: ['3'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.004194 (3 Ngày làm việc)' },
  { id: 'gia-han-tam-tru', field: 'processing_time', contains: ['3'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.002755 (3 Ngày làm việc)' },
  { id: 'dang-ky-thuong-tru', field: 'processing_time', contains: ['7'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.004222 (7 Ngày làm việc)' },
  { id: 'xoa-dang-ky-thuong-tru', field: 'processing_time', contains: ['5'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.003197 (5 Ngày làm việc)' },
  // Căn cước: cấp lần đầu không thu lệ phí (Thông tư 73/2024/TT-BTC chỉ thu cấp đổi, cấp lại).
  { id: 'cap-the-can-cuoc-tu-du-14-tuoi', field: 'fee', contains: ['Không thu lệ phí'], unit: /lệ phí/, source: 'Thông tư 73/2024/TT-BTC (lệ phí chỉ khi cấp đổi, cấp lại)' },
  { id: 'cap-the-can-cuoc-duoi-14-tuoi', field: 'fee', contains: ['Không thu lệ phí'], unit: /lệ phí/, source: 'Thông tư 73/2024/TT-BTC (lệ phí chỉ khi cấp đổi, cấp lại)' },
  // Hộ tịch: thời hạn theo Luật Hộ tịch 2014 và Nghị định 123/2015/NĐ-CP.
  { id: 'dang-ky-ket-hon', field: 'processing_time', contains: ['trong ngày', '05'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, khoản 2 Điều 18' },
  { id: 'xac-nhan-tinh-trang-hon-nhan', field: 'processing_time', contains: ['03'], unit: WORKING_DAYS, source: 'Nghị định 123/2015/NĐ-CP, khoản 2 Điều 22' },
  { id: 'dang-ky-lai-khai-sinh', field: 'processing_time', contains: ['05'], unit: WORKING_DAYS, source: 'Nghị định 123/2015/NĐ-CP, Điều 26' },
  { id: 'dang-ky-lai-ket-hon', field: 'processing_time', contains: ['05'], unit: WORKING_DAYS, source: 'Nghị định 123/2015/NĐ-CP, Điều 27' },
  { id: 'dang-ky-nhan-cha-me-con', field: 'processing_time', contains: ['03', '05'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, khoản 2 Điều 25' },
  { id: 'dang-ky-khai-sinh-ket-hop-nhan-cha-me-con', field: 'processing_time', contains: ['03', '05'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, khoản 2 Điều 25' },
  { id: 'thay-doi-cai-chinh-bo-sung-ho-tich', field: 'processing_time', contains: ['03', 'ngay trong ngày'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, Điều 28 và Điều 29' },
  { id: 'dang-ky-khai-tu', field: 'processing_time', contains: ['ngay trong ngày', '15 giờ'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, Điều 33; trình tự trên Cổng DVCQG 1.000656' },
  { id: 'dang-ky-khai-sinh-co-yeu-to-nuoc-ngoai', field: 'processing_time', contains: ['ngay trong ngày', '15 giờ'], unit: WORKING_DAYS, source: 'Luật Hộ tịch 2014, Điều 36; trình tự trên Cổng DVCQG 2.000528' },
  // Lý lịch tư pháp: Điều 48 Luật Lý lịch tư pháp (hỏi đáp Bộ Tư pháp); phí theo Thông tư 16/2025/TT-BTC.
  { id: 'cap-phieu-ly-lich-tu-phap', field: 'processing_time', contains: ['10', '15'], unit: WORKING_DAYS, source: 'Luật Lý lịch tư pháp, Điều 48' },
  { id: 'cap-phieu-ly-lich-tu-phap', field: 'fee', contains: ['16/2025/TT-BTC'], unit: /phí/, source: 'Thông tư 16/2025/TT-BTC (thay Thông tư 244/2016/TT-BTC)' },
  // Bảo hiểm: thẻ BHYT 05 ngày làm việc (Nghị định 188/2025/NĐ-CP, trang Cổng 1.014137).
  { id: 'cap-the-bao-hiem-y-te', field: 'processing_time', contains: ['05'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.014137, Nghị định 188/2025/NĐ-CP' },
  { id: 'huong-bhxh-mot-lan', field: 'processing_time', contains: ['5'], unit: WORKING_DAYS, source: 'Cổng DVCQG 1.001613 (5 Ngày làm việc)' },
];


/** A district body named as the one that receives or decides a procedure. */
const DISTRICT_BODY = /(UBND|Ủy ban nhân dân|Phòng [^.,;()]{0,40}|Công an|Chi cục [^.,;()]{0,40}) (cấp )?(huyện|quận)\b/iu;
const HANDLER_FIELDS = new Set(['level', 'agency', 'submit.in_person', 'submit.online', 'submit.postal', 'processing_time', 'fee', 'result']);

describe('facts checked against the law', async () => {
  const kb = await loadKnowledgeBase(['knowledge']);
  const byId = new Map(kb.entries.map((e) => [e.id, e]));

  it.each(FACTS.map((f) => [`${f.id} ${f.field} (${f.source})`, f] as const))('%s', (_name, fact) => {
    const entry = byId.get(fact.id);
    expect(entry, fact.id).toBeDefined();
    const value = entry![fact.field];
    for (const figure of fact.contains) expect(value, `${fact.id}.${fact.field}`).toContain(figure);
    expect(value, `${fact.id}.${fact.field} unit`).toMatch(fact.unit);
  });

  it('keeps staff remarks about the portal out of what citizens see', () => {
    const found = kb.entries.flatMap((e) =>
      citizenTexts(e)
        .filter(([, text]) => /không ghi đơn vị/i.test(text))
        .map(([field]) => `${e.id}.${field}`),
    );
    expect(found).toEqual([]);
  });

  it('names no district body as the one handling a procedure now', () => {
    const found = kb.entries.flatMap((e) =>
      citizenTexts(e)
        .filter(([field, text]) => (HANDLER_FIELDS.has(field) || field.startsWith('steps')) && DISTRICT_BODY.test(text))
        .map(([field, text]) => `${e.id}.${field}: ${text}`),
    );
    expect(found).toEqual([]);
  });

  it('the district pattern catches the usual spellings', () => {
    for (const text of ['Ủy ban nhân dân cấp huyện', 'UBND huyện', 'Phòng Tư pháp cấp huyện', 'Phòng Tài nguyên và Môi trường huyện', 'Công an cấp huyện']) {
      expect(text).toMatch(DISTRICT_BODY);
    }
    expect('Công an cấp xã').not.toMatch(DISTRICT_BODY);
  });
});
