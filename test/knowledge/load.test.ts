import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { formatProblem } from '../../src/knowledge/problems.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('the real knowledge base', () => {
  it('loads every file without an error', async () => {
    const kb = await loadKnowledgeBase(['knowledge']);
    expect(kb.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(kb.locality.one_stop.length).toBeGreaterThan(0);
    expect(Object.keys(kb.lexicon.expansions).length).toBeGreaterThan(20);
  });
});

describe('the lexicon\'s pairs of entries citizens mix up', () => {
  it('warns of a pair that names an entry no file has, and keeps the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-lexicon-'));
    try {
      await writeFile(join(dir, 'lexicon.yaml'), 'ask_apart:\n  - entries: [khai-sinh, no-such-entry]\n    unless: [lại]\n');
      const kb = await loadKnowledgeBase([dir, join(fixtures, 'twins')]);
      expect(kb.lexicon.ask_apart).toEqual([{ entries: ['khai-sinh', 'no-such-entry'], unless: ['lại'] }]);
      expect(kb.problems.map(formatProblem)).toEqual([expect.stringMatching(/lexicon\.yaml:0: ask_apart: ask_apart nhắc mục "no-such-entry" .* \(cảnh báo\)$/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('warns of an everyday rule that names an entry no file has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-lexicon-'));
    try {
      await writeFile(join(dir, 'lexicon.yaml'), 'everyday:\n  - entry: khai-sinh\n    over: [no-such-entry]\n    unless: [lại]\n');
      const kb = await loadKnowledgeBase([dir, join(fixtures, 'twins')]);
      expect(kb.lexicon.everyday).toEqual([{ entry: 'khai-sinh', over: ['no-such-entry'], unless: ['lại'] }]);
      expect(kb.problems.map(formatProblem)).toEqual([expect.stringMatching(/lexicon\.yaml:0: everyday: everyday nhắc mục "no-such-entry" .* \(cảnh báo\)$/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('broken files', () => {
  it('are reported as file:line: field: message and skipped while the rest load', async () => {
    const { entries, problems } = await loadKnowledge([join(fixtures, 'broken')]);
    const lines = problems.map((p) => formatProblem(p).replaceAll('test/knowledge/fixtures/', ''));
    expect(lines).toEqual(
      expect.arrayContaining([
        'broken/procedures/missing-title.md:2: title: bắt buộc nhưng đang thiếu',
        'broken/procedures/bad-code.md:4: code: mã thủ tục dạng 1.001193',
        'broken/procedures/review-before-update.md:10: review_by: phải sau ngày updated',
        expect.stringMatching(/^broken\/procedures\/bad-yaml\.md:5: -: lỗi cú pháp YAML: [^\n]*\]$/),
        expect.stringMatching(/^broken\/procedures\/unknown-field\.md:\d+: -: trường không có trong mẫu: le_phi/),
        expect.stringMatching(/^broken\/faq\/empty-answer\.md:\d+: body: /),
        expect.stringMatching(/^broken\/procedures\/good\.md:\d+: id: trùng id "good" với broken\/faq\/good\.md$/),
      ]),
    );
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(entries.map((e) => e.id)).toEqual(['good']);
  });

  it('warns when an entry is past its review date', async () => {
    const { problems } = await loadKnowledge([join(fixtures, 'twins')], { today: '2027-01-01' });
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/1\.000894\.md:\d+: review_by: đã quá hạn rà soát \(2026-12-01\) \(cảnh báo\)$/)]);
  });
});

describe('curated and imported entries with the same official code', () => {
  it('show the curated one only', async () => {
    const { entries } = await loadKnowledge([join(fixtures, 'twins')]);
    expect(entries.map((e) => e.id).sort()).toEqual(['1.000894', 'khai-sinh']);
  });
});
