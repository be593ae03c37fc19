// locality.yaml's reception points may list the communes they serve: codes are checked
// for their form when the file loads, and against the units file by `motcua lint`.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocality } from '../../src/knowledge/locality.ts';
import type { Problem } from '../../src/knowledge/problems.ts';
import { loadPlaces } from '../../src/places/places.ts';
import { motcua } from '../cli/run-motcua.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-locality-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const point = (communes: string) => `example: false
authority: UBND thử
one_stop:
  - name: Điểm tiếp nhận
    address: Số 1
    hours: Giờ hành chính
    communes: ${communes}
hotline:
  phone: "1022"
`;

describe('reception points with the communes they serve', () => {
  it('loads codes of five digits and reports others with their line', async () => {
    await writeFile(join(dir, 'good.yaml'), point('["26740", 27154]'));
    expect((await loadLocality(join(dir, 'good.yaml'), []))?.one_stop[0]?.communes).toEqual(['26740', '27154']);
    await writeFile(join(dir, 'bad.yaml'), point('["2674"]'));
    const problems: Problem[] = [];
    expect(await loadLocality(join(dir, 'bad.yaml'), problems)).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line: 7, field: 'one_stop.0.communes.0', severity: 'error' })]);
  });

  it('names a code the units file does not have', async () => {
    const places = (await loadPlaces('knowledge'))!;
    const locality = (await loadLocality(join(dir, 'good.yaml'), []))!;
    expect(places.unknownCodes(locality, 'locality.yaml')).toEqual([]);
    const wrong = { ...locality, one_stop: [{ ...locality.one_stop[0]!, communes: ['26740', '99999'] }] };
    expect(places.unknownCodes(wrong, 'locality.yaml')).toEqual([expect.objectContaining({ field: 'one_stop.0.communes', message: expect.stringContaining('99999') })]);
  });

  it('reports an abroad list that is not a list of names, with its line, and still reads the units', async () => {
    const knowledge = join(dir, 'kb');
    await mkdir(join(knowledge, 'places'), { recursive: true });
    await copyFile('knowledge/places/units-2025.jsonl', join(knowledge, 'places', 'units-2025.jsonl'));
    await writeFile(join(knowledge, 'places', 'abroad.yaml'), 'names:\n  - Đài Loan\nnote: x\n');
    const places = (await loadPlaces(knowledge))!;
    expect(places.problems()).toEqual(expect.arrayContaining([expect.objectContaining({ file: expect.stringContaining('abroad.yaml'), severity: 'error' })]));
    expect(places.reader.read('Bến Nghé cũ giờ là phường gì').mentions.length).toBeGreaterThan(0);
  });

  it('motcua lint lists what the units file could not read, as warnings', async () => {
    const { code, stdout } = await motcua(['lint']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/knowledge\/places\/units-2025\.jsonl:\d+: before: không đọc được "Trường bắn TB1" \(đơn vị 07537\)/);
  });
});
