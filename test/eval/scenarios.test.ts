// The scenario judge: each kind of expectation passes on the replies it describes and
// fails, saying why, on others; a pick is judged against the list shown before it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reply, ReplyAbout } from '../../src/kernel/reply.ts';
import { judge, passRates, readScenarios, replay, type Scenario } from '../../src/eval/scenarios.ts';

const answer = (entry: string, ...parts: string[]): ReplyAbout => ({ kind: 'answer', entry, parts });
const list = (...entries: string[]): ReplyAbout => ({ kind: 'list', entries, parts: [] });

describe('judge', () => {
  it.each<[string, Parameters<typeof judge>[0], ReplyAbout[], string[]]>([
    ['an answer about the entry, leading with the part', { kind: 'answer', entry: 'a', aspect: 'fee' }, [answer('a', 'fee', 'time')], []],
    ['any of several acceptable entries', { entry: ['a', 'b'] }, [answer('b')], []],
    ['a list holding the entries', { kind: 'list', list_has: ['a', 'b'] }, [list('b', 'c', 'a')], []],
    ['not found is the fallback', { kind: 'not_found' }, [{ kind: 'fallback' }], []],
    ['chit-chat is a friendly reply', { kind: 'chitchat' }, [{ kind: 'smalltalk' }], []],
    ['a complaint step', { kind: 'complaint' }, [{ kind: 'complaint' }], []],
    ['a submitted complaint', { kind: 'complaint_submitted' }, [{ kind: 'complaint_submitted', code: 'PA-7KQ3-Q9' }], []],
    ['a pick whose entry is named, at another place in the list than the writer numbered', { pick: 1, entry: 'b' }, [answer('b')], ['a', 'b']],
  ])('passes: %s', (_name, expected, abouts, listed) => {
    expect(judge(expected, abouts, listed)).toEqual([]);
  });

  it.each<[string, Parameters<typeof judge>[0], ReplyAbout[], string[], RegExp]>([
    ['another entry answered', { entry: 'a' }, [answer('b')], [], /^expected a, answered b$/],
    ['a list instead of an answer', { kind: 'answer', entry: 'a' }, [list('a', 'b')], [], /expected answer, got list/],
    ['the whole entry when a part was asked', { aspect: 'fee' }, [answer('a')], [], /lead with fee, got the whole entry/],
    ['a part other than the one asked first', { aspect: 'place' }, [answer('a', 'documents', 'place')], [], /lead with place, got documents, place/],
    ['a list without the entry', { list_has: 'c' }, [list('a', 'b')], [], /expected a list with c, got a, b/],
    ['chit-chat answered with a list', { kind: 'chitchat' }, [{ kind: 'smalltalk' }, list('a', 'b')], [], /expected chitchat/],
    ['still a complaint step instead of sent', { kind: 'complaint_submitted' }, [{ kind: 'complaint' }], [], /expected complaint_submitted, got complaint/],
    ['a pick answered with another entry', { pick: 2 }, [answer('a')], ['a', 'b'], /expected choice 2 \(b\) answered, got a/],
    ['a pick with no list before it', { pick: 1 }, [answer('a')], [], /no list with a choice 1/],
  ])('fails, saying why: %s', (_name, expected, abouts, listed, why) => {
    const problems = judge(expected, abouts, listed);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('; ')).toMatch(why);
  });
});

describe('replay', () => {
  const scenario: Scenario = {
    id: 'x-01',
    kind: 'pick',
    channel: 'zalo',
    turns: [
      { user: 'làm giấy tờ cho con', expect: { kind: 'list' } },
      { user: '2', expect: { pick: 2 } },
      { user: 'còn lệ phí?', expect: { entry: 'b', aspect: 'fee' } },
    ],
  };
  const reply = (about: ReplyAbout): Reply => ({ text: '…', about });

  it('plays every turn and judges a pick against the list shown before it', async () => {
    const said: string[] = [];
    const script = [[reply(list('a', 'b'))], [reply(answer('b'))], [reply(answer('b', 'fee'))]];
    const result = await replay(scenario, async (text) => {
      said.push(text);
      return script[said.length - 1]!;
    });
    expect(said).toEqual(['làm giấy tờ cho con', '2', 'còn lệ phí?']);
    expect(result).toMatchObject({ id: 'x-01', kind: 'pick', passed: true });
  });

  it('fails the scenario when one turn fails, naming the turn', async () => {
    const script = [[reply(list('a', 'b'))], [reply(answer('a'))], [reply(answer('b', 'fee'))]];
    let turn = 0;
    const result = await replay(scenario, async () => script[turn++]!);
    expect(result.passed).toBe(false);
    expect(result.turns.filter((t) => t.problems.length).map((t) => t.turn)).toEqual([2]);
    expect(passRates([result, { ...result, kind: 'followup', passed: true }])).toEqual([
      { kind: 'followup', passed: 1, total: 1 },
      { kind: 'pick', passed: 0, total: 1 },
      { kind: 'all', passed: 1, total: 2 },
    ]);
  });
});

describe('readScenarios', () => {
  it('reads the split asked for and names each bad line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-scen-'));
    try {
      const file = join(dir, 's.jsonl');
      const good = (split: string) => JSON.stringify({ ...{ id: `s-${split}`, kind: 'followup', channel: 'web', split }, turns: [{ user: 'hi', expect: { kind: 'chitchat' } }] });
      await writeFile(file, [good('dev'), good('frozen'), '{', JSON.stringify({ id: 'bad', kind: 'x', channel: 'fax', turns: [] })].join('\n'));
      const { scenarios, errors } = await readScenarios(file, 'dev');
      expect(scenarios.map((s) => s.id)).toEqual(['s-dev']);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/s\.jsonl:3: dòng không phải JSON hợp lệ \(invalid JSON\)/);
      expect(errors[1]).toMatch(/s\.jsonl:4: channel: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads every scenario the writers wrote', async () => {
    for (const writer of ['farmer', 'student', 'worker', 'shop', 'kieu', 'nongdan', 'giupviec', 'chuyentro', 'hangxom', 'choque', 'congnhan', 'vanphong', 'mientrung', 'sapnhap', 'chonlua', 'quanhe', 'giadinh']) {
      const { scenarios, errors } = await readScenarios(`test/eval/scenarios/${writer}.jsonl`);
      expect(errors, writer).toEqual([]);
      expect(scenarios.length, writer).toBeGreaterThanOrEqual(25);
    }
  });
});
