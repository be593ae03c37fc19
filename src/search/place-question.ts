// Decides whether a message is a place question ("phường cũ X giờ nộp hồ sơ ở đâu?") or a
// procedure question that merely names a place ("tôi ở phường Bến Nghé muốn làm căn
// cước"). The message without its place words is read as usual: when that names a
// procedure and nothing asks where the place is now, that procedure answer stands and
// the place becomes a note.
import type { Entry } from '../knowledge/entry.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Decision, Outcome } from './decision.ts';
import { remainder, withoutWhereabouts } from '../places/mentions.ts';
import { resolve, type Resolution } from '../places/resolve.ts';

/** What a message said about a place: the question itself, or a note beside a procedure's answer. */
export interface PlaceFinding {
  resolution: Resolution;
  role: 'question' | 'note';
  /** A procedure the place question also names ("phường Bến Nghé cũ làm căn cước ở đâu"), offered after the place. */
  procedure?: Entry;
  /** The message asks which unit the place is now ("… giờ thuộc xã nào"), not only names it as old. */
  asksWhich?: boolean;
}

const OUTCOMES: Record<Resolution['kind'], Outcome> = { resolved: 'place', ambiguous: 'clarify', unknown: 'fallback' };
/** The rest names a procedure when it says this much of the procedure's name (see Candidate.nameMatch). */
const PROCEDURE_NAME = 0.5;

/** `decide` reads a message as a procedure question; this decides first whether it is one. */
export function placeDecision(text: string, knowledge: KnowledgeBase, decide: (text: string) => Decision): Decision {
  const { places } = knowledge;
  const reading = places?.reader.read(text);
  if (!places || !reading) return decide(text);
  const asked = reading.whereabouts.length ? withoutWhereabouts(reading) : text;
  if (!reading.mentions.length && !reading.unknown) return decide(asked);
  const resolution = resolve(reading, places.gazetteer, { home: places.homeProvince(knowledge.locality.province) });
  if (!resolution) return decide(asked);
  const rest = decide(remainder(reading));
  // A grievance about a place is a complaint, unless the message asks which unit a place it names is
  // now ("đúng giờ ghi trên bảng" asks nothing of "phường lúc 2h").
  if (rest.outcome === 'complaint' && (!reading.asksWhich || resolution.kind === 'unknown')) return decide(text);
  // The procedure is the question, the place a note beside it, when the place is not asked about, or
  // when the message asks what to bring or how long and not which unit the place is now ("thị trấn Đắk
  // Mil cũ … xin giấy phép ở xã hay lên tỉnh, hồ sơ gồm cái chi"), or asks nothing but the procedure ("ở
  // Quận 8 cũ, giờ chuyển khẩu về nhà chồng thì làm gì"). Read without the place's name, which the
  // procedures do not know and would only blur.
  const { aspects } = rest.query;
  const named = namesProcedure(rest);
  // An old district that is now several communes ("trước thuộc thị xã Điện Bàn") is no question either: the procedure is.
  // So is a list of procedures the rest names ("ở huyện Củ Chi cũ … thủ tục sang tên miếng đất": the land or a vehicle?).
  const asksOfProcedure = resolution.kind !== 'unknown' && !reading.asksWhich && (aspects.length === 0 || aspects.some((aspect) => aspect !== 'place'));
  if (named && (!reading.asksPlace || asksOfProcedure)) return resolution.kind === 'resolved' ? { ...rest, place: { resolution, role: 'note' } } : rest;
  // Asked about ("cũ", "thuộc", "xã nào"), or alone, or named with its type in a question of where to go
  // ("tôi ở thị trấn Như Quỳnh, giờ nộp ở đâu"): a place question. A name not known is one only when asked about.
  const where = reading.typed && rest.query.aspects.includes('place');
  if (!reading.asksPlace && (resolution.kind === 'unknown' || (!reading.alone && !where))) return decide(text);
  // Offered after the place only when the rest names one procedure clearly.
  const procedure = rest.outcome === 'answer' && named ? rest.candidates[0]!.entry : undefined;
  const finding: PlaceFinding = { resolution, role: 'question', ...(procedure ? { procedure } : {}), ...(reading.asksWhich ? { asksWhich: true } : {}) };
  return { outcome: OUTCOMES[resolution.kind], query: rest.query, candidates: [], place: finding };
}

function namesProcedure(decision: Decision): boolean {
  const [top] = decision.candidates;
  return (decision.outcome === 'answer' || decision.outcome === 'clarify') && top?.entry.kind === 'procedure' && top.nameMatch >= PROCEDURE_NAME;
}
