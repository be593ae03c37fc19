// Slips of typing made from the units file (slips.ts, slip-cases.ts) on a seed the
// resolver was not tuned on: most slips read right and few read wrong, names typed right
// never become another place, and made-up names more than a slip from any name are
// hardly ever taken for one. (bench:slips prints the same on larger sets.)
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { slipCases, tallySlips, type Tally } from './slip-cases.ts';

const SEED = 11;
const UNITS = 400;
let tallies: Record<string, Tally>;

beforeAll(async () => {
  const places: Places = (await loadPlaces('knowledge'))!;
  tallies = tallySlips(places, slipCases(places.gazetteer, SEED, UNITS));
});

const share = (group: string, outcome: keyof Tally) => tallies[group]![outcome] / tallies[group]!.total;

describe('generated slips of typing', () => {
  it('reads names typed right as themselves', () => {
    expect(tallies.right!.wrong).toBe(0);
    expect(share('right', 'right')).toBeGreaterThan(0.99);
  });

  it('reads most slips right and few wrong', () => {
    expect(share('slip', 'right')).toBeGreaterThan(0.82);
    expect(share('slip', 'wrong')).toBeLessThan(0.03);
  });

  it('hardly ever takes a made-up name more than a slip from any name for a place', () => {
    expect(share('invented', 'wrong')).toBeLessThan(0.05);
  });

  it('takes a made-up name one slip from a real one for it at most a quarter of the time', () => {
    // Such a name cannot be told from a slip of the real one; the address must back it.
    expect(share('invented-near', 'wrong')).toBeLessThan(0.25);
  });
});
