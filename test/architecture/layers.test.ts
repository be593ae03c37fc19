// The layers, as the tree shows them: each imports only the ones below it, and only
// the adapters and the composition root know the web framework and the Telegram library.
// A new file belongs to the layer of its folder; a new folder must be placed here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Folders (or files) of each layer, from the project root. */
const LAYERS: Record<string, string[]> = {
  kernel: ['src/kernel'],
  // The sentences people read, one catalogue per audience.
  texts: ['src/texts'],
  store: ['src/store'],
  knowledge: ['src/knowledge', 'src/places', 'src/importer'],
  search: ['src/search'],
  complaints: ['src/complaints'],
  // Staff keeping the knowledge: edits from /admin, the unanswered questions, the weekly digest.
  curation: ['src/curation'],
  messaging: ['src/messaging'],
  dialogue: ['src/dialogue'],
  config: ['src/config.ts'],
  adapters: ['adapters'],
  tools: ['src/cli', 'src/eval'],
  // The server's start, the CLI that starts it (motcua serve), and the answering thread it may start (ANSWERING=thread).
  root: ['src/main.ts', 'src/cli/main.ts', 'src/answering-thread.ts', 'src/answering-worker.ts', 'src/admission-backlog.ts'],
};

/** What each layer may import besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  kernel: [],
  texts: ['kernel'],
  store: ['kernel', 'texts'],
  knowledge: ['kernel', 'texts'],
  search: ['kernel', 'texts', 'knowledge'],
  complaints: ['kernel', 'texts', 'store', 'knowledge'],
  curation: ['kernel', 'texts', 'store', 'knowledge', 'search'],
  messaging: ['kernel', 'texts', 'store', 'complaints'],
  dialogue: ['kernel', 'texts', 'store', 'knowledge', 'search', 'complaints', 'messaging'],
  config: ['kernel', 'texts', 'store'],
  adapters: ['kernel', 'texts', 'store', 'knowledge', 'search', 'complaints', 'curation', 'messaging', 'dialogue', 'config'],
  tools: ['kernel', 'texts', 'store', 'knowledge', 'search', 'complaints', 'curation', 'messaging', 'dialogue', 'config', 'adapters'],
  root: Object.keys(LAYERS),
};

/** Packages only the adapters and the composition root may use. */
const FRAMEWORKS = /^(fastify|@fastify\/|grammy|@grammyjs\/)/;
const FRAMEWORK_LAYERS = new Set(['adapters', 'root']);

/** The layer of a path: the longest folder or file of LAYERS that holds it. */
function layerOf(path: string): string | undefined {
  let best: { layer: string; length: number } | undefined;
  for (const [layer, prefixes] of Object.entries(LAYERS)) {
    for (const prefix of prefixes) {
      if ((path === prefix || path.startsWith(`${prefix}/`)) && prefix.length > (best?.length ?? -1)) best = { layer, length: prefix.length };
    }
  }
  return best?.layer;
}

/** The imports of `file` (given as specifiers) that break the layering. */
function violations(file: string, specifiers: readonly string[]): string[] {
  const layer = layerOf(file)!;
  return specifiers
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, normalize(join(ROOT, dirname(file), spec))))
    .flatMap((target) => {
      const to = layerOf(target);
      return to === layer || (to && MAY_IMPORT[layer]!.includes(to)) ? [] : [`${file} (${layer}) imports ${target} (${to ?? 'no layer'})`];
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return d.name === 'public' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(SPECIFIER)].map((m) => m[1]!);
}

const FILES = [...sourceFiles('src'), ...sourceFiles('adapters')];

describe('layers', () => {
  it('places every source file in a layer', () => {
    expect(FILES.filter((file) => !layerOf(file))).toEqual([]);
  });

  it('imports only from the layer itself and the ones below it', () => {
    expect(FILES.flatMap((file) => violations(file, importsOf(file)))).toEqual([]);
  });

  it('keeps Fastify and grammY to the adapters and the composition root', () => {
    const wrong = FILES.filter((file) => !FRAMEWORK_LAYERS.has(layerOf(file)!)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => FRAMEWORKS.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('leaves what a channel can do to its adapter: the dialogue, messaging and complaints name no channel', () => {
    // The staff export's column of channel display names is words, not behaviour.
    const named = FILES.filter((file) => ['dialogue', 'messaging', 'complaints'].includes(layerOf(file)!) && file !== 'src/complaints/export.ts').filter((file) =>
      /['"](web|telegram|zalo|zalo-oa)['"]/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(named).toEqual([]);
  });

  it('catches a layer importing one above it, and allows the other way', () => {
    expect(violations('src/messaging/inbox.ts', ['../dialogue/conversation.ts'])).toEqual([
      'src/messaging/inbox.ts (messaging) imports src/dialogue/conversation.ts (dialogue)',
    ]);
    expect(violations('src/dialogue/conversation.ts', ['../messaging/inbox.ts', '../texts/citizens.ts', 'node:crypto'])).toEqual([]);
    expect(violations('src/complaints/export.ts', ['../dialogue/answer.ts'])).toHaveLength(1);
    expect(violations('src/texts/staff.ts', ['../complaints/complaint.ts'])).toHaveLength(1);
  });
});
