// The reader of the units file's free-text `before`, on lines as people wrote them.
import { describe, expect, it } from 'vitest';
import { parseBefore } from '../../src/places/before.ts';

const names = (before: string) => parseBefore(before).parts.map((p) => `${p.type ?? '?'} ${p.name}`);

describe('parseBefore', () => {
  it('reads "giữ nguyên" as unchanged, whatever its case', () => {
    expect(parseBefore('Giữ nguyên')).toEqual({ kept: true, parts: [], unread: [] });
  });

  it('gives a list its type once said ("của các phường A, B") and the share each qualifier sets', () => {
    const parsed = parseBefore(
      'Phường Quán Thánh, Phường Trúc Bạch, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, phần còn lại của phường Cửa Đông, Đồng Xuân sau khi sắp Xếp',
    );
    expect(parsed.parts.map((p) => [p.type, p.name, p.share])).toEqual([
      ['phuong', 'Quán Thánh', 'whole'],
      ['phuong', 'Trúc Bạch', 'whole'],
      ['phuong', 'Cửa Nam', 'part'],
      ['phuong', 'Điện Biên', 'part'],
      ['phuong', 'Cửa Đông', 'rest'],
      ['phuong', 'Đồng Xuân', 'rest'],
    ]);
    expect(parsed.unread).toEqual([]);
  });

  it('takes a district written after a list for the units before it, marked inferred', () => {
    const parts = parseBefore('Phường 10, Phường 11 (Quận 6), Phường 16 (Quận 8)').parts;
    expect(parts.map((p) => [p.name, p.district, p.districtInferred ?? false])).toEqual([
      ['10', 'Quận 6', true],
      ['11', 'Quận 6', false],
      ['16', 'Quận 8', false],
    ]);
  });

  it('reads a parenthesis naming the district and the old province, and one saying the rest was merged', () => {
    const [first, second] = parseBefore('Thị trấn Châu Thành (huyện Châu Thành, tỉnh Trà Vinh), Xã Bồ Đề (phần còn lại sau khi sáp nhập vào phường Hồng Hà, phường Long Biên)').parts;
    expect(first).toMatchObject({ type: 'thi tran', name: 'Châu Thành', district: 'huyện Châu Thành', province: 'tỉnh Trà Vinh' });
    expect(second).toMatchObject({ type: 'xa', name: 'Bồ Đề', share: 'rest' });
  });

  it('splits at "và", drops "các", and reads a type written twice or two units run together', () => {
    expect(names('Xã Thụy Lâm và các Xã Liên Hà (huyện Đông Anh)')).toEqual(['xa Thụy Lâm', 'xa Liên Hà']);
    expect(names('quy mô dân số của các phường Phường Nguyễn Du')).toEqual(['phuong Nguyễn Du']);
    expect(names('một phần diện tích tự nhiên, quy mô dân số của xã Yên Định  Xã Yên Định')).toEqual(['xa Yên Định', 'xa Yên Định']);
  });

  it('keeps a state-farm town whole and reads decomposed marks as composed', () => {
    expect(names('Thị trấn Nông trường Việt Trung, Xã Nhân Trạch')).toEqual(['thi tran Nông trường Việt Trung', 'xa Nhân Trạch']);
    expect(names('Xã Thuỵ Hương'.normalize('NFD'))).toEqual(['xa Thuỵ Hương']);
  });

  it('reads the provinces a new province was formed from, a hyphenated name and the file’s own "TPHCM" included', () => {
    expect(names('TPHCM, tỉnh Bà Rịa - Vũng Tàu và tỉnh Bình Dương')).toEqual(['thanh pho Hồ Chí Minh', 'tinh Bà Rịa - Vũng Tàu', 'tinh Bình Dương']);
  });

  it('reports what names no unit instead of guessing, the note after a full stop too', () => {
    const parsed = parseBefore('Xã Phong Vân, Xã Biên Sơn, Trường bắn TB1');
    expect(names('Xã Phong Vân, Xã Biên Sơn, Trường bắn TB1')).toEqual(['xa Phong Vân', 'xa Biên Sơn']);
    expect(parsed.unread).toEqual(['Trường bắn TB1']);
    expect(parseBefore('tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30/04/2026, Tỉnh Đồng Nai mới chuyển thành Thành phố Đồng Nai.').unread).toEqual([
      'Từ ngày 30/04/2026, Tỉnh Đồng Nai mới chuyển thành Thành phố Đồng Nai.',
    ]);
    expect(parseBefore('Xã Xí m Vàng').unread).toEqual(['Xã Xí m Vàng']);
  });
});
