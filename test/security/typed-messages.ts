// What citizens (and attackers) type, generated: words of the domain, any Unicode, markup,
// long runs, blank space. Shared by the property tests and the memory benchmark.
import fc from 'fast-check';

const WORDS = ['làm', 'căn cước', 'cccd', 'sổ đỏ', 'lệ phí', 'bao nhiêu', 'ở đâu', 'khai sinh', 'tạm trú', 'phản ánh', 'tra cứu', 'PA-7KQ3-Q9', 'xong', 'hủy', 'có', 'không', 'cái thứ 2', 'ý tôi là', 'không phải', 'constructor', '__proto__', '<b>', '&amp;', '/start', '1', '😀', 'phường', 'Bến Nghé', 'cũ'];

export const typed = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\n\n', '\u0000', '\u202e', 'a'.repeat(5_000), '😀'.repeat(3_000), '<script>alert(1)</script>', '&lt;&'),
);

