// The answering thread's pace: answers at once unless held; while held, one per trickle,
// oldest first; let go, every waiting answer goes on at once.
import { expect, it } from 'vitest';
import { AnswerPace } from '../../src/messaging/answer-pace.ts';

const TRICKLE_MS = 40;

it('lets every answer through at once while not held', async () => {
  const pace = new AnswerPace(TRICKLE_MS);
  const started = performance.now();
  await Promise.all([pace.turn(), pace.turn(), pace.turn()]);
  expect(performance.now() - started).toBeLessThan(TRICKLE_MS);
});

it('while held, lets one answer through per trickle, oldest first', async () => {
  const pace = new AnswerPace(TRICKLE_MS);
  pace.hold(true);
  const started = performance.now();
  const through: [number, number][] = [];
  await Promise.all([1, 2, 3].map((n) => pace.turn().then(() => through.push([n, performance.now() - started]))));
  expect(through.map(([n]) => n)).toEqual([1, 2, 3]);
  // Timers may fire a little early or late; three trickles cannot pass in much less than three.
  expect(through[2]![1]).toBeGreaterThanOrEqual(3 * TRICKLE_MS - 5);
  expect(through[1]![1] - through[0]![1]).toBeGreaterThanOrEqual(TRICKLE_MS - 5);
});

it('let go, lets every waiting answer through at once, and later ones are not held', async () => {
  const pace = new AnswerPace(10_000);
  pace.hold(true);
  const through: number[] = [];
  const waiting = [1, 2, 3].map((n) => pace.turn().then(() => through.push(n)));
  await new Promise((r) => setTimeout(r, 20));
  expect(through).toEqual([]);
  pace.hold(false);
  await Promise.all(waiting);
  expect(through).toEqual([1, 2, 3]);
  await pace.turn();
});
