// The unanswered questions, grouped so that staff see what is asked often: questions with
// mostly the same words (after diacritics, case and the words every question has are set
// aside) form one group, led by its first, most recent question. Counts decide the order.
import { fold, words } from '../kernel/vietnamese.ts';
import type { Engine } from '../search/engine.ts';
import type { UnansweredQuestion } from '../store/question-log.ts';

/** Two questions share a group when this share of their words (Jaccard) is common. */
const SIMILAR = 0.5;
const TEXTS_SHOWN = 5;

// Words of how a question is asked, not what it is about ("cho tôi hỏi … cần gì ạ"), folded.
const QUESTION_WORDS = new Set(
  'a ad admin ah ak anh ban bao bot cach can chi cho co con cua da dang dau de di dc duoc em gi giup hoi ho j k ko khong la lam luc ma minh muon nao nay nhe nho o oi phai sao the thi thoi toi trong va vay ve voi vs xin'.split(' '),
);

export interface QuestionGroup {
  /** The distinct questions, the most asked first, with how often each came. */
  texts: Array<{ text: string; count: number }>;
  ids: string[];
  count: number;
  why: Record<UnansweredQuestion['why'], number>;
  latest: number;
}

/** The topic words of a question: folded, without the words of asking. */
export function topicWords(text: string): Set<string> {
  return new Set(words(fold(text)).filter((w) => !QUESTION_WORDS.has(w) && !/^\d+$/.test(w)));
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

interface Forming {
  leader: Set<string>;
  texts: Map<string, number>;
  ids: string[];
  why: QuestionGroup['why'];
  latest: number;
}

/** Groups the questions (given newest first) and returns the groups, the largest first. */
export function groupQuestions(questions: readonly UnansweredQuestion[]): QuestionGroup[] {
  const forming: Forming[] = [];
  for (const question of questions) {
    const topic = topicWords(question.text);
    let best: Forming | undefined;
    let bestScore = SIMILAR;
    for (const group of forming) {
      const score = similarity(topic, group.leader);
      if (score >= bestScore) [best, bestScore] = [group, score];
    }
    best ??= forming[forming.push({ leader: topic, texts: new Map(), ids: [], why: { fallback: 0, abandoned_list: 0, not_useful: 0 }, latest: question.at }) - 1]!;
    const shown = question.text.trim().replace(/\s+/g, ' ');
    best.texts.set(shown, (best.texts.get(shown) ?? 0) + 1);
    best.ids.push(question.id);
    best.why[question.why]++;
    best.latest = Math.max(best.latest, question.at);
  }
  return forming
    .map((g) => ({
      texts: [...g.texts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count).slice(0, TEXTS_SHOWN),
      ids: g.ids,
      count: g.ids.length,
      why: g.why,
      latest: g.latest,
    }))
    .sort((a, b) => b.count - a.count || b.latest - a.latest);
}

/** The curated entry the engine ranks first for a question, if any: what staff are offered first when attaching its group. */
export function suggestEntry(engine: Pick<Engine, 'decide'>, text: string): string | undefined {
  return engine.decide(text).candidates.find((c) => c.entry.origin === 'curated')?.entry.id;
}
