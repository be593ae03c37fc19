// The shared backend: several app instances on one Redis behave like one. Keyv
// (through @keyv/redis) does get/set/delete; the atomic operations are single
// Redis commands or Lua scripts on the same connection, and Redis's own key
// expiry (PX) is what makes an entry absent when its time is up.
import KeyvRedis, { createClient } from '@keyv/redis';
import { createKeyv, encodeEntry, KeyvStore, requirePositiveTtl } from './keyv-store.ts';
import type { QueueItem, Store } from './store.ts';

const CONNECT_TIMEOUT_MS = 5_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

// Deletes the key only while it holds the claimed string.
const RELEASE = `
  local raw = redis.call('GET', KEYS[1])
  if raw and cjson.decode(raw).value == ARGV[1] then
    return redis.call('DEL', KEYS[1])
  end
  return 0`;

// Starts a counter at 1 expiring in ARGV[1] ms, or counts up a live one keeping its expiry.
const INCREMENT = `
  local raw = redis.call('GET', KEYS[1])
  local count = 1
  if raw then
    count = cjson.decode(raw).value + 1
    redis.call('SET', KEYS[1], string.format('{"value":%d}', count), 'KEEPTTL')
  else
    redis.call('SET', KEYS[1], '{"value":1}', 'PX', ARGV[1])
  end
  return count`;

// A queue is three keys: <q>:items (hash id → JSON value), <q>:order (sorted set of
// ids scored by arrival) and <q>:seq (the arrival counter); the set <prefix>::queues
// names the queues that hold items, so that they can be found without a scan.
// Adds the id ARGV[a] (value ARGV[a+1]) not yet queued, behind every other, to the queue
// ARGV[a+2] whose keys are KEYS[k..k+3] (items, order, seq, the set of queues).
const enqueueLua = (k: number, a: number) => `
  if redis.call('HSETNX', KEYS[${k}], ARGV[${a}], ARGV[${a + 1}]) == 1 then
    redis.call('ZADD', KEYS[${k + 1}], redis.call('INCR', KEYS[${k + 2}]), ARGV[${a}])
    redis.call('SADD', KEYS[${k + 3}], ARGV[${a + 2}])
  end`;

const ENQUEUE = `${enqueueLua(1, 1)}
  return 0`;

// Claims KEYS[1] (NX, ARGV[2] ms) and, only then, enqueues as ENQUEUE does.
const ENQUEUE_ONCE = `
  if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
    return 0
  end${enqueueLua(2, 3)}
  return 1`;

// id1, value1, id2, value2 … oldest first; read in one script so no item is seen half-removed.
const PENDING = `
  local result = {}
  for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    result[#result + 1] = id
    result[#result + 1] = redis.call('HGET', KEYS[1], id)
  end
  return result`;

const REMOVE = `
  redis.call('ZREM', KEYS[2], ARGV[1])
  local removed = redis.call('HDEL', KEYS[1], ARGV[1])
  if redis.call('ZCARD', KEYS[2]) == 0 then
    redis.call('SREM', KEYS[4], ARGV[2])
  end
  return removed`;

type RedisClient = ReturnType<typeof createClient>;

/** Connects to `url` (redis://host:port[/db]); fails rather than waits when the server cannot be reached. */
export async function openRedisStore(url: string, prefix: string): Promise<Store> {
  let connected = false;
  const client: RedisClient = createClient({
    url,
    // While Redis is down commands fail at once instead of queueing: a caller
    // such as Admit must answer "not stored" so the platform delivers again.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Give up on the first connection (a wrong URL should fail fast); once up,
      // reconnect after a Redis restart with backoff.
      reconnectStrategy: (retries, cause) =>
        connected ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause,
    },
  });
  // Connection errors also reject connect() and the commands, which is where
  // callers see them; unlistened, the 'error' event would end the process.
  client.on('error', () => {});
  await client.connect();
  connected = true;
  return new RedisStore(client, prefix);
}

class RedisStore extends KeyvStore {
  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    super(createKeyv(new KeyvRedis(client, { throwOnErrors: true })), prefix);
  }

  async claim(namespace: string, key: string, value: string, ttlMs: number): Promise<boolean> {
    requirePositiveTtl(ttlMs);
    const reply = await this.client.set(this.keyOf(namespace, key), encodeEntry(value), {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK';
  }

  async release(namespace: string, key: string, value: string): Promise<boolean> {
    const deleted = await this.client.eval(RELEASE, { keys: [this.keyOf(namespace, key)], arguments: [value] });
    return deleted === 1;
  }

  async increment(namespace: string, key: string, ttlMs: number): Promise<number> {
    requirePositiveTtl(ttlMs);
    const count = await this.client.eval(INCREMENT, {
      keys: [this.keyOf(namespace, key)],
      arguments: [String(ttlMs)],
    });
    return Number(count);
  }

  async enqueue<T>(queue: string, id: string, value: T): Promise<void> {
    await this.client.eval(ENQUEUE, { keys: this.queueKeys(queue), arguments: [id, JSON.stringify(value), this.queueKey(queue)] });
  }

  async enqueueOnce<T>(namespace: string, queue: string, id: string, value: T, ttlMs: number): Promise<boolean> {
    requirePositiveTtl(ttlMs);
    const keys = [this.keyOf(namespace, id), ...this.queueKeys(queue)];
    const args = [encodeEntry(id), String(ttlMs), id, JSON.stringify(value), this.queueKey(queue)];
    return (await this.client.eval(ENQUEUE_ONCE, { keys, arguments: args })) === 1;
  }

  async pending<T>(queue: string): Promise<QueueItem<T>[]> {
    const flat = (await this.client.eval(PENDING, { keys: this.queueKeys(queue) })) as string[];
    const items: QueueItem<T>[] = [];
    for (let i = 0; i < flat.length; i += 2) items.push({ id: flat[i]!, value: JSON.parse(flat[i + 1]!) as T });
    return items;
  }

  async remove(queue: string, id: string): Promise<boolean> {
    return (await this.client.eval(REMOVE, { keys: this.queueKeys(queue), arguments: [id, this.queueKey(queue)] })) === 1;
  }

  async queues(prefix: string): Promise<string[]> {
    const start = this.queueKey(prefix);
    const keys = await this.client.sMembers(this.queueKeys(prefix)[3]!);
    return keys.filter((key) => key.startsWith(start)).map((key) => this.queueOfKey(key));
  }

  /** The queue's items, order and arrival counter, and the set of non-empty queues. */
  private queueKeys(queue: string): string[] {
    const key = this.queueKey(queue);
    return [`${key}:items`, `${key}:order`, `${key}:seq`, `${this.prefix}::queues`];
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
