// Staff edits written into knowledge files: only the changed fields' lines change (every
// shipped file is rewritten to the byte when nothing changed), the new text is checked
// as lint checks it before anything is written, an edit over someone else's is refused,
// and each edit is recorded with its fields before and after.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntryFiles, fileVersion, rewriteEntryText } from '../../src/curation/entry-file.ts';
import { formValues, readForm } from '../../src/curation/entry-form.ts';
import { loadEntryFile } from '../../src/knowledge/load.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { KnowledgeChange } from '../../src/store/knowledge-history.ts';

const FILES = ['knowledge/procedures', 'knowledge/faq'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => join(dir, f)));

describe('rewriteEntryText', () => {
  it('gives every shipped file back to the byte when nothing changed', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(88);
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      expect(rewriteEntryText(text, []), file).toBe(text);
    }
  });

  it('changes only the lines of the fields changed, in every shipped file', () => {
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      const changed = rewriteEntryText(text, [{ field: 'staff_notes', before: '', after: 'kiểm tra lại\nhỏi Sở Tư pháp' }])!;
      const before = text.split('\n');
      const after = changed.split('\n');
      const removed = before.filter((line) => !after.includes(line));
      const added = after.filter((line) => !before.includes(line));
      expect(added, file).toContain('  - kiểm tra lại');
      // Only the old notes' lines go (if there were any).
      expect(removed.every((line) => line.startsWith('staff_notes:') || line.startsWith('  - ')), file).toBe(true);
    }
  });
});

describe('EntryFiles', () => {
  let dir: string;
  let history: KnowledgeChange[];
  let files: EntryFiles;
  let entry: Entry;
  let path: string;
  const today = '2026-12-05';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-entry-file-'));
    cpSync('knowledge/procedures/dang-ky-khai-tu.md', join(dir, 'dang-ky-khai-tu.md'));
    path = join(dir, 'dang-ky-khai-tu.md');
    entry = (await loadEntryFile(path, []))!;
    history = [];
    files = new EntryFiles({ add: async (change) => void history.push(change) }, () => 42);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const version = () => fileVersion(readFileSync(path, 'utf8'));

  it('writes a valid edit and records who changed which fields, before and after', async () => {
    const values = { ...formValues(entry), fee: 'Miễn lệ phí (Luật Hộ tịch 2014).', aliases: `${formValues(entry).aliases}\nbáo tử` };
    const outcome = await files.edit({ entry, values, version: version(), actor: 'lan', today });
    expect(outcome.ok).toBe(true);
    const reread = (await loadEntryFile(path, []))!;
    expect(reread.fee).toBe('Miễn lệ phí (Luật Hộ tịch 2014).');
    expect(reread.aliases.at(-1)).toBe('báo tử');
    expect(history).toEqual([{ at: 42, actor: 'lan', entryId: 'dang-ky-khai-tu', action: 'edit', changes: [expect.objectContaining({ field: 'aliases' }), { field: 'fee', before: entry.fee, after: 'Miễn lệ phí (Luật Hộ tịch 2014).' }] }]);
  });

  it('refuses an invalid edit as lint would, and writes nothing', async () => {
    const before = readFileSync(path, 'utf8');
    const values = { ...formValues(entry), review_by: '2020-01-01', sources: 'Cổng DVC | khong-phai-url' };
    const outcome = await files.edit({ entry, values, version: version(), actor: 'lan', today });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
    const fields = outcome.ok === false && outcome.reason === 'invalid' ? outcome.problems.map((p) => p.field) : [];
    expect(fields).toContain('sources.0.url');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(history).toEqual([]);
  });

  it('refuses an edit made on an older version of the file, and one that changes nothing', async () => {
    const old = version();
    writeFileSync(path, readFileSync(path, 'utf8').replace('kind: procedure', 'kind: procedure\n# sửa tay'));
    const late = await files.edit({ entry, values: { ...formValues(entry), fee: 'x' }, version: old, actor: 'minh', today });
    expect(late).toEqual({ ok: false, reason: 'changed_meanwhile' });
    const same = await files.edit({ entry, values: formValues(entry), version: version(), actor: 'minh', today });
    expect(same).toEqual({ ok: false, reason: 'unchanged' });
  });

  it('adds only the questions the entry lacks, as sample questions or aliases', async () => {
    const known = entry.questions[0]!;
    const outcome = await files.addLines(entry, 'questions', [known.toUpperCase(), 'khai tử cho bà nội ở đâu', 'khai tử cho bà nội ở đâu'], 'lan', today);
    expect(outcome.ok).toBe(true);
    const reread = (await loadEntryFile(path, []))!;
    expect(reread.questions).toEqual([...entry.questions, 'khai tử cho bà nội ở đâu']);
    expect(history[0]).toMatchObject({ action: 'questions', actor: 'lan' });
  });

  it('reads a posted form: line ends, empty lines, and anything but a string as empty', () => {
    const values = readForm('procedure', { title: ' Khai tử ', documents: 'a\r\n\r\n b \r\n', fee: ['x', 'y'], show_contacts: 'on' });
    expect(values).toMatchObject({ title: 'Khai tử', documents: 'a\nb', fee: '', show_contacts: 'on', level: '' });
    expect(Object.keys(readForm('faq', {}))).not.toContain('documents');
  });
});
