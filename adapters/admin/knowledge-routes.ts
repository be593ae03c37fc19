// The knowledge routes of /admin: the list of entries, an entry's page, its edit form
// (editors only), and the unanswered questions with what staff do about them. Files are
// written by EntryFiles; the live reload serves them within seconds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EditOutcome, EntryFiles } from '../../src/curation/entry-file.ts';
import { formValues, readForm } from '../../src/curation/entry-form.ts';
import { groupQuestions, type QuestionGroup } from '../../src/curation/question-groups.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Problem } from '../../src/knowledge/problems.ts';
import type { KnowledgeHistory } from '../../src/store/knowledge-history.ts';
import type { QuestionLog } from '../../src/store/question-log.ts';
import type { ReportEvents } from '../../src/store/report-events.ts';
import { EDIT_TEXTS, ENTRY_PAGE_TEXTS, KNOWLEDGE_TEXTS, QUESTION_TEXTS } from '../../src/texts/staff.ts';
import { entryEditPage } from './entry-edit-page.ts';
import { knowledgeEntryPage, knowledgeListPage } from './knowledge-pages.ts';
import { KNOWLEDGE_PATH, QUESTIONS_PATH, type Notice } from './layout.ts';
import { messagePage, sendPage, type Pages, type PostedForm } from './page-reply.ts';
import { GROUPS_SHOWN, questionPage } from './question-page.ts';

/** What the knowledge pages read and write. */
export interface KnowledgeDesk {
  /** The knowledge served now (a reload swaps it). */
  current: () => KnowledgeBase;
  events: Pick<ReportEvents, 'useByEntry'>;
  questions: Pick<QuestionLog, 'reached' | 'unanswered' | 'handle'>;
  files: Pick<EntryFiles, 'read' | 'edit' | 'addLines'>;
  history: Pick<KnowledgeHistory, 'of'>;
  /** The curated entry the engine finds for a question, if any: offered first when attaching a group. */
  suggest: (text: string) => string | undefined;
}

/** The pages count use and questions over the last 30 days. */
const WINDOW_MS = 30 * 24 * 3600_000;

export function registerKnowledgeRoutes(app: FastifyInstance, hotline: Hotline, desk: KnowledgeDesk, pages: Pages): void {
  const curated = (id: string) => desk.current().entries.find((e) => e.id === id && e.origin === 'curated');
  const since = () => hotline.now() - WINDOW_MS;

  app.get(KNOWLEDGE_PATH, async (request, reply) => {
    const use = await desk.events.useByEntry(since());
    return sendPage(reply, knowledgeListPage(pages.session(request), desk.current(), use, hotline.today()));
  });

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(`${KNOWLEDGE_PATH}/:id`, async (request, reply) => {
    const entry = curated(request.params.id);
    if (!entry) return sendPage(reply.code(404), messagePage(pages.session(request), KNOWLEDGE_TEXTS.notFound));
    const [use, reached, history] = await Promise.all([desk.events.useByEntry(since()), desk.questions.reached(entry.id, since()), desk.history.of(entry.id)]);
    const notice: Notice | undefined = request.query.ok ? { kind: 'ok', text: ENTRY_PAGE_TEXTS.saved } : undefined;
    return sendPage(reply, knowledgeEntryPage({ session: pages.session(request), entry, knowledge: desk.current(), use: use.get(entry.id), today: hotline.today(), reached, history, notice }));
  });

  registerEditForm(app, hotline, desk, pages, curated);
  registerQuestionPages(app, hotline, desk, pages, curated);
}

type Curated = (id: string) => Entry | undefined;

/** Editors only: anyone else is told who may, and nothing is shown or written. */
function refuseNonEditor(pages: Pages, request: FastifyRequest, reply: FastifyReply, text: string): FastifyReply | undefined {
  return pages.session(request).editor ? undefined : sendPage(reply.code(403), messagePage(pages.session(request), text));
}

function registerEditForm(app: FastifyInstance, hotline: Hotline, desk: KnowledgeDesk, pages: Pages, curated: Curated): void {
  app.get<{ Params: { id: string } }>(`${KNOWLEDGE_PATH}/:id/sua`, async (request, reply) => {
    const refused = refuseNonEditor(pages, request, reply, ENTRY_PAGE_TEXTS.editorsOnly);
    if (refused) return refused;
    const entry = curated(request.params.id);
    const source = entry && (await desk.files.read(entry, hotline.today()));
    if (!entry || !source) return sendPage(reply.code(404), messagePage(pages.session(request), KNOWLEDGE_TEXTS.notFound));
    return sendPage(reply, entryEditPage({ session: pages.session(request), entry, values: formValues(source.entry), version: source.version }));
  });

  app.post<{ Params: { id: string }; Body: PostedForm }>(`${KNOWLEDGE_PATH}/:id/sua`, async (request, reply) => {
    const refused = refuseNonEditor(pages, request, reply, ENTRY_PAGE_TEXTS.editorsOnly);
    if (refused) return refused;
    const entry = curated(request.params.id);
    if (!entry) return sendPage(reply.code(404), messagePage(pages.session(request), KNOWLEDGE_TEXTS.notFound));
    const values = readForm(entry.kind, request.body ?? {});
    const version = typeof request.body?.version === 'string' ? request.body.version : '';
    const actor = pages.session(request).name;
    const outcome = await desk.files.edit({ entry, values, version, actor, today: hotline.today() });
    if (outcome.ok) {
      request.log.info({ user: actor, entry: entry.id, fields: outcome.changes.map((c) => c.field) }, 'admin: knowledge entry edited');
      return reply.redirect(`${KNOWLEDGE_PATH}/${encodeURIComponent(entry.id)}?ok=1`, 303);
    }
    // Shown again with what was typed; the version stays the one the form was made from.
    const { status, ...why } = refusal(outcome);
    return sendPage(reply.code(status), entryEditPage({ session: pages.session(request), entry, values, version, ...why }));
  });
}

/** Why a save was refused, as the form shows it again, and its status. */
const REFUSALS = {
  unchanged: { status: 400, text: EDIT_TEXTS.unchanged },
  changed_meanwhile: { status: 409, text: EDIT_TEXTS.changedMeanwhile },
  unreadable: { status: 500, text: EDIT_TEXTS.unreadable },
};

function refusal(outcome: Exclude<EditOutcome, { ok: true }>): { status: number; notice?: Notice; problems?: Problem[] } {
  if (outcome.reason === 'invalid') return { status: 400, problems: outcome.problems };
  const { status, text } = REFUSALS[outcome.reason];
  return { status, notice: { kind: 'error', text } };
}

function registerQuestionPages(app: FastifyInstance, hotline: Hotline, desk: KnowledgeDesk, pages: Pages, curated: Curated): void {
  const groups = async () => groupQuestions(await desk.questions.unanswered(hotline.now() - WINDOW_MS));
  const entries = () => desk.current().entries.filter((e) => e.origin === 'curated').sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  const show = async (request: FastifyRequest, reply: FastifyReply, notice?: Notice) => {
    const shown = await groups();
    const suggested = shown.slice(0, GROUPS_SHOWN).map((g) => desk.suggest(g.texts[0]!.text));
    return sendPage(reply.code(notice?.kind === 'error' ? 400 : 200), questionPage({ session: pages.session(request), groups: shown, entries: entries(), suggested, notice }));
  };
  /** The group whose first question is `leader` now (grouping is redone at each request). */
  const groupOf = async (leader: unknown): Promise<QuestionGroup | undefined> => (typeof leader === 'string' ? (await groups()).find((g) => g.ids[0] === leader) : undefined);

  app.get<{ Querystring: { done?: string } }>(QUESTIONS_PATH, async (request, reply) => show(request, reply));

  app.post<{ Body: PostedForm }>(`${QUESTIONS_PATH}/ngoai-pham-vi`, async (request, reply) => {
    const group = await groupOf(request.body?.group);
    if (!group) return show(request, reply, { kind: 'error', text: QUESTION_TEXTS.groupGone });
    await desk.questions.handle(group.ids, 'out_of_scope', pages.session(request).name);
    request.log.info({ user: pages.session(request).name, questions: group.count }, 'admin: questions set aside as out of scope');
    return show(request, reply, { kind: 'ok', text: QUESTION_TEXTS.setAside(group.count) });
  });

  app.post<{ Body: PostedForm }>(`${QUESTIONS_PATH}/gan`, async (request, reply) => {
    const refused = refuseNonEditor(pages, request, reply, QUESTION_TEXTS.editorsOnly);
    if (refused) return refused;
    const body = request.body ?? {};
    const group = await groupOf(body.group);
    if (!group) return show(request, reply, { kind: 'error', text: QUESTION_TEXTS.groupGone });
    const entry = typeof body.entry === 'string' ? curated(body.entry) : undefined;
    if (!entry) return show(request, reply, { kind: 'error', text: QUESTION_TEXTS.unknownEntry });
    // Only the group's own questions can be added, whatever the form says.
    const offered = new Set(group.texts.map((t) => t.text));
    const chosen = [body.text].flat().filter((t): t is string => typeof t === 'string' && offered.has(t));
    if (chosen.length === 0) return show(request, reply, { kind: 'error', text: QUESTION_TEXTS.noText });
    const list = body.as === 'aliases' ? 'aliases' : 'questions';
    const actor = pages.session(request).name;
    const outcome = await desk.files.addLines(entry, list, chosen, actor, hotline.today());
    if (!outcome.ok && outcome.reason !== 'unchanged') return show(request, reply, { kind: 'error', text: outcome.reason === 'invalid' ? outcome.problems.map((p) => p.message).join('; ') : EDIT_TEXTS.unreadable });
    await desk.questions.handle(group.ids, `${list}:${entry.id}`, actor);
    request.log.info({ user: actor, entry: entry.id, list, questions: group.count }, 'admin: questions attached to an entry');
    const added = outcome.ok ? addedLines(outcome.changes.find((c) => c.field === list)) : 0;
    return show(request, reply, { kind: 'ok', text: added ? QUESTION_TEXTS.attached(added, entry.title) : QUESTION_TEXTS.nothingNew(entry.title) });
  });
}

/** How many lines a list change added. */
function addedLines(change: { before: string; after: string } | undefined): number {
  if (!change) return 0;
  const lines = (text: string) => (text ? text.split('\n').length : 0);
  return lines(change.after) - lines(change.before);
}
