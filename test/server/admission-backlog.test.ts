// The serving thread's reading of a backlog: many updates waiting to be stored at once
// starts one, and it ends once they have been stored; a few at a time never start one.
import { expect, it, vi } from 'vitest';
import { AdmissionBacklog } from '../../src/admission-backlog.ts';
import type { Admit, Incoming } from '../../src/kernel/messages.ts';

const WAIT = { timeout: 5_000, interval: 5 };

/** An admit whose stores finish only when `store()` is called. */
function slowAdmit(): { admit: Admit; store: () => void } {
  let finish: (() => void)[] = [];
  return {
    admit: () => new Promise((resolve) => finish.push(() => resolve('accepted'))),
    store: () => {
      for (const done of finish) done();
      finish = [];
    },
  };
}

const incoming = (n: number): Incoming => ({ address: { channel: 'telegram', chatId: String(n) }, updateId: String(n), text: 'xin chào', receivedAt: Date.now() });

it('tells of a backlog when `atLeast` updates wait at once, and of its end once they are stored', async () => {
  const heard: boolean[] = [];
  const backlog = new AdmissionBacklog((on) => heard.push(on), { atLeast: 4, windowMs: 10 });
  const { admit, store } = slowAdmit();
  const counted = backlog.counted(admit);
  const admitted = [1, 2, 3, 4].map((n) => counted(incoming(n)));
  await vi.waitFor(() => expect(heard).toEqual([true]), WAIT);
  store();
  expect(await Promise.all(admitted)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  await vi.waitFor(() => expect(heard).toEqual([true, false]), WAIT);
  backlog.stop();
});

it('never tells of a backlog while fewer wait at once, however many come one after another', async () => {
  const heard: boolean[] = [];
  const backlog = new AdmissionBacklog((on) => heard.push(on), { atLeast: 4, windowMs: 10 });
  const { admit, store } = slowAdmit();
  const counted = backlog.counted(admit);
  for (let n = 0; n < 20; n++) {
    const admitted = [counted(incoming(3 * n)), counted(incoming(3 * n + 1)), counted(incoming(3 * n + 2))];
    await new Promise((r) => setTimeout(r, 2));
    store();
    await Promise.all(admitted);
  }
  await new Promise((r) => setTimeout(r, 30));
  expect(heard).toEqual([]);
  backlog.stop();
});

it('counts an update whose store failed as no longer waiting', async () => {
  const heard: boolean[] = [];
  const backlog = new AdmissionBacklog((on) => heard.push(on), { atLeast: 2, windowMs: 10 });
  const counted = backlog.counted(() => new Promise((_, reject) => setTimeout(() => reject(new Error('store down')), 30)));
  const failed = [1, 2].map((n) => counted(incoming(n)).catch((error: Error) => error.message));
  await vi.waitFor(() => expect(heard).toEqual([true]), WAIT);
  expect(await Promise.all(failed)).toEqual(['store down', 'store down']);
  await vi.waitFor(() => expect(heard).toEqual([true, false]), WAIT);
  backlog.stop();
});
