// Tracking codes a citizen can read out on the phone: "PA-7KQ3-M9". The alphabet
// leaves out characters that look alike (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V), and the last
// character is a check digit, so a mistyped code is caught before any lookup.
import { randomInt } from 'node:crypto';

const ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
const PREFIX = 'PA';

export function newTrackingCode(random: (max: number) => number = randomInt): string {
  const body = Array.from({ length: 5 }, () => ALPHABET[random(ALPHABET.length)]).join('');
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}${checkChar(body)}`;
}

/** The canonical form of what a citizen typed ("pa 7kq3 m9" → "PA-7KQ3-M9"), or undefined if it is not a valid code. */
export function parseTrackingCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(PREFIX) || compact.length !== PREFIX.length + 6) return undefined;
  const body = compact.slice(PREFIX.length, PREFIX.length + 5);
  const check = compact.at(-1)!;
  if (![...body, check].every((c) => ALPHABET.includes(c)) || checkChar(body) !== check) return undefined;
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}${check}`;
}

/** Weighted sum modulo the alphabet size (23, a prime): catches any single wrong character and any swap of neighbours. */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % ALPHABET.length]!;
}
