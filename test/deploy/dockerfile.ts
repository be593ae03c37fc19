// A small reader for the repository's Dockerfile and .dockerignore: enough of their
// syntax for the deployment test to check them and to follow the build without a
// container engine (instructions, stages, exec forms, COPY sources, ignore patterns).

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  /** The image after FROM, with ARG defaults filled in. */
  from: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  args: Record<string, string>;
  stages: Stage[];
}

/** Joins continued lines and drops comments, as Docker does (comment lines inside a continuation too). */
export function readInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let current: { parts: string[]; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && current === undefined)) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1).trim() : line;
    current ??= { parts: [], line: index + 1 };
    if (part) current.parts.push(part);
    if (!continued) {
      const joined = current.parts.join(' ');
      const space = joined.search(/\s/);
      instructions.push({
        keyword: (space === -1 ? joined : joined.slice(0, space)).toUpperCase(),
        args: space === -1 ? '' : joined.slice(space + 1).trim(),
        line: current.line,
      });
      current = undefined;
    }
  });
  return instructions;
}

export function parseDockerfile(text: string): Dockerfile {
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of readInstructions(text)) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = instruction.args.split('=');
      args[name] = value;
    } else if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const from = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => args[arg] ?? '');
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile line ${instruction.line}: ${instruction.keyword} before FROM`);
      stage.instructions.push(instruction);
    }
  }
  return { args, stages };
}

/** The JSON array of an exec-form CMD, ENTRYPOINT or HEALTHCHECK CMD; throws on the shell form. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
}

export interface Copy {
  /** The stage copied from (--from), or undefined for the build context. */
  from?: string;
  chown?: string;
  sources: string[];
  destination: string;
}

export function parseCopy(args: string): Copy {
  const words = args.split(/\s+/);
  const flags = new Map<string, string>();
  while (words[0]?.startsWith('--')) {
    const [flag = '', value = ''] = words.shift()!.slice(2).split('=');
    flags.set(flag, value);
  }
  const destination = words.pop();
  if (!destination || words.length === 0) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { from: flags.get('from'), chown: flags.get('chown'), sources: words, destination };
}

/** ENV key=value pairs (values without spaces, as this Dockerfile writes them). */
export function parseEnvInstruction(args: string): Record<string, string> {
  return Object.fromEntries(
    args.split(/\s+/).map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1).replace(/^"(.*)"$/, '$1')];
    }),
  );
}

/**
 * The .dockerignore patterns as a test of a context-relative path: `*` and `?` within a
 * segment, `**` across segments; a pattern that matches a folder excludes what is in it.
 * Exceptions (`!pattern`) are not supported here and are refused.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((pattern) => {
      if (pattern.startsWith('!')) throw new Error(`.dockerignore: exceptions are not followed by this test: ${pattern}`);
      const body = pattern
        .replace(/^\/+|\/+$/g, '')
        .split('/')
        .map((segment) => (segment === '**' ? '.*' : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return new RegExp(`^${body}(?:/.*)?$`);
    });
  return (path) => patterns.some((pattern) => pattern.test(path));
}
