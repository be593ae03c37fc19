// Replies to the question staff wrote for two entries citizens mix up (lexicon ask_apart
// `answers`): "ủy ban vẫn còn lưu sổ" tells the registry's copy, "sổ cũng cháy rồi" the
// registration made again. A reply tells its situation, rarely an entry's name.
import { messageWords, PhraseTable } from './phrases.ts';
import { segments } from './tokens.ts';

/** Words (folded) that deny what follows: "ko phai o tam", "hông có mất", "không thuộc hộ nghèo". */
const NEGATIONS: ReadonlySet<string> = new Set(['khong', 'ko', 'k', 'kh', 'khg', 'kg', 'hong', 'hok', 'hem', 'khum', 'chua', 'chang']);
/** Words that may stand between a denial and what it denies. */
const BETWEEN: ReadonlySet<string> = new Set(['phai', 'co', 'bi', 'thuoc', 'la', 'duoc', 'con', 'muon']);

interface PairAnswers {
  pair: readonly [string, string];
  /** Each phrase with the side (0 or 1 of `pair`) it tells. */
  table: PhraseTable<0 | 1>;
}

export interface ApartRule {
  entries: readonly [string, string];
  answers?: readonly [readonly string[], readonly string[]];
}

export class ApartAnswers {
  private readonly rules: readonly PairAnswers[];

  constructor(rules: readonly ApartRule[]) {
    this.rules = rules.flatMap(({ entries, answers }) =>
      answers ? [{ pair: entries, table: new PhraseTable<0 | 1>(answers.flatMap((side, i) => side.map((p) => [p, i as 0 | 1] as const))) }] : [],
    );
  }

  /**
   * The entry of a listed pair that the reply tells: it says phrases of that entry's answers, or
   * denies the other's ("em ở luôn, không phải ở tạm"), at least twice as often as the reverse.
   * Undefined when the list is no such pair, or when the reply tells both alike or neither.
   */
  told(text: string, listed: readonly string[]): string | undefined {
    if (listed.length !== 2) return undefined;
    const rule = this.rules.find(({ pair }) => pair.includes(listed[0]!) && pair.includes(listed[1]!));
    return rule && tells(rule, text);
  }

  /** The other entry of a pair with `answered` that a message after its answer tells instead ("… xã còn lưu sổ"), if any. */
  toldInstead(text: string, answered: string): string | undefined {
    for (const rule of this.rules) {
      const told = rule.pair.includes(answered) ? tells(rule, text) : undefined;
      if (told && told !== answered) return told;
    }
    return undefined;
  }
}

/** The entry of the pair the text tells, at least twice as often as the other (see ApartAnswers.told). */
function tells(rule: PairAnswers, text: string): string | undefined {
  const votes = [0, 0];
  for (const phrase of segments(text)) {
    const said = messageWords(phrase);
    for (const { start, value } of rule.table.matches(said)) votes[denied(said.folded, start) ? 1 - value : value]! += 1;
  }
  // "Chỉ sửa thôi, thay mái tôn …, hông có đập nhà xây mới": one side said at least twice as often as the other.
  const [first, second] = votes as [number, number];
  if (first >= 2 * second && first > 0) return rule.pair[0];
  return second >= 2 * first && second > 0 ? rule.pair[1] : undefined;
}

/** A denial stands before the phrase at `start`, at most two words back, with only linking words between. */
function denied(folded: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
    const word = folded[i]!;
    if (NEGATIONS.has(word)) return true;
    if (!BETWEEN.has(word)) return false;
  }
  return false;
}
