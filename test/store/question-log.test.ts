// The question log on both databases: questions written in batches, picks and ratings
// written onto them, what counts as unanswered (the fallback, a list left over half an
// hour, an answer rated not useful), staff's handling taking them out of the loop, and
// questions older than the keeping time deleted.
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_OPEN_MS, QUESTIONS_KEPT_DAYS, QuestionLog } from '../../src/store/question-log.ts';
import { databaseMakers, type DatabaseBackend } from './databases.ts';

const DAY = 86_400_000;

describe.each(databaseMakers)('the question log on %s', (_name, make) => {
  let backend: DatabaseBackend;
  afterEach(() => backend.cleanup());

  async function log(now: number) {
    backend = make();
    const database = await backend.open();
    const clock = { now };
    return { questions: new QuestionLog(database, () => clock.now, { flushEveryMs: 50 }), clock, database };
  }

  it('tells which questions staff should see, and takes handled ones out', async () => {
    const now = Date.UTC(2026, 11, 5);
    const { questions } = await log(now);
    questions.ask({ id: 'f', at: now - DAY, channel: 'web', text: 'giá vàng', outcome: 'fallback' });
    questions.ask({ id: 'old-list', at: now - LIST_OPEN_MS - 1, channel: 'web', text: 'giấy phép', outcome: 'clarify' });
    questions.ask({ id: 'new-list', at: now - 60_000, channel: 'web', text: 'đăng ký', outcome: 'clarify' });
    questions.ask({ id: 'picked', at: now - DAY, channel: 'zalo', text: 'cấp lại', outcome: 'clarify' });
    questions.picked('picked', 'cap-lai-giay-phep-lai-xe');
    questions.ask({ id: 'bad', at: now - DAY, channel: 'zalo', text: 'làm hộ chiếu', outcome: 'answer', entryId: 'cap-ho-chieu' });
    questions.rated('bad', 'not_useful');
    questions.ask({ id: 'good', at: now - DAY, channel: 'zalo', text: 'làm hộ chiếu ở đâu', outcome: 'answer', entryId: 'cap-ho-chieu' });
    questions.rated('good', 'useful');

    const unanswered = await questions.unanswered(now - 30 * DAY);
    expect(unanswered.map((q) => [q.id, q.why]).sort()).toEqual([
      ['bad', 'not_useful'],
      ['f', 'fallback'],
      ['old-list', 'abandoned_list'],
    ]);
    expect(await questions.reached('cap-lai-giay-phep-lai-xe', 0)).toEqual([{ text: 'cấp lại', count: 1 }]);
    expect(await questions.reached('cap-ho-chieu', 0)).toEqual([
      { text: 'làm hộ chiếu', count: 1 },
      { text: 'làm hộ chiếu ở đâu', count: 1 },
    ]);

    await questions.handle(['f', 'bad'], 'out_of_scope', 'lan');
    expect((await questions.unanswered(0)).map((q) => q.id)).toEqual(['old-list']);
  });

  it('deletes questions older than the keeping time when it next writes', async () => {
    const now = Date.UTC(2026, 11, 5);
    const { questions, database } = await log(now);
    questions.ask({ id: 'ancient', at: now - (QUESTIONS_KEPT_DAYS + 1) * DAY, channel: 'web', text: 'cũ', outcome: 'fallback' });
    questions.ask({ id: 'recent', at: now - DAY, channel: 'web', text: 'mới', outcome: 'fallback' });
    await questions.flush();
    const ids = await database.db.selectFrom('questions').select('id').execute();
    expect(ids.map((row) => row.id)).toEqual(['recent']);
  });

  it('comes to a records database made before it: opening brings the new tables, the complaints stay', async () => {
    backend = make();
    const old = await backend.open();
    // Back to the first step, as a database of the previous release is (released steps have no way down).
    await old.db.schema.dropTable('questions').execute();
    await old.db.schema.dropTable('knowledge_history').execute();
    await old.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '002-questions-knowledge-history' as never).execute();
    await old.db.insertInto('complaints').values({ code: 'PA-OLD1-XYZ', submission_key: null, created_at: 1, status: 'received', due_date: '2026-12-18', channel: 'web', assignee: null, send_failed: 0, overdue_notified_at: null, version: 1, record: '{}' }).execute();
    await expect(old.db.selectFrom('questions').selectAll().execute()).rejects.toThrow();

    const upgraded = await backend.open();
    const questions = new QuestionLog(upgraded);
    questions.ask({ id: 'q', at: Date.now(), channel: 'web', text: 'giá vàng', outcome: 'fallback' });
    expect((await questions.unanswered(0)).map((q) => q.id)).toEqual(['q']);
    expect((await upgraded.db.selectFrom('complaints').select('code').execute()).map((row) => row.code)).toEqual(['PA-OLD1-XYZ']);
  });
});
