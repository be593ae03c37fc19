import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../../src/cli/reports.ts';
import { importDvcFile, type ImportReport } from '../../src/importer/dvc-import.ts';
import { procedureSchema } from '../../src/knowledge/schema.ts';
import { DVC_FILE, DVC_LINE_COUNT, dvcRecords } from './dvc-fixtures.ts';

const TODAY = '2026-11-22';
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-dvc-import-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function readEntries(dir: string) {
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      return { name, text, data: parse(FRONT_MATTER.exec(text)?.[1] ?? '') as unknown };
    }),
  );
}

describe('importDvcFile on the whole national file', () => {
  let report: ImportReport;
  let outDir: string;
  beforeAll(async () => {
    outDir = path.join(tmp, 'all');
    report = await importDvcFile(DVC_FILE, outDir, { today: TODAY });
  }, 60_000); // a few seconds, but CI machines can be slow

  it('writes one file per record', async () => {
    expect(report.read).toBe(DVC_LINE_COUNT);
    expect(report.skipped).toEqual([]);
    expect(report.written).toBe(DVC_LINE_COUNT);
    expect(await readdir(outDir)).toHaveLength(DVC_LINE_COUNT);
  });

  it('writes files whose front matter passes the schema, with ids unique and equal to the file name', async () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { name, text, data } of await readEntries(outDir)) {
      const parsed = procedureSchema.safeParse(data);
      if (!parsed.success) {
        problems.push(`${name}: ${parsed.error.message}`);
        continue;
      }
      const { id, code, origin, updated, review_by } = parsed.data;
      if (id !== name.replace(/\.md$/, '') || code !== id) problems.push(`${name}: id ${id}, code ${code}`);
      if (origin !== 'imported' || review_by <= updated) problems.push(`${name}: origin ${origin}, ${updated} → ${review_by}`);
      if (!text.includes(`\ncode: "${code}"\n`)) problems.push(`${name}: code not quoted`);
      ids.add(id);
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(DVC_LINE_COUNT);
    expect([...ids].sort()).toEqual([...dvcRecords().keys()].sort());
  }, 60_000);

  it('counts empty and unreadable fields', () => {
    // 1,750 records say "Không có thông tin" for the conditions; 76 for the legal basis, plus
    // 8 whose legal-basis cell holds other text (7 cut by the crawler, 1 without a table).
    expect(report.emptyFields.conditions).toBe(1750);
    expect(report.emptyFields.legal_basis).toBe(84);
    expect(report.unparsed.legal_basis).toBe(8);
    // Every record has at least one channel row.
    expect(report.unparsed.submit).toBeUndefined();
    expect(report.unparsed.processing_time).toBe(report.unparsed.fee);
  });
});

describe('importDvcFile on messy input', () => {
  const valid = [...dvcRecords().values()].slice(0, 2).map((entry) => entry.text);
  const withoutCode = JSON.stringify({ ...JSON.parse(valid[1] ?? '{}'), ma_thu_tuc: '' });
  const lines = [valid[0], '', '{"ma_thu_tuc": "1.000178",', withoutCode, valid[0], valid[1], '[1, 2]'];

  async function importText(name: string, content: Buffer | string) {
    const input = path.join(tmp, name);
    await writeFile(input, content);
    const outDir = path.join(tmp, `${name}-out`);
    return { report: await importDvcFile(input, outDir, { today: TODAY }), outDir };
  }

  it('skips blank, malformed, code-less and duplicate lines, with line numbers', async () => {
    const { report, outDir } = await importText('messy.jsonl', lines.join('\n'));
    expect(report.read).toBe(7);
    expect(report.written).toBe(2);
    expect(report.skipped.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 2, code: undefined },
      { line: 3, code: undefined },
      { line: 4, code: undefined },
      { line: 5, code: '1.000178' },
      { line: 7, code: undefined },
    ]);
    expect(report.skipped.map((skip) => skip.reason)).toEqual([
      'dòng trống (blank line)',
      expect.stringMatching(/^không phải JSON hợp lệ \(invalid JSON\): /),
      'thiếu mã thủ tục (ma_thu_tuc)',
      'trùng mã thủ tục, đã giữ dòng 1',
      'không phải bản ghi của Cổng Dịch vụ công quốc gia (not a portal record): (bản ghi): Expected object, received array',
    ]);
    expect((await readdir(outDir)).sort()).toEqual(['1.000178.md', `${String(JSON.parse(valid[1] ?? '{}').ma_thu_tuc)}.md`]);
  });

  it('reads gzip input when the name ends with .gz', async () => {
    const plain = await importText('same.jsonl', lines.join('\n'));
    const gzipped = await importText('same.jsonl.gz', gzipSync(lines.join('\n')));
    expect(gzipped.report).toEqual(plain.report);
  });

  it('formats the report in a few lines', async () => {
    const { report } = await importText('report.jsonl', lines.join('\n'));
    const text = importReport(report, 2);
    expect(text.split('\n')).toEqual([
      'Đã đọc 7 dòng: nhận 2 thủ tục, bỏ qua 5 dòng.',
      expect.stringMatching(/^Trường để trống \(empty fields\): /),
      expect.stringMatching(/^Trường không đọc được, để trống hoặc chỉ đọc được một phần \(unparsed\): /),
      '  dòng 2: dòng trống (blank line)',
      expect.stringMatching(/^ {2}dòng 3: không phải JSON hợp lệ \(invalid JSON\): /),
      '  … và 3 dòng bị bỏ qua khác.',
    ]);
  });

  it('rejects a bad date before writing anything', async () => {
    await expect(importDvcFile(DVC_FILE, path.join(tmp, 'never'), { today: '22/11/2026' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(readdir(path.join(tmp, 'never'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a missing input file', async () => {
    await expect(importDvcFile(path.join(tmp, 'missing.jsonl.gz'), path.join(tmp, 'missing-out'), { today: TODAY })).rejects.toThrow(
      /ENOENT/,
    );
  });
});
