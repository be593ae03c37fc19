// Turns the engine's decision into what the citizen reads. A procedure answer
// leads with the part asked about (documents, fee, time, place, online…), then the
// short form, then source and review date; longer parts are offered as follow-ups.
import type { Entry } from '../knowledge/entry.ts';
import type { Aspect } from '../knowledge/lexicon.ts';
import type { Locality } from '../knowledge/locality.ts';
import type { Candidate, Decision } from '../search/engine.ts';
import type { Reply } from './reply.ts';
import { contactLines, LABELS, TEXTS } from './texts.ts';

export type Section = Aspect | 'result';

const SHORT_FORM: readonly Section[] = ['place', 'time', 'fee', 'online'];
const FOLLOW_UPS: readonly Section[] = ['documents', 'steps', 'legal'];

export function renderDecision(decision: Decision, choices: Candidate[], locality: Locality): Reply[] {
  switch (decision.outcome) {
    case 'answer':
      return renderEntry(decision.candidates[0]!.entry, decision.query.aspects);
    case 'clarify':
      return [{ text: TEXTS.clarify, choices: choices.map((c) => ({ label: c.entry.title, action: `entry:${c.entry.id}` })) }];
    case 'fallback':
      return [
        {
          text: [TEXTS.fallback, ...contactLines(locality)].join('\n'),
          choices: [{ label: TEXTS.complaintChoice, action: 'complaint' }],
        },
      ];
    case 'complaint':
      return [{ text: TEXTS.complaintStart, choices: [{ label: TEXTS.complaintChoice, action: 'complaint' }] }];
    case 'smalltalk':
      return [{ text: decision.query.smalltalk === 'thanks' ? TEXTS.thanks : TEXTS.greeting }];
  }
}

/** One entry as an answer, leading with the asked aspects. */
export function renderEntry(entry: Entry, asked: readonly Aspect[] = []): Reply[] {
  if (entry.kind === 'faq') {
    return [{ text: [entry.title, entry.body, footer(entry)].filter(Boolean).join('\n\n') }];
  }
  const lead = asked.filter((a) => a !== 'postal' || entry.submit.postal);
  const order = [...new Set<Section>([...lead, ...SHORT_FORM])];
  const parts = [heading(entry)];
  if (entry.summary && lead.length === 0) parts.push(entry.summary);
  for (const section of order) parts.push(renderSection(entry, section));
  if (entry.body) parts.push(`${LABELS.notes}: ${entry.body}`);
  parts.push(footer(entry));
  const more = FOLLOW_UPS.filter((s) => !order.includes(s) && hasSection(entry, s));
  const reply: Reply = { text: parts.join('\n\n') };
  if (more.length) reply.choices = more.map((s) => ({ label: sectionLabel(s), action: `section:${entry.id}:${s}` }));
  return [reply];
}

export function renderSection(entry: Entry, section: Section): string {
  const list = (label: string, items: string[]) =>
    items.length ? `${label}:\n${items.map((item, i) => `${i + 1}. ${item}`).join('\n')}` : `${label}: ${TEXTS.unknownField}.`;
  const line = (label: string, value: string) => `${label}: ${value || TEXTS.unknownField + '.'}`;
  switch (section) {
    case 'documents':
      return list(LABELS.documents, entry.documents);
    case 'steps':
      return list(LABELS.steps, entry.steps);
    case 'legal':
      return list(LABELS.legal, entry.legal_basis);
    case 'fee':
      return line(LABELS.fee, entry.fee);
    case 'time':
      return line(LABELS.time, entry.processing_time);
    case 'conditions':
      return line(LABELS.conditions, entry.conditions);
    case 'result':
      return line(LABELS.result, entry.result);
    case 'place': {
      const where = [entry.submit.in_person, entry.agency && `${LABELS.agency}: ${entry.agency}`].filter(Boolean).join('\n');
      return line(LABELS.place, where);
    }
    case 'online': {
      if (!entry.submit.online) return `${LABELS.online}: chưa có thông tin về nộp trực tuyến; anh/chị xem trên ${TEXTS.nationalPortal}.`;
      return `${LABELS.online}: ${entry.submit.online}${entry.portal_url ? `\nTrang thủ tục: ${entry.portal_url}` : ''}`;
    }
    case 'postal':
      return line(LABELS.postal, entry.submit.postal);
  }
}

function sectionLabel(section: Section): string {
  const labels: Record<Section, string> = {
    documents: LABELS.documents,
    steps: LABELS.steps,
    legal: LABELS.legal,
    fee: LABELS.fee,
    time: LABELS.time,
    conditions: LABELS.conditions,
    result: LABELS.result,
    place: LABELS.place,
    online: LABELS.online,
    postal: LABELS.postal,
  };
  return labels[section];
}

function hasSection(entry: Entry, section: Section): boolean {
  if (section === 'documents') return entry.documents.length > 0;
  if (section === 'steps') return entry.steps.length > 0;
  if (section === 'legal') return entry.legal_basis.length > 0;
  return true;
}

function heading(entry: Entry): string {
  return entry.code ? `${entry.title}\n${TEXTS.code(entry.code)}` : entry.title;
}

function footer(entry: Entry): string {
  const url = entry.portal_url ?? entry.sources[0]?.url;
  return [url && TEXTS.source(url), TEXTS.reviewed(entry.updated, entry.review_by)].filter(Boolean).join('\n');
}
