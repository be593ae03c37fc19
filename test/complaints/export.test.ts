import { describe, expect, it } from 'vitest';
import { ERASED, erasePersonalData, type Complaint } from '../../src/complaints/complaint.ts';
import { complaintsToCsv as csvPieces, complaintsToJson as jsonPieces, csvCell, readable, toExported } from '../../src/complaints/export.ts';
import { ERASED_TEXT } from '../../src/texts/staff.ts';
import { vietnamIso, vietnamTime } from '../../src/kernel/vietnam-time.ts';

/** The whole export as one string (the exports are written a piece at a time). */
async function whole(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}
const complaintsToCsv = (complaints: Complaint[]) => whole(csvPieces(complaints));
const complaintsToJson = (complaints: Complaint[]) => whole(jsonPieces(complaints));

// 2026-12-01 09:30 in Vietnam.
const RECEIVED = Date.UTC(2026, 11, 1, 2, 30);
const HOUR = 3600_000;

const answered: Complaint = {
  code: 'PA-7KQ3-M9X',
  address: { channel: 'zalo', chatId: 'u1' },
  text: 'Hồ sơ trễ hẹn, "không ai" trả lời,\nđã hỏi ba lần',
  subject: 'Đăng ký đất đai',
  phone: '0912345678',
  consentAt: RECEIVED - 60_000,
  createdAt: RECEIVED,
  dueDate: '2026-12-15',
  status: 'closed',
  assignee: 'lan',
  answer: 'Đã liên hệ bộ phận đất đai.',
  deliveries: {},
  history: [
    { at: RECEIVED, by: 'citizen', action: 'receive' },
    { at: RECEIVED + HOUR, by: 'lan', action: 'claim' },
    { at: RECEIVED + 2 * HOUR, by: 'lan', action: 'answer', note: 'Đã liên hệ bộ phận đất đai.' },
    { at: RECEIVED + 26 * HOUR, by: 'lan', action: 'close' },
  ],
};

const fresh: Complaint = {
  code: 'PA-4DEF-9AC',
  address: { channel: 'web', chatId: 'w1' },
  text: '=HYPERLINK("http://evil")',
  createdAt: RECEIVED + 3 * HOUR,
  dueDate: '2026-12-15',
  status: 'received',
  deliveries: {},
  history: [{ at: RECEIVED + 3 * HOUR, by: 'citizen', action: 'receive' }],
};

describe('times in Vietnam', () => {
  it.each([
    [Date.UTC(2026, 11, 1, 2, 30), '2026-12-01 09:30', '2026-12-01T09:30:00+07:00'],
    [Date.UTC(2026, 11, 31, 17, 5), '2027-01-01 00:05', '2027-01-01T00:05:00+07:00'],
  ])('%i → %s', (ms, shown, iso) => {
    expect(vietnamTime(ms)).toBe(shown);
    expect(vietnamIso(ms)).toBe(iso);
  });
});

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['Tiếng Việt có dấu', 'Tiếng Việt có dấu'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['', ''],
    // Formula injection: a spreadsheet must show these as text, never run them.
    ['=1+1', "'=1+1"],
    ['+84912345678', "'+84912345678"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('CSV export', async () => {
  const csv = await complaintsToCsv([answered, fresh]);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has a Vietnamese header row', () => {
    expect(lines[0]).toBe(
      'Mã phản ánh,Ngày tiếp nhận,Hạn trả lời,Trạng thái,Kênh,Cơ quan/thủ tục,Nội dung,Số điện thoại,Đồng ý xử lý dữ liệu cá nhân lúc,Người xử lý,Trả lời,Lý do chuyển/không tiếp nhận,Ngày trả lời,Ngày đóng,Đã xóa dữ liệu cá nhân lúc',
    );
  });

  it('writes one row per complaint, quoted, in Vietnam time, with answer and close dates', () => {
    expect(csv).toContain(
      'PA-7KQ3-M9X,2026-12-01 09:30,2026-12-15,Đã đóng,Zalo,Đăng ký đất đai,"Hồ sơ trễ hẹn, ""không ai"" trả lời,\nđã hỏi ba lần",0912345678,2026-12-01 09:29,lan,Đã liên hệ bộ phận đất đai.,,2026-12-01 11:30,2026-12-02 11:30,\r\n',
    );
    expect(csv).toContain(`PA-4DEF-9AC,2026-12-01 12:30,2026-12-15,Đã tiếp nhận,Web,,"'=HYPERLINK(""http://evil"")",,,,,,,,\r\n`);
  });

  it('shows an erased complaint without its personal data, with when it was erased', async () => {
    const erased = await complaintsToCsv([erasePersonalData(answered, 'lan', RECEIVED + 48 * HOUR)]);
    expect(erased).not.toContain('0912345678');
    expect(erased).not.toContain('trễ hẹn');
    expect(erased).toContain('PA-7KQ3-M9X,2026-12-01 09:30,2026-12-15,Đã đóng,Zalo,Đăng ký đất đai,[đã xóa theo yêu cầu],,');
    expect(erased.trimEnd().endsWith(',2026-12-03 09:30')).toBe(true);
  });

  it('keeps a code in the erased record and shows its words; a record erased before the code shows as stored', () => {
    const erased = erasePersonalData(answered, 'lan', RECEIVED + 48 * HOUR);
    expect(erased.text).toBe(ERASED);
    expect(toExported(erased)).toMatchObject({ text: ERASED_TEXT, answer: ERASED_TEXT });
    const legacy = { ...erased, text: '[đã xóa theo yêu cầu]', answer: '[đã xóa theo yêu cầu]' };
    expect(toExported(legacy)).toMatchObject({ text: '[đã xóa theo yêu cầu]', answer: '[đã xóa theo yêu cầu]' });
    expect(readable('Đường bị ngập')).toBe('Đường bị ngập');
  });

  it('is only the header for no complaints', async () => {
    expect((await complaintsToCsv([])).split('\r\n')).toHaveLength(2);
  });
});

describe('JSON export', () => {
  it('keeps everything but the chat id, with times in Vietnam time', async () => {
    const [first, second] = JSON.parse(await complaintsToJson([answered, fresh]));
    expect(first).toEqual({
      code: 'PA-7KQ3-M9X',
      receivedAt: '2026-12-01T09:30:00+07:00',
      dueDate: '2026-12-15',
      status: 'closed',
      statusLabel: 'Đã đóng',
      channel: 'zalo',
      subject: 'Đăng ký đất đai',
      text: answered.text,
      phone: '0912345678',
      consentAt: '2026-12-01T09:29:00+07:00',
      assignee: 'lan',
      answer: 'Đã liên hệ bộ phận đất đai.',
      reason: null,
      answeredAt: '2026-12-01T11:30:00+07:00',
      closedAt: '2026-12-02T11:30:00+07:00',
      erasedAt: null,
      history: [
        { at: '2026-12-01T09:30:00+07:00', by: 'citizen', action: 'receive', note: null },
        { at: '2026-12-01T10:30:00+07:00', by: 'lan', action: 'claim', note: null },
        { at: '2026-12-01T11:30:00+07:00', by: 'lan', action: 'answer', note: 'Đã liên hệ bộ phận đất đai.' },
        { at: '2026-12-02T11:30:00+07:00', by: 'lan', action: 'close', note: null },
      ],
    });
    expect(second).toMatchObject({ code: 'PA-4DEF-9AC', text: '=HYPERLINK("http://evil")', subject: null, phone: null, answeredAt: null });
    expect(JSON.stringify([first, second])).not.toContain('"u1"');
  });

  it('written a complaint at a time, reads as one indented array, empty or not', async () => {
    expect(await complaintsToJson([answered, fresh])).toBe(`${JSON.stringify([toExported(answered), toExported(fresh)], null, 2)}\n`);
    expect(await complaintsToJson([])).toBe('[]\n');
  });
});
