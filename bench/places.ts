// Place resolution benchmark: how long reading a message's places and resolving them
// takes ("phường cũ X giờ thuộc đâu?"), on place questions and on ordinary questions
// (which every message pays for), beside a naive resolver measured in the same run: it
// folds the message and looks for every known name in it. Also the time and heap of
// indexing the units file and the old districts (done once, on the first message).
//
// Target (issue 13): resolution p99 ≤ 2 ms per message, on whatever machine runs it.
// The JSON names each target with its limit, the value and whether it passed; "failed"
// lists the missed ones, and the exit code is 1 when there are any.
//
// Run: npm run bench:places   (node --expose-gc --import tsx bench/places.ts)
import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { readEvalSet } from '../src/eval/eval-set.ts';
import { percentile, round } from '../src/eval/metrics.ts';
import { DISTRICTS_FILE, loadPlaces, Places, UNITS_FILE } from '../src/places/places.ts';
import { resolve } from '../src/places/resolve.ts';
import { fold } from '../src/kernel/vietnamese.ts';

const ROOT = resolvePath(import.meta.dirname, '..');
const BUILDS = 5;
const ROUNDS = 5;
const WARM_ROUNDS = 3;
const TARGETS = [
  { name: 'place_question_p99_ms', of: 'reading and resolving one place question, absolute', limit: 2, value: (r: Report) => r.motcua.place_questions.p99_ms },
  { name: 'any_message_p99_ms', of: 'reading and resolving one message, place or ordinary question, absolute', limit: 2, value: (r: Report) => r.motcua.all.p99_ms },
];

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:places)');

interface Latency {
  p50_ms: number;
  p99_ms: number;
}

type Report = Awaited<ReturnType<typeof run>>;

/** Place questions: the dev lines of the independent set, and generated ones (accented, unaccented, with a slip) for old units across the country. */
function placeQueries(places: Places): string[] {
  const dev = readFileSync(join(ROOT, 'test/eval/places/writer-p.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { q: string; split: string })
    .filter((line) => line.split === 'dev')
    .map((line) => line.q);
  const { old } = places.gazetteer;
  const sample = old.filter((_, i) => i % Math.ceil(old.length / 300) === 0);
  const generated = sample.flatMap((unit) => {
    const name = `${unit.type === 'phuong' ? 'phường' : unit.type === 'xa' ? 'xã' : 'thị trấn'} ${unit.name}`;
    const slip = name.length > 8 ? name.slice(0, -2) + name.slice(-1) : name;
    return [`${name} cũ giờ thuộc đâu ạ`, `${fold(name)} cu gio nop ho so o dau`, `${slip} cũ giờ là xã nào`];
  });
  return [...dev, ...generated];
}

/** The obvious resolver: every known name looked for in the folded message. */
function naiveResolver(places: Places): (q: string) => unknown {
  const keys = [...places.gazetteer.keys()];
  return (q) => {
    const text = ` ${fold(q).replace(/[^a-z0-9]+/g, ' ')} `;
    return keys.filter((k) => text.includes(` ${k} `)).flatMap((k) => places.gazetteer.named(k));
  };
}

function latency(fn: (q: string) => unknown, queries: readonly string[]): Latency {
  // Warm up: compiled code and caches, as in a server that has answered a few thousand messages.
  for (let round = 0; round < WARM_ROUNDS; round++) for (const q of queries) fn(q);
  gc!(); // the garbage of indexing and of the warm-up is not this measurement's
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      fn(q);
      times.push(performance.now() - start);
    }
  }
  return { p50_ms: percentile(times, 0.5), p99_ms: percentile(times, 0.99) };
}

async function run() {
  const text = readFileSync(join(ROOT, 'knowledge', UNITS_FILE), 'utf8');
  const districts = { file: DISTRICTS_FILE, text: readFileSync(join(ROOT, 'knowledge', DISTRICTS_FILE), 'utf8') };
  const builds: number[] = [];
  let heap = 0;
  let places: Places | undefined;
  for (let i = 0; i < BUILDS; i++) {
    places = undefined;
    gc!();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    places = new Places(UNITS_FILE, text, [], [], districts);
    places.warm();
    builds.push(performance.now() - start);
    gc!();
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  const loaded = (await loadPlaces(join(ROOT, 'knowledge')))!;
  const place = placeQueries(loaded);
  const ordinary = [...(await readEvalSet(join(ROOT, 'test/eval/questions.jsonl'), 'dev')).questions].map((q) => q.q);
  const ours = (q: string) => resolve(loaded.reader.read(q), loaded.gazetteer);
  const naive = naiveResolver(loaded);
  const motcua = { place_questions: latency(ours, place), ordinary_questions: latency(ours, ordinary), all: latency(ours, [...place, ...ordinary]) };
  const naive_scan = { place_questions: latency(naive, place), ordinary_questions: latency(naive, ordinary), all: latency(naive, [...place, ...ordinary]) };
  return {
    index: { first_build_ms: round(builds[0]!, 1), build_ms: round(percentile(builds, 0.5), 1), heap_mb: round(heap / 2 ** 20, 1) },
    queries: { place: place.length, ordinary: ordinary.length },
    motcua,
    naive_scan,
    ratio: { p50: round(motcua.all.p50_ms / naive_scan.all.p50_ms, 2), p99: round(motcua.all.p99_ms / naive_scan.all.p99_ms, 2) },
  };
}

const report = await run();
const targets = TARGETS.map(({ name, of, limit, value }) => ({ name, of, limit, value: value(report), pass: value(report) <= limit }));
const failed = targets.filter((t) => !t.pass).map((t) => t.name);
console.log(JSON.stringify({ bench: 'places', node: process.version, ...report, targets, failed, pass: failed.length === 0 }, null, 2));
process.exitCode = failed.length ? 1 : 0;
