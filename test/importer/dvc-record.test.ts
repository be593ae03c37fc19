import { describe, expect, it } from 'vitest';
import { parseChannelTable } from '../../src/importer/dvc-channels.ts';
import { addMonths, mapDvcRecord } from '../../src/importer/dvc-record.ts';
import { cleanInline, cleanMultiline } from '../../src/importer/dvc-clean.ts';
import { PORTAL_TEXTS } from '../../src/texts/citizens.ts';
import { extractResult, splitDocuments, splitLegalBasis, splitSteps } from '../../src/importer/dvc-lists.ts';
import { procedureSchema } from '../../src/knowledge/schema.ts';
import { dvcRecord } from './dvc-fixtures.ts';

const TODAY = '2026-11-22';
const IN_PERSON = 'Nộp trực tiếp (theo Cổng Dịch vụ công quốc gia)';
const ONLINE = 'Nộp trực tuyến (theo Cổng Dịch vụ công quốc gia)';
const POSTAL = 'Nộp qua dịch vụ bưu chính (theo Cổng Dịch vụ công quốc gia)';

function mapped(code: string) {
  const result = mapDvcRecord(dvcRecord(code), TODAY);
  if (!result.ok) throw new Error(`${code} skipped: ${result.reason}`);
  return result;
}

function channels(code: string) {
  return parseChannelTable(cleanInline(String(dvcRecord(code).cach_thuc_thuc_hien)));
}

describe('whitespace cleaning', () => {
  it.each([
    ['decomposed (NFD) letters become NFC', 'Thủ tục'.normalize('NFD'), 'Thủ tục'],
    ['runs of spaces collapse', 'Luật Khiếu nại  năm 2011', 'Luật Khiếu nại năm 2011'],
    ['tabs and no-break spaces are spaces', 'Bước\t1:\u00a0Nộp', 'Bước 1: Nộp'],
    ['line breaks become spaces', 'Thẻ\n\ncăn cước', 'Thẻ căn cước'],
    ['ends are trimmed', '  Cấp xã \n', 'Cấp xã'],
    ['zero-width characters are dropped', 'Hộ\u200b tịch\ufeff', 'Hộ tịch'],
    ['Word bullets are spaces', 'Giấy tờ\uf0fcBản sao', 'Giấy tờ Bản sao'],
    ['the placeholder becomes empty', 'Không có thông tin', ''],
    ['a padded placeholder becomes empty', '  Không có thông tin\n', ''],
    ['a placeholder inside text stays', 'Mô tảKhông có thông tin', 'Mô tảKhông có thông tin'],
    ['empty stays empty', '', ''],
  ])('cleanInline: %s', (_, raw, expected) => {
    expect(cleanInline(raw)).toBe(expected);
  });

  it.each([
    ['keeps one line break per paragraph', 'Bước 1: Nộp\n\n\nBước 2: Nhận', 'Bước 1: Nộp\nBước 2: Nhận'],
    ['trims every line', '  + Một  \n\t+ Hai', '+ Một\n+ Hai'],
    ['turns CRLF into LF', 'a\r\nb', 'a\nb'],
    ['collapses spaces inside a line', 'Điều  2,\u00a0 Điều 8', 'Điều 2, Điều 8'],
    ['drops the placeholder', '\nKhông có thông tin\n', ''],
  ])('cleanMultiline: %s', (_, raw, expected) => {
    expect(cleanMultiline(raw)).toBe(expected);
  });
});

describe('channel table (cach_thuc_thuc_hien) on real records', () => {
  it('1.000178: postal and in person, 60 working days, fee cell empty', () => {
    const table = channels('1.000178');
    expect(table.unparsed).toBe(false);
    expect(table.rows.map(({ channel, time, fee }) => ({ channel, time, fee }))).toEqual([
      { channel: 'Dịch vụ bưu chính', time: '60 Ngày làm việc', fee: null },
      { channel: 'Trực tiếp', time: '60 Ngày làm việc', fee: null },
    ]);
    expect(table.rows[0]?.description).toMatch(/^Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày/);
    expect(table.rows[0]?.description).not.toContain('Trực tiếp');

    const { fields } = mapped('1.000178');
    expect(fields.processing_time).toBe('60 Ngày làm việc');
    expect(fields.fee).toBe('');
    expect(fields.submit).toEqual({ in_person: IN_PERSON, online: '', postal: POSTAL });
  });

  it('2.000293: several rows per channel, labelled by channel, unknown cells left out', () => {
    const table = channels('2.000293');
    const abtc = '1,000,000 Việt Nam Đồng (1.000.000đ/thẻ ABTC.)';
    expect(table.rows.map(({ channel, time, fee }) => [channel, time, fee])).toEqual([
      ['Trực tiếp', '21 Ngày', abtc],
      ['Trực tiếp', '5 Ngày làm việc', abtc],
      ['Trực tuyến', '21 Ngày', abtc],
      ['Trực tuyến', '5 Ngày làm việc', abtc],
      ['Dịch vụ bưu chính', '5 Ngày làm việc', null],
      ['Trực tuyến', '21 Ngày', null],
    ]);
    const { fields } = mapped('2.000293');
    expect(fields.processing_time).toBe(
      'Trực tiếp, Trực tuyến: 21 Ngày hoặc 5 Ngày làm việc; Dịch vụ bưu chính: 5 Ngày làm việc',
    );
    expect(fields.fee).toBe(`Trực tiếp, Trực tuyến: ${abtc}`);
  });

  it('1.000757: fees differ by channel; the bracketed note belongs to the fee, not the description', () => {
    const [online, inPerson] = channels('1.000757').rows;
    expect(online).toMatchObject({ channel: 'Trực tuyến', time: '7 Ngày làm việc', fee: 'Miễn phí (Chưa quy định.)' });
    expect(online?.description).toMatch(/^- Thông qua Cổng dịch vụ công quốc gia/);
    expect(inPerson?.channel).toBe('Trực tiếp');
    expect(inPerson?.fee).toMatch(/^70,000 Việt Nam Đồng \(- Cấp lại thẻ căn cước đối với các trường hợp/);

    const { fields } = mapped('1.000757');
    expect(fields.processing_time).toBe('7 Ngày làm việc');
    expect(fields.fee).toMatch(/^Trực tiếp: 70,000 Việt Nam Đồng \(.*\); Trực tuyến: Miễn phí \(Chưa quy định\.\)$/);
    expect(fields.submit).toEqual({ in_person: IN_PERSON, online: ONLINE, postal: '' });
  });

  it('1.001193: a time without unit is kept as written and flagged', () => {
    expect(channels('1.001193').rows.map((row) => row.time)).toEqual(['1', '1', '1']);
    const { fields } = mapped('1.001193');
    expect(fields.processing_time).toBe('1 (Cổng không ghi đơn vị)');
    expect(fields.fee).toBe('Miễn phí');
    expect(fields.submit).toEqual({ in_person: IN_PERSON, online: ONLINE, postal: POSTAL });
  });

  it('1.006429: "120 VNĐ" cannot be split into time and fee, so both stay empty and are reported', () => {
    const table = channels('1.006429');
    expect(table.rows).toEqual([{ channel: 'Trực tuyến', time: null, fee: null, description: '' }]);
    expect(table.unparsed).toBe(true);
    const result = mapped('1.006429');
    expect(result.fields.processing_time).toBe('');
    expect(result.fields.fee).toBe('');
    expect(result.fields.submit.online).toBe(ONLINE);
    expect(result.unparsed).toEqual(['processing_time', 'fee']);
  });

  it('1.008312: a time written as words is kept', () => {
    expect(channels('1.008312').rows.map((row) => [row.channel, row.time, row.fee])).toEqual([
      ['Trực tuyến', 'Không quy định', 'Miễn phí'],
      ['Dịch vụ bưu chính', 'Không quy định', 'Miễn phí'],
      ['Trực tiếp', 'Không quy định', 'Miễn phí'],
    ]);
    expect(mapped('1.008312').fields.processing_time).toBe('Không quy định');
  });

  it('3.000337: a table the crawler cut at "Căn cứ pháp lý" is glued back; the legal basis is unknown', () => {
    const result = mapped('3.000337');
    expect(result.fields.processing_time).toBe('1 Ngày');
    expect(result.fields.fee).toBe(
      '100 VNĐ (Căn cứ pháp lý: Thông tư 269/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính quy định mức thu, ' +
        'chế độ thu, nộp, quản lý và sử dụng phí và lệ phí thuộc lĩnh vực an toàn thông tin.)',
    );
    expect(result.fields.submit).toEqual({ in_person: IN_PERSON, online: ONLINE, postal: POSTAL });
    expect(result.fields.legal_basis).toEqual([]);
    expect(result.unparsed).toEqual(['legal_basis']);
  });
});

describe('mapDvcRecord', () => {
  it('maps 1.000178 to a procedure entry that passes the schema', () => {
    const result = mapped('1.000178');
    expect(result.code).toBe('1.000178');
    expect(result.fields).toMatchObject({
      id: '1.000178',
      kind: 'procedure',
      code: '1.000178',
      origin: 'imported',
      sector: 'Khiếu nại, tố cáo',
      level: 'Cấp bộ',
      agency: 'Thanh tra Bộ',
      result: 'Quyết định giải quyết khiếu nại lần 1, lần 2',
      portal_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc1-768b-9ba3-94be4bca58ee',
      sources: [
        {
          title: 'Cổng Dịch vụ công quốc gia – 1.000178',
          url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc1-768b-9ba3-94be4bca58ee',
        },
      ],
      updated: '2026-11-22',
      review_by: '2027-05-22',
      aliases: [],
      questions: [],
      summary: '',
    });
    expect(result.fields.title).toMatch(/^Giải quyết khiếu nại về quyết định hành chính/);
    expect(result.fields.conditions).toMatch(/^Đảm bảo đúng quy định tại Điều 2, Điều 8 và Điều 11 Luật khiếu nại, cụ thể là:\n\+ Người/);
    expect(procedureSchema.safeParse(result.fields).success).toBe(true);
  });

  it('splits the documents table on its count cells and keeps non-zero counts', () => {
    expect(mapped('1.000178').fields.documents).toEqual([
      'Tài liệu, chứng cứ do các bên cung cấp (1 bản chính)',
      'Quyết định giải quyết khiếu nại (1 bản chính)',
      'Báo cáo kết quả xác minh nội dung khiếu nại (1 bản chính)',
      'Thông báo thụ lý khiếu nại (1 bản chính)',
      'Các tài liệu khác có liên quan (1 bản chính)',
      'Biên bản tổ chức đối thoại (nếu có) (1 bản chính)',
      'Biên bản kiểm tra, xác minh, kết luận, kết quả giám định (nếu có) (1 bản chính)',
      'Đơn khiếu nại hoặc bản ghi nội dung khiếu nại (1 bản chính)',
    ]);
  });

  it('keeps a section label between two documents tables as its own line ("0 bản chính" is dropped)', () => {
    const documents = mapped('1.007664').fields.documents;
    expect(documents[0]).toBe('Ngoài hồ sơ miễn thuế nêu trên, tùy từng trường hợp người nộp thuế phải nộp thêm');
    expect(documents[1]).toMatch(/^Giấy phép lao động hoặc văn bản có giá trị tương đương .* \(1 bản sao\)$/);
    expect(documents.at(-1)).toBe('Hồ sơ hải quan theo quy định của pháp luật hải quan. (1 bản chính)');
    expect(documents.join('\n')).not.toMatch(/Tên giấy tờ|Số lượng|0 bản chính/);
  });

  it('drops a form file name glued to a document name', () => {
    expect(mapped('1.000823').fields.documents[0]).toBe(
      'Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08 quy định tại Phụ lục II ban hành kèm theo ' +
        'Nghị định số 121/2021/NĐ-CP ngày 27/12/2021 (1 bản chính)',
    );
  });

  it('splits the legal-basis table into one line per document', () => {
    expect(mapped('1.000178').fields.legal_basis).toEqual([
      'Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công tác giải quyết ' +
        'khiếu nại trong công an nhân dân (68/2013/TT-BCA)',
      'Luật Khiếu nại năm 2011 (02/2011/QH13)',
      'Quy định quy trình giải quyết khiếu nại trong công an nhân dân (11/2015/TT-BCA)',
      'Nghị định 05/2012/NĐ-CP',
    ]);
    expect(mapped('2.000293').fields.legal_basis).toEqual([
      'Luật 49/2019/QH14',
      'QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, ' +
        'QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM (25/2021/TT-BTC)',
      'Quyết định số 09/2023/QĐ-TTg',
    ]);
  });

  it('splits steps on "Bước N" and joins a step heading to its text', () => {
    const steps = mapped('1.000178').fields.steps;
    expect(steps.map((step) => step.slice(0, 40))).toEqual([
      'Bước 1: Thụ lý giải quyết khiếu nại. Nếu',
      'Bước 2: Kiểm tra lại quyết định hành chí',
      'Bước 3: Xác minh nội dung khiếu nại. Tro',
      'Bước 4: Tổ chức đối thoại. Thủ trưởng có',
      'Bước 5: Ra quyết định giải quyết khiếu n',
    ]);
    expect(steps.every((step) => step.length <= 500)).toBe(true);
    // "a) Bước 1: …\nb) Bước 2: …" must not leave "a)"/"b)" behind as steps or tails.
    expect(mapped('1.014208').fields.steps.map((step) => step.slice(0, 7))).toEqual(['Bước 1:', 'Bước 2:', 'Bước 3:', 'Bước 4:']);
  });

  it('keeps every result name and drops the result codes and page chrome', () => {
    expect(mapped('1.012575').fields.result).toBe('Giấy chứng nhận đăng ký xe; Biển số xe');
    expect(mapped('1.014966').fields.result).toBe(
      'Quyết định cấp lại chứng chỉ hành nghề Quản tài viên; Chứng chỉ hành nghề Quản tài viên',
    );
  });

  it('falls back to "Chưa phân loại" without a sector', () => {
    const result = mapDvcRecord({ ...dvcRecord('1.000178'), linh_vuc: 'Không có thông tin' }, TODAY);
    expect(result.ok && result.fields.sector).toBe('Chưa phân loại');
  });

  it.each([
    ['no code', { ma_thu_tuc: '' }, undefined, /thiếu mã thủ tục/],
    ['a code of the wrong form', { ma_thu_tuc: '1.00119' }, '1.00119', /không đúng dạng 1\.001193/],
    ['no name', { ten_thu_tuc: '  Không có thông tin ' }, '1.000178', /thiếu tên thủ tục/],
    ['a number where text belongs', { ten_thu_tuc: 42 }, undefined, /ten_thu_tuc: Expected string, received number/],
    ['a portal URL the schema rejects', { detail_url: 'trang thủ tục' }, '1.000178', /sources\.0\.url: không phải đường dẫn hợp lệ/],
  ])('skips a record with %s, saying why', (_, change, code, reason) => {
    const result = mapDvcRecord({ ...dvcRecord('1.000178'), ...change }, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(reason);
  });

  it('skips a JSON value that is not an object', () => {
    expect(mapDvcRecord([1, 2], TODAY)).toEqual({ ok: false, reason: 'không phải bản ghi của Cổng Dịch vụ công quốc gia (not a portal record): (bản ghi): Expected object, received array' });
  });
});

describe('list splitting details', () => {
  it('takes a single-digit count after a year glued to it', () => {
    expect(splitDocuments('Tờ khai theo Nghị định số 70/2024/NĐ-CP ngày 25/6/20241 bản chínhẢnh 4x6 cm2 bản chính')).toEqual([
      'Tờ khai theo Nghị định số 70/2024/NĐ-CP ngày 25/6/2024 (1 bản chính)',
      'Ảnh 4x6 cm (2 bản chính)',
    ]);
  });

  it('caps long lists and says the rest is on the portal', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Giấy tờ số ${i + 1}1 bản chính`).join('');
    const documents = splitDocuments(text);
    expect(documents).toHaveLength(31);
    expect(documents[29]).toBe('Giấy tờ số 30 (1 bản chính)');
    expect(documents[30]).toBe(PORTAL_TEXTS.moreOnPortal);
    const [step] = splitSteps(`Bước 1: ${'rất dài '.repeat(100)}`);
    expect(step?.length).toBeLessThanOrEqual(500);
    expect(step).toMatch(/^Bước 1: rất dài .*dài…$/);
  });

  it('does not start a step at a reference to another step', () => {
    expect(splitSteps('Bước 1: Nộp hồ sơ.\nBước 2: Trong thời hạn quy định tại Bước 1, cơ quan trả lời.')).toEqual([
      'Bước 1: Nộp hồ sơ.',
      'Bước 2: Trong thời hạn quy định tại Bước 1, cơ quan trả lời.',
    ]);
  });

  it('without step numbers, one step per paragraph, bullets removed', () => {
    expect(splitSteps('- Nộp hồ sơ\n+ Nhận kết quả\na)\nTrả lời')).toEqual(['Nộp hồ sơ', 'Nhận kết quả', 'a) Trả lời']);
  });

  it('reads nothing from a legal basis without its table header', () => {
    expect(splitLegalBasis('Không có thông tinCơ quan thực hiện Tòa án')).toEqual([]);
  });

  it('takes the text before "Từ khóa" when a result has no code', () => {
    expect(extractResult('Quyết định hành chínhTừ khóaKhông có thông tinMô tảKhông có thông tin')).toBe('Quyết định hành chính');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-11-22', 6, '2027-05-22'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => addMonths('22/11/2026', 6)).toThrow(/YYYY-MM-DD/);
  });
});
