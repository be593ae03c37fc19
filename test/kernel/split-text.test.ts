// Cutting what a citizen sent at a platform's limit, never inside a surrogate pair.
import { describe, expect, it } from 'vitest';
import { capText } from '../../src/kernel/split-text.ts';

describe('capText', () => {
  it('keeps a text within the limit as it is', () => {
    expect(capText('lệ phí', 10)).toBe('lệ phí');
  });

  it('cuts at the limit, and before an emoji the limit would split', () => {
    expect(capText('abcdef', 4)).toBe('abcd');
    expect(capText('ab😀cd', 3)).toBe('ab');
    expect(capText('ab😀cd', 4)).toBe('ab😀');
  });
});
