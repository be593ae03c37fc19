// Splitting a reply into messages a channel accepts: at the coarsest boundary that fits
// (paragraphs, then lines, then words), and for a single overlong word (a long link)
// anywhere but inside a surrogate pair. Lengths are UTF-16 code units, after NFC, so
// decomposed diacritics do not count twice.

const SEPARATORS = ['\n\n', '\n', ' '] as const;

/** `text` in pieces of at most `limit` code units, trimmed, none empty. */
export function splitText(text: string, limit: number): string[] {
  return pack(text.normalize('NFC').trim(), limit, SEPARATORS)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
}

function pack(text: string, limit: number, separators: readonly string[]): string[] {
  if (text.length <= limit) return [text];
  const [separator, ...finer] = separators;
  if (separator === undefined) return hardSplit(text, limit);
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of text.split(separator)) {
    if (piece.trim() === '') continue;
    const joined = current === undefined ? piece : current + separator + piece;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current !== undefined) chunks.push(current);
    const pieces = pack(piece, limit, finer);
    chunks.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1];
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

function hardSplit(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutAt(rest, limit);
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...chunks, rest];
}

/** Where to cut `text` (longer than `limit`) so that no surrogate pair is split. */
function cutAt(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * At most `limit` code units of what a citizen sent, cut where a platform never lets a
 * message grow (a forged update may be any size): nothing past it reaches the dialogue.
 */
export function capText(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, cutAt(text, limit));
}
