// The webhook secret a platform sends in a header, compared in constant time. Hashing both
// sides (the usual way to give timingSafeEqual equal lengths) cost a SHA-256 per update, a
// twentieth of an acknowledgement's CPU; comparing the secret with itself when the lengths
// differ takes the same time as a real comparison, so neither way tells the secret's length.
import { timingSafeEqual } from 'node:crypto';

/** A check of a header's value against `secret`. */
export function secretHeaderCheck(secret: string): (header: string | string[] | undefined) => boolean {
  const expected = Buffer.from(secret, 'utf8');
  return (header) => {
    if (typeof header !== 'string') return false;
    const given = Buffer.from(header, 'utf8');
    const sameLength = given.length === expected.length;
    // Both operands are always the secret's length.
    return timingSafeEqual(sameLength ? given : expected, expected) && sameLength;
  };
}
