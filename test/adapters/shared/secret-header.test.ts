import { describe, expect, it } from 'vitest';
import { secretHeaderCheck } from '../../../adapters/shared/secret-header.ts';

describe('secretHeaderCheck', () => {
  const matches = secretHeaderCheck('s3cret_token-1');

  it('accepts the secret itself', () => {
    expect(matches('s3cret_token-1')).toBe(true);
  });

  it.each([
    ['another value of the same length', 's3cret_token-2'],
    ['a prefix of it', 's3cret_token-'],
    ['it with more after it', 's3cret_token-11'],
    ['an empty header', ''],
    ['the same letters in other bytes', 's3crét_token-1'],
  ])('refuses %s', (_what, header) => {
    expect(matches(header)).toBe(false);
  });

  it('refuses a missing header and a repeated one', () => {
    expect(matches(undefined)).toBe(false);
    expect(matches(['s3cret_token-1', 's3cret_token-1'])).toBe(false);
  });
});
