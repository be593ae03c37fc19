// One app instance of claim-race.test.ts: its own database connection and Hotline. It
// says "ready", waits for "go" on standard input, then has staff member <by> claim
// every complaint at once, and prints each outcome as one JSON line.
import { once } from 'node:events';
import { openDatabase } from '../../src/store/database.ts';
import { newDesk } from './desk.ts';

const [url, by, codes] = process.argv.slice(2);
const database = await openDatabase(url!);
const hotline = newDesk(database);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const outcomes = await Promise.all(
  (JSON.parse(codes!) as string[]).map(async (code) => {
    const result = await hotline.act(code, { type: 'claim', by: by! });
    return result.ok ? { code, ok: true } : { code, ok: false, reason: result.reason };
  }),
);
await database.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.stdin.destroy();
