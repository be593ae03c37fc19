// What a citizen is shown must be written for the citizen. Remarks for the staff who maintain a
// file — what the portal's table says, leaves empty or gets wrong ("Cổng ghi "Miễn phí" ở cột
// phí…", "Cổng ghi Cấp bộ", a time "không có đơn vị") — belong in `staff_notes`, which the bot
// never shows. And the first source, shown as "Nguồn: …" when a file has no `portal_url`, must be
// a page a citizen can open and trust, not a GitHub crawl copy (those stay after it).
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { citizenTexts } from './citizen-texts.ts';


/** Sentences about what the portal's page says or leaves out: staff remarks, in any citizen text. */
const STAFF_REMARKS: RegExp[] = [
  /Cổng( Dịch vụ công quốc gia)? (chỉ )?ghi\b/i,
  /Cổng( Dịch vụ công quốc gia)? (hiện |còn |lại |có |chưa |không )(ghi|liệt kê|nêu|nói rõ|để trống)(?!\p{L})/iu,
  /Cổng( Dịch vụ công quốc gia)? chỉ (liệt kê|nêu)(?!\p{L})/iu,
  /ở cột/i,
  /\bcột (phí|thời gian)/i,
  /không (có |ghi )?đơn vị/i,
  /không nói rõ là ngày làm việc/i,
  /"Không có thông tin"/i,
  /trang thủ tục trước đây/i,
];

/**
 * The short facts (level, agency, where to submit, time, fee) state the fact itself; where it
 * comes from is for staff_notes and sources ("Theo Cổng Dịch vụ công quốc gia – 18 ngày…").
 */
const FACT_FIELDS = new Set(['level', 'agency', 'submit.in_person', 'submit.online', 'submit.postal', 'processing_time', 'fee']);
const PORTAL_ATTRIBUTION = /\btheo (chú thích |ghi chú |trình tự )?(trên )?Cổng\b|ghi chú trên Cổng/i;

function remarkIn(field: string, text: string): RegExp | undefined {
  const found = STAFF_REMARKS.find((p) => p.test(text));
  if (found) return found;
  if (FACT_FIELDS.has(field) && PORTAL_ATTRIBUTION.test(text)) return PORTAL_ATTRIBUTION;
  return undefined;
}

function isGitHub(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === 'github.com' || host.endsWith('.github.com') || host.endsWith('githubusercontent.com');
}

describe('citizen-facing fields', async () => {
  const kb = await loadKnowledgeBase(['knowledge']);
  const curated = kb.entries.filter((e) => e.origin !== 'imported');

  it('loads the curated knowledge', () => {
    expect(curated.length).toBeGreaterThan(50);
  });

  it('carry no staff remark about the portal (those go to staff_notes)', () => {
    const found = curated.flatMap((e) =>
      citizenTexts(e).flatMap(([field, text]) => {
        const pattern = text ? remarkIn(field, text) : undefined;
        return pattern ? [`${e.id}.${field} ${pattern}: ${text}`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it('show a trusted page, not a GitHub copy, as the source when there is no portal_url', () => {
    const found = curated
      .filter((e) => !e.portal_url && e.sources.length > 0 && isGitHub(e.sources[0]!.url))
      .map((e) => `${e.id}: ${e.sources[0]!.url}`);
    expect(found).toEqual([]);
  });

  it('the patterns catch the remarks staff used to leave in citizen fields', () => {
    const remarks: [string, string][] = [
      ['fee', 'Cổng Dịch vụ công quốc gia ghi "Miễn phí" ở cột phí, kèm ghi chú thu theo Luật Phí và lệ phí.'],
      ['level', 'Cấp tỉnh và cấp xã (Cổng Dịch vụ công quốc gia ghi Cấp bộ)'],
      ['documents[0]', 'Đơn đề nghị theo mẫu (Cổng ghi tên là "Đề nghị đổi giấy phép lái xe")'],
      ['fee', '50.000 đồng/văn bản (Cổng Dịch vụ công quốc gia ghi như nhau ở cả ba cách nộp)'],
      ['processing_time', 'Theo Cổng Dịch vụ công quốc gia – 18 ngày làm việc (nộp trực tuyến hoặc trực tiếp).'],
      ['processing_time', 'Cổng Dịch vụ công quốc gia ghi thời hạn "1" không có đơn vị.'],
      ['submit.online', 'Cổng Dịch vụ công quốc gia chỉ ghi hình thức nộp trực tiếp cho thủ tục này.'],
      ['submit.online', 'Cổng Dịch vụ công quốc gia có liệt kê hình thức nộp trực tuyến.'],
      ['body', 'Cổng Dịch vụ công quốc gia chưa ghi thời hạn giải quyết cho thủ tục này.'],
      ['processing_time', 'Cổng Dịch vụ công quốc gia hiện ghi "Không có thông tin".'],
    ];
    for (const [field, text] of remarks) expect(remarkIn(field, text), text).toBeDefined();
  });

  it('the patterns let plain references to the portal through', () => {
    const plain: [string, string][] = [
      ['submit.online', 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID'],
      ['steps[0]', 'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia / VNeID'],
      ['documents[0]', 'Tờ khai theo mẫu (nộp trực tuyến thì điền biểu mẫu điện tử trên Cổng)'],
      ['fee', '8.000 đồng, như nhau khi nộp trực tiếp, trực tuyến hoặc qua bưu chính.'],
      ['level', 'Cấp tỉnh và cấp xã'],
    ];
    for (const [field, text] of plain) expect(remarkIn(field, text), text).toBeUndefined();
  });
});
