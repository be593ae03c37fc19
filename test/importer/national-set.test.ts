// The national set: refreshed from a crawl with a report of what changed, loaded beside
// the curated files (a curated file with the same code wins), a bad line reported and
// skipped, one record turned into a curated file staff edit, and how its answers read.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEntry } from '../../src/dialogue/answer.ts';
import { TEXTS } from '../../src/texts/citizens.ts';
import { importDvcFile } from '../../src/importer/dvc-import.ts';
import { refreshNationalSet } from '../../src/importer/national-refresh.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadNationalSet, nationalSetFile } from '../../src/knowledge/national.ts';
import type { Problem } from '../../src/knowledge/problems.ts';
import { dvcRecords } from './dvc-fixtures.ts';

const TODAY = '2026-12-04';
let tmp: string;
const records = [...dvcRecords().values()];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'motcua-national-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function crawl(name: string, lines: string[]): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, gzipSync(lines.join('\n')));
  return file;
}

describe('refreshing the national set from a crawl', () => {
  it('writes the set, keeps the crawl beside it, and reports added, removed and changed fields', async () => {
    const dir = path.join(tmp, 'refresh');
    const [a, b, c] = records.slice(0, 3).map((r) => r.record);
    const first = await refreshNationalSet(await crawl('june.jsonl.gz', [a, b].map((r) => JSON.stringify(r))), dir, { today: TODAY });
    expect(first).toMatchObject({ total: 2, added: [a!.ma_thu_tuc, b!.ma_thu_tuc].sort(), removed: [], changed: [] });

    // A newer crawl: a dropped, c new, b's fee and name changed.
    const newerB = { ...b, ten_thu_tuc: `${String(b!.ten_thu_tuc)} (sửa đổi)`, cach_thuc_thuc_hien: String(b!.cach_thuc_thuc_hien).replace(/Lệ phí[^|]*/, 'Lệ phí : 50.000 đồng') };
    const newer = await crawl('july.jsonl.gz', [newerB, c].map((r) => JSON.stringify(r)));
    const second = await refreshNationalSet(newer, dir, { today: '2027-01-10' });
    expect(second.added).toEqual([c!.ma_thu_tuc]);
    expect(second.removed).toEqual([a!.ma_thu_tuc]);
    expect(second.changed).toHaveLength(1);
    expect(second.changed[0]!.code).toBe(b!.ma_thu_tuc);
    expect(second.changed[0]!.fields).toContain('title');
    // The review dates move with every refresh; they are not a change of the procedure.
    expect(second.changed[0]!.fields).not.toContain('updated');

    const problems: Problem[] = [];
    const loaded = await loadNationalSet(dir, problems);
    expect(problems).toEqual([]);
    expect(loaded.map((e) => e.code).sort()).toEqual([b!.ma_thu_tuc, c!.ma_thu_tuc].sort());
    expect(loaded.every((e) => e.origin === 'imported' && e.updated === '2027-01-10')).toBe(true);
    expect(await readFile(path.join(dir, 'national', 'dvc-procedures.jsonl.gz'))).toEqual(await readFile(newer));
  });

  it('leaves the set as it was when the crawl has nothing readable', async () => {
    const dir = path.join(tmp, 'keep');
    await refreshNationalSet(await crawl('good.jsonl.gz', [records[0]!.text]), dir, { today: TODAY });
    const before = await readFile(nationalSetFile(dir));
    const report = await refreshNationalSet(await crawl('bad.jsonl.gz', ['{"oops":', '', '[]']), dir, { today: TODAY });
    expect(report.total).toBe(0);
    expect(report.import.skipped).toHaveLength(3);
    expect(await readFile(nationalSetFile(dir))).toEqual(before);
  });
});

describe('loading the national set', () => {
  it('the shipped set holds every record of the shipped crawl', async () => {
    const problems: Problem[] = [];
    const entries = await loadNationalSet('knowledge', problems);
    expect(problems).toEqual([]);
    expect(new Set(entries.map((e) => e.code))).toEqual(new Set(records.map((r) => String(r.record.ma_thu_tuc))));
  });

  it('is loaded only when asked, and a curated file with the same code wins over the national record', async () => {
    const curatedOnly = await loadKnowledgeBase(['knowledge']);
    const withNational = await loadKnowledgeBase(['knowledge'], { national: true });
    expect(curatedOnly.entries.every((e) => e.origin === 'curated')).toBe(true);
    expect(withNational.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const birth = withNational.entries.filter((e) => e.code === '1.001193');
    expect(birth.map((e) => e.origin)).toEqual(['curated']);
    expect(withNational.entries.length).toBe(curatedOnly.entries.length + records.length - curatedOnly.entries.filter((e) => e.code && dvcRecords().has(e.code)).length);
  });

  it('reports a broken line with its number and keeps the others', async () => {
    const dir = path.join(tmp, 'broken');
    await mkdir(path.join(dir, 'national'), { recursive: true });
    const good = gunzipSync(await readFile(nationalSetFile('knowledge'))).toString('utf8').split('\n').slice(0, 2);
    await writeFile(nationalSetFile(dir), gzipSync([good[0], '{"id": "x"', JSON.stringify({ ...JSON.parse(good[1]!), fee: 12 })].join('\n')));
    const problems: Problem[] = [];
    const entries = await loadNationalSet(dir, problems);
    expect(entries).toHaveLength(1);
    // Written by hand, without a matching check: validated line by line, and staff are told to refresh.
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [0, 'warning'],
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(problems[0]!.message).toMatch(/motcua national refresh/);
    expect(problems[2]!.message).toMatch(/^fee: /);
  });

  it('trusts a set that matches its check, and validates the same set once it no longer does', async () => {
    const dir = path.join(tmp, 'checked');
    await refreshNationalSet(await crawl('checked.jsonl.gz', records.slice(0, 5).map((r) => r.text)), dir, { today: TODAY });
    const trustedProblems: Problem[] = [];
    const trusted = await loadNationalSet(dir, trustedProblems);
    expect(trustedProblems).toEqual([]);
    expect(trusted).toHaveLength(5);

    // Same lines, edited by hand (a fee that is not text): no longer trusted, the bad line is caught.
    const lines = gunzipSync(await readFile(nationalSetFile(dir))).toString('utf8').trim().split('\n');
    lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), fee: 12 });
    await writeFile(nationalSetFile(dir), gzipSync(lines.join('\n')));
    const problems: Problem[] = [];
    const validated = await loadNationalSet(dir, problems);
    expect(validated.map((e) => e.code)).toEqual(trusted.slice(1).map((e) => e.code));
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'error']);
  });
});

describe('one national record made a curated file', () => {
  it('import --code writes just that procedure, as curated, and it then wins over the national record', async () => {
    const dir = path.join(tmp, 'curate');
    const code = '1.001612';
    const report = await importDvcFile(path.join('knowledge', 'national', 'dvc-procedures.jsonl.gz'), path.join(dir, 'procedures'), { today: TODAY, codes: new Set([code]), origin: 'curated' });
    expect(report.written).toBe(1);
    const file = await readFile(path.join(dir, 'procedures', `${code}.md`), 'utf8');
    expect(file).toContain('origin: curated');
    await mkdir(path.join(dir, 'national'), { recursive: true });
    await writeFile(nationalSetFile(dir), await readFile(nationalSetFile('knowledge')));
    const kb = await loadKnowledgeBase([dir], { national: true });
    expect(kb.entries.filter((e) => e.code === code).map((e) => e.origin)).toEqual(['curated']);
  });
});

describe('an answer from a national record', () => {
  it('says it comes from the national portal, links its page, and says plainly what the portal leaves empty', async () => {
    const entries = await loadNationalSet('knowledge', []);
    const empty = entries.find((e) => e.processing_time === '' && e.portal_url)!;
    const { text } = renderEntry(empty, ['time'], (await loadKnowledgeBase(['knowledge'])).locality);
    expect(text).toContain(TEXTS.fromNationalPortal);
    expect(text).toContain(`Thời hạn giải quyết: ${TEXTS.notOnPortal}`);
    expect(text).toContain(`Nguồn: ${empty.portal_url}`);
  });
});
