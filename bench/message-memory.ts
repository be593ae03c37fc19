// Memory benchmark: generated messages (the property tests' generator: domain words, any
// Unicode, markup, long runs) through the real dialogue, in the addresses of every channel
// and a few chats each, so that sessions, lists and complaint intake carry over. The heap
// is measured after a forced collection once warm, halfway and at the end: the second half
// must not grow it (caches fill up in the first half, up to their limits).
//
// Run: npm run bench:memory   (JSON on stdout; MESSAGES sets how many per channel, default 10,000)
import fc from 'fast-check';
import type { ChannelName } from '../src/kernel/messages.ts';
import { realConversation } from '../test/web/real-conversation.ts';
import { typed } from '../test/security/typed-messages.ts';

const PER_CHANNEL = Number(process.env.MESSAGES ?? 10_000);
const CHANNELS: readonly ChannelName[] = ['web', 'telegram', 'zalo', 'zalo-oa'];
const WARM_UP = 2_000;
/** Target: the second half grows the heap by at most this share. */
const FLAT = 0.05;

const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');

function heapMb(): number {
  gc!();
  gc!();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 102.4) / 10;
}

const real = await realConversation();
real.engine.knowledge.places?.warm();
let sent = 0;

/** `count` generated messages, spread over the channels and seven chats on each. */
async function send(count: number): Promise<void> {
  const texts = fc.sample(typed, { numRuns: count, seed: sent });
  for (const text of texts) {
    const n = ++sent;
    const channel = CHANNELS[n % CHANNELS.length]!;
    await real.conversation.handle({ address: { channel, chatId: `chat-${n % 7}` }, updateId: String(n), text: text.slice(0, 2_000), receivedAt: Date.now() });
  }
}

try {
  const total = PER_CHANNEL * CHANNELS.length;
  const started = performance.now();
  await send(WARM_UP);
  const warm = heapMb();
  await send(total / 2);
  const half = heapMb();
  await send(total / 2);
  const end = heapMb();
  const secondHalfGrowth = Math.round(((end - half) / half) * 1000) / 1000;
  const failed = secondHalfGrowth > FLAT ? [`the heap grew ${(secondHalfGrowth * 100).toFixed(1)} % in the second half > ${FLAT * 100} %`] : [];
  const result = {
    messages: { warm_up: WARM_UP, per_channel: PER_CHANNEL, total, seconds: Math.round((performance.now() - started) / 100) / 10 },
    heap_mb: { warm, half, end },
    second_half_growth: secondHalfGrowth,
    target: `second half growth <= ${FLAT}`,
    failed,
  };
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await real.close();
}
