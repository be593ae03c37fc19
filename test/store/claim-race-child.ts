// One side of the two-process race in sqlite-processes.test.ts: opens the store,
// says "ready", waits for "go" on standard input, claims every key once and
// prints the numbers of the keys it won as JSON.
import { once } from 'node:events';
import { openStore } from '../../src/store/open-store.ts';

const [url, keyCount] = process.argv.slice(2);
const store = await openStore(url!, { prefix: 'race' });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const won: number[] = [];
for (let i = 0; i < Number(keyCount); i++) {
  if (await store.claim('race', `key-${i}`, `pid-${process.pid}`, 60_000)) won.push(i);
}
await store.close();
process.stdout.write(`${JSON.stringify(won)}\n`);
process.stdin.destroy();
