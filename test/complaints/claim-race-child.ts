// One app instance of claim-race.test.ts: its own store connection and Hotline. It
// says "ready", waits for "go" on standard input, then has staff member <by> claim
// every complaint at once, and prints each outcome as one JSON line.
import { once } from 'node:events';
import { openStore } from '../../src/store/open-store.ts';
import { newDesk } from './desk.ts';

const [url, prefix, by, codes] = process.argv.slice(2);
const store = await openStore(url!, { prefix: prefix! });
const hotline = newDesk(store);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const outcomes = await Promise.all(
  (JSON.parse(codes!) as string[]).map(async (code) => {
    const result = await hotline.act(code, { type: 'claim', by: by! });
    return result.ok ? { code, ok: true } : { code, ok: false, reason: result.reason };
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.stdin.destroy();
