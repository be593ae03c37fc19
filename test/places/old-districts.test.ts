// The districts before the merger, for the old communes the units file names without
// theirs: taken only where one old commune of that name is listed in the province, read
// as the address of a name typed beside it, and a line that is not a district reported.
import { beforeAll, expect, it } from 'vitest';
import type { Problem } from '../../src/knowledge/problems.ts';
import { Gazetteer } from '../../src/places/gazetteer.ts';
import { parseOldDistricts } from '../../src/places/old-districts.ts';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { parseUnits } from '../../src/places/units.ts';
import { mainCode } from './main-code.ts';

let places: Places;

beforeAll(async () => {
  places = (await loadPlaces('knowledge'))!;
});

const UNITS = [
  { level: 'province', code: '75', name: 'Thành phố Đồng Nai', before: 'tỉnh Bình Phước, tỉnh Đồng Nai' },
  { level: 'commune', code: '26170', name: 'Phường Trị An', province_code: '75', province: 'Thành phố Đồng Nai', before: 'Thị trấn Vĩnh An, Xã Mã Đà, Xã Trị An' },
  { level: 'commune', code: '26200', name: 'Xã Tân Phú', province_code: '75', province: 'Thành phố Đồng Nai', before: 'Xã Phú Lý' },
]
  .map((u) => JSON.stringify(u))
  .join('\n');

const line = (code: string, name: string, province: string, communes: [string, string][]) =>
  JSON.stringify({ code, name, province_code: '75', province, communes: communes.map(([c, n]) => ({ code: c, name: n })) });

const DISTRICTS = [
  line('731', 'Huyện Vĩnh Cửu', 'Tỉnh Đồng Nai', [['26170', 'Xã Mã Đà'], ['26173', 'Xã Trị An'], ['26158', 'Thị trấn Vĩnh An']]),
  // Phú Lý is listed in two districts of the old provinces: which one is not guessed.
  line('732', 'Huyện Tân Phú', 'Tỉnh Đồng Nai', [['26201', 'Xã Phú Lý']]),
  line('690', 'Huyện Bù Đăng', 'Tỉnh Bình Phước', [['25201', 'Xã Phú Lý']]),
].join('\n');

it('gives an old commune named without its district the one district that lists it in the old provinces', () => {
  const problems: Problem[] = [];
  const gazetteer = new Gazetteer(parseUnits(UNITS, 'units.jsonl', problems), parseOldDistricts(DISTRICTS, 'districts.jsonl', problems));
  expect(problems).toEqual([]);
  const districtOf = (name: string) => gazetteer.old.find((u) => u.name === name)?.district;
  expect(districtOf('Mã Đà')).toBe('Huyện Vĩnh Cửu');
  expect(districtOf('Vĩnh An')).toBe('Huyện Vĩnh Cửu');
  expect(districtOf('Phú Lý')).toBeUndefined();
  expect(gazetteer.named('vinh cuu').map((r) => r.kind)).toEqual(['district']);
});

it('reads an old district typed right after a commune, without its type, as its address', () => {
  expect(mainCode(places, 'x Mã Đà Vĩnh Cửu h là p nào v ad')).toBe('26170');
  expect(mainCode(places, 'xã Mã Đà Vĩnh Cửu giờ là phường nào')).toBe('26170');
});

it('rules out no commune by a district the list does not give it: people name the one it was in years ago', () => {
  // Đôn Xuân was moved from huyện Trà Cú to huyện Duyên Hải in 2015; the list has it in Duyên Hải.
  expect(places.gazetteer.old.find((u) => u.name === 'Đôn Xuân')?.district).toBe('Huyện Duyên Hải');
  expect(mainCode(places, 'xã Đôn Xuân huyện Trà Cú giờ là xã gì ạ')).toBe('29497');
});

it('reports a line that is not a district, and reads the others', () => {
  const problems: Problem[] = [];
  const read = parseOldDistricts(`${DISTRICTS}\n{"code": "7", "name": "Huyện X"}\nnot json`, 'districts.jsonl', problems);
  expect(read.map((d) => d.code)).toEqual(['731', '732', '690']);
  expect(problems.map((p) => p.line)).toEqual(expect.arrayContaining([4, 5]));
  expect(problems.every((p) => p.severity === 'error')).toBe(true);
});
