// Slips of typing made from the units file (test/places/slips.ts): how many place
// questions with a slip resolve to the right place, how many to another place
// (confidently wrong), and what becomes of the same names typed right and of made-up
// names. Three seeds of the same size, so a change is seen on cases it was not tuned on.
//
// Run: npm run bench:slips   (node --import tsx bench/place-slips.ts [count per seed])
import { loadPlaces } from '../src/places/places.ts';
import { slipCases, tallySlips, type Tally } from '../test/places/slip-cases.ts';

const SEEDS = [1, 2, 3];
const count = Number(process.argv[2] ?? 1200);
const places = (await loadPlaces('knowledge'))!;
const runs = SEEDS.map((seed) => tallySlips(places, slipCases(places.gazetteer, seed, count)));
const groups = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
const rate = (n: number, t: Tally) => (t.total ? (n / t.total).toFixed(3) : '-');
console.log(`seeds ${SEEDS.join(', ')}: right / wrong / asked / none, as shares of each group`);
for (const group of groups) {
  const cells = runs.map((r) => r[group]).map((t) => (t ? `${rate(t.right, t)} ${rate(t.wrong, t)} ${rate(t.asked, t)} ${rate(t.none, t)} (${t.total})` : '-'));
  console.log(`${group.padEnd(16)} ${cells.join(' | ')}`);
}
