// Deployment files: the Dockerfile, compose.yaml with deploy/Caddyfile, and the systemd
// unit. Their structure is checked on every run. The Dockerfile itself is followed
// without a container engine when MOTCUA_DEPLOY_TEST=1 (.ci/run sets it in a step of its
// own: npm ci compiles better-sqlite3, two to three minutes): a fresh `git clone` of the
// last commit (nothing beside it, no ../shared) is the build context, filtered by
// .dockerignore; each stage's COPY lines are copied into a folder standing for that
// stage's filesystem and its RUN lines run there (apt-get lines excepted: the build tools
// must be on this machine); then the final stage's CMD is started with a free PORT and
// answers /healthz, /readyz, POST /api/chat and the HEALTHCHECK command, and stops on SIGTERM.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES, parseConfig } from '../../src/config.ts';
import { dockerignore, execForm, parseCopy, parseDockerfile, parseEnvInstruction, type Instruction, type Stage } from './dockerfile.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const dockerfile = parseDockerfile(read('Dockerfile'));
const finalStage = dockerfile.stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);

describe('Dockerfile', () => {
  it('builds on node:20-bookworm-slim in two stages', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages) expect(stage.from).toBe('node:20-bookworm-slim');
  });

  it('installs with the build tools in the build stage, production dependencies only', () => {
    const runs = dockerfile.stages.flatMap((stage) => all(stage, 'RUN').map((i) => i.args));
    expect(runs.find((args) => args.includes('apt-get install'))).toMatch(/python3.*make.*g\+\+/);
    const installs = runs.filter((args) => /\bnpm (ci|install)\b/.test(args));
    expect(installs.length).toBeGreaterThan(0);
    for (const args of installs) expect(args).toMatch(/--omit=dev|npm prune --omit=dev/);
    // The runtime stage compiles nothing: it takes node_modules from a build stage.
    expect(all(finalStage, 'RUN')).toEqual([]);
    const modules = all(finalStage, 'COPY').map((i) => parseCopy(i.args)).find((copy) => copy.sources.some((s) => s.endsWith('node_modules')));
    expect(modules?.from).toBeDefined();
  });

  it('runs node itself as a non-root user, with data/ a volume and a HEALTHCHECK on /readyz', () => {
    expect(last(finalStage, 'WORKDIR')?.args).toBe('/app');
    expect(last(finalStage, 'USER')?.args).toMatch(/^(?!root$|0$)\S+$/);
    expect(execForm(last(finalStage, 'CMD')!.args)).toEqual(['node', 'bin/motcua.js', 'serve']);
    expect(all(finalStage, 'ENTRYPOINT')).toEqual([]);
    expect(all(finalStage, 'VOLUME').map((i) => i.args).join(' ')).toContain('/app/data');
    const check = execForm(last(finalStage, 'HEALTHCHECK')!.args);
    expect(check[0]).toBe('node');
    expect(check.join(' ')).toContain('/readyz');
  });

  it('.dockerignore keeps out installed files, local data and secrets', () => {
    const ignored = dockerignore(read('.dockerignore'));
    for (const path of ['node_modules/x/index.js', '.git/HEAD', 'data/motcua.sqlite', '.env', 'logs/a.log', 'test/server/app.test.ts']) expect(ignored(path), path).toBe(true);
    for (const path of ['package.json', 'package-lock.json', 'bin/motcua.js', 'src/main.ts', 'adapters/web/public/index.html', 'knowledge/locality.yaml']) expect(ignored(path), path).toBe(false);
  });
});

interface ComposeService {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  restart?: string;
  command?: string[];
  deploy?: { replicas?: number };
}

describe('compose.yaml', () => {
  const compose = parseYaml(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = Object.entries(compose.services);
  const bots = services.filter(([, service]) => service.build === '.');

  it('runs two bot instances on one Redis and one PostgreSQL', () => {
    expect(bots.reduce((count, [, service]) => count + (service.deploy?.replicas ?? 1), 0)).toBeGreaterThanOrEqual(2);
    const redis = services.find(([, service]) => service.image?.startsWith('redis:'));
    const postgres = services.find(([, service]) => service.image?.startsWith('postgres:'));
    expect(redis).toBeDefined();
    expect(postgres).toBeDefined();
    for (const [name, bot] of bots) {
      expect(bot.environment?.STORE_URL, name).toBe(`redis://${redis![0]}:6379`);
      expect(bot.environment?.DATABASE_URL, name).toMatch(new RegExp(`^postgres://\\w+@${postgres![0]}:5432/\\w+$`));
      expect(bot.depends_on?.[redis![0]]?.condition, name).toBe('service_healthy');
      expect(bot.depends_on?.[postgres![0]]?.condition, name).toBe('service_healthy');
      expect(bot.volumes, name).toContain('./knowledge:/app/knowledge:ro');
      // What compose sets is a valid configuration (TRUST_PROXY included).
      expect(() => parseConfig(bot.environment ?? {}), name).not.toThrow();
      expect(parseConfig(bot.environment ?? {}).trustProxy, name).toBeDefined();
    }
  });

  it('every service restarts and has a healthcheck; the bots check /readyz', () => {
    for (const [name, service] of services) {
      expect(service.restart, name).toMatch(/^(always|unless-stopped|on-failure)/);
      expect(service.healthcheck?.test?.[0], name).toBe('CMD');
    }
    for (const [name, bot] of bots) expect(bot.healthcheck!.test!.join(' '), name).toContain('/readyz');
  });

  it('one proxy on the public ports reaches every bot, with its config file from deploy/', () => {
    const proxies = services.filter(([, service]) => /^(caddy|nginx)(:|$)/.test(service.image ?? ''));
    expect(proxies).toHaveLength(1);
    const [, proxy] = proxies[0]!;
    expect(proxy.ports?.some((port) => port.endsWith(':80'))).toBe(true);
    const mounted = (proxy.volumes ?? []).map((volume) => volume.split(':')[0]!).filter((source) => source.startsWith('./deploy/'));
    expect(mounted).toHaveLength(1);
    const config = read(mounted[0]!);
    for (const [name] of bots) {
      expect(config, `${mounted[0]} names ${name}`).toContain(`${name}:3000`);
      expect(proxy.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    // No bot port is published: the proxy is the only way in, which TRUST_PROXY relies on.
    for (const [name, bot] of bots) expect(bot.ports, name).toBeUndefined();
  });
});

describe('deploy/motcua.service', () => {
  const unit = new Map<string, string>();
  for (const line of read('deploy/motcua.service').split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match) unit.set(match[1]!, match[2]!);
  }

  it('runs node bin/motcua.js serve from the working directory, as its own user, restarted on failure', () => {
    const [node, ...args] = unit.get('ExecStart')!.split(/\s+/);
    expect(isAbsolute(node!) && posix.basename(node!)).toBe('node');
    expect(args).toEqual(['bin/motcua.js', 'serve']);
    expect(unit.get('User')).toMatch(/^(?!root$)\S+$/);
    expect(unit.get('Restart')).toBe('on-failure');
    const workdir = unit.get('WorkingDirectory')!;
    expect(unit.get('EnvironmentFile')?.replace(/^-/, '')).toBe(`${workdir}/.env`);
    expect(unit.get('ReadWritePaths')).toBe(`${workdir}/data`);
  });

  it('is hardened', () => {
    expect(unit.get('NoNewPrivileges')).toBe('yes');
    expect(unit.get('ProtectSystem')).toBe('strict');
    expect(unit.get('PrivateTmp')).toBe('yes');
    expect(unit.has('MemoryDenyWriteExecute')).toBe(false);
  });
});

const FOLLOW = process.env.MOTCUA_DEPLOY_TEST === '1';
const MINUTE = 60_000;

describe.runIf(FOLLOW)('the Dockerfile followed in a fresh clone (MOTCUA_DEPLOY_TEST=1)', () => {
  let work: string;
  /** Each stage's filesystem root, by stage name and by index. */
  const roots = new Map<string, string>();
  let app: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'motcua-deploy-'));
    const clone = join(work, 'clone', 'motcua');
    await run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
    const context = join(work, 'context');
    const ignored = dockerignore(readFileSync(join(clone, '.dockerignore'), 'utf8'));
    const { stdout } = await run('git', ['ls-files', '-z'], { cwd: clone, maxBuffer: 16 * 1024 * 1024 });
    for (const path of stdout.split('\0').filter(Boolean)) {
      if (!ignored(path)) await cp(join(clone, path), join(context, path), { recursive: true });
    }

    const { stages } = parseDockerfile(readFileSync(join(clone, 'Dockerfile'), 'utf8'));
    let finalEnv: Record<string, string> = {};
    for (const [index, stage] of stages.entries()) {
      const root = join(work, `stage-${index}`);
      roots.set(String(index), root);
      if (stage.name) roots.set(stage.name, root);
      const state = { workdir: '/', env: {} as Record<string, string> };
      for (const instruction of stage.instructions) await follow(instruction, root, context, state);
      if (index === stages.length - 1) {
        app = join(root, state.workdir);
        finalEnv = state.env;
      }
    }

    port = await freePort();
    env = { ...process.env, ...finalEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
    // Only what the image sets: none of this machine's motcua settings.
    for (const name of CONFIG_VARIABLES) if (!['PORT', 'HOST', 'LOG_LEVEL'].includes(name)) delete env[name];
  }, 15 * MINUTE);

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) killGroup(server.pid, 'SIGKILL');
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('installs production dependencies only, with the SQLite driver built', async () => {
    const modules = await readdir(join(app, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['better-sqlite3', 'tsx', 'fastify']));
    for (const dev of ['vitest', 'typescript', 'playwright-core']) expect(modules).not.toContain(dev);
    expect(existsSync(join(app, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    // Nothing the image does not run.
    expect(existsSync(join(app, 'test'))).toBe(false);
    expect((await stat(join(app, 'data'))).isDirectory()).toBe(true);
  });

  it("starts with the image's CMD and answers the probes, the web chat and the HEALTHCHECK", async () => {
    const [command, ...args] = execForm(last(finalStage, 'CMD')!.args);
    expect(command).toBe('node');
    // Its own process group, so that the process and any child it starts can be stopped together.
    server = spawn(process.execPath, args, { cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${base}/healthz`).then((r) => r.status, () => 0), { timeout: MINUTE, interval: 250 }).toBe(200);
    expect((await fetch(`${base}/readyz`)).status, output).toBe(200);
    const chat = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session: 'deploy-test-0001', text: 'cấp hộ chiếu phổ thông' }),
    });
    expect(chat.status, output).toBe(200);
    const { replies } = (await chat.json()) as { replies: { text: string }[] };
    expect(replies[0]?.text).toMatch(/hộ chiếu/i);
    // The SQLite file is where the data volume is mounted.
    expect(existsSync(join(app, 'data/motcua.sqlite'))).toBe(true);

    const [checkCommand, ...checkArgs] = execForm(last(finalStage, 'HEALTHCHECK')!.args);
    expect(checkCommand).toBe('node');
    await expect(run(process.execPath, checkArgs, { cwd: app, env, timeout: 10_000 })).resolves.toBeDefined();
  }, 2 * MINUTE);

  it('stops cleanly on SIGTERM (what docker stop sends), leaving no process behind', async () => {
    expect(server?.pid).toBeDefined();
    const pid = server!.pid!;
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    killGroup(pid, 'SIGTERM');
    expect(await exited, output).toBe(0);
    await expect.poll(() => groupAlive(pid), { timeout: 10_000 }).toBe(false);
    // The HEALTHCHECK now fails.
    const [, ...checkArgs] = execForm(last(finalStage, 'HEALTHCHECK')!.args);
    await expect(run(process.execPath, checkArgs, { cwd: app, env, timeout: 10_000 })).rejects.toMatchObject({ code: 1 });
  }, MINUTE);

  /** One instruction of a stage, on the folder standing for its filesystem. */
  async function follow(instruction: Instruction, root: string, context: string, state: { workdir: string; env: Record<string, string> }): Promise<void> {
    const inStage = (path: string) => join(root, posix.resolve(state.workdir, path));
    switch (instruction.keyword) {
      case 'WORKDIR':
        state.workdir = posix.resolve(state.workdir, instruction.args);
        await mkdir(inStage('.'), { recursive: true });
        return;
      case 'ENV':
        Object.assign(state.env, parseEnvInstruction(instruction.args));
        return;
      case 'COPY': {
        const copy = parseCopy(instruction.args);
        const fromRoot = copy.from === undefined ? undefined : roots.get(copy.from);
        if (copy.from !== undefined && !fromRoot) throw new Error(`Dockerfile line ${instruction.line}: no stage ${copy.from}`);
        const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
        for (const source of copy.sources) {
          const from = fromRoot ? join(fromRoot, posix.resolve('/', source)) : join(context, source);
          if (!existsSync(from)) throw new Error(`Dockerfile line ${instruction.line}: COPY ${source}: not in the ${fromRoot ? 'stage' : 'build context (see .dockerignore)'}`);
          const isFolder = (await stat(from)).isDirectory();
          const to = intoFolder && !isFolder ? join(inStage(copy.destination), posix.basename(source)) : inStage(copy.destination);
          await mkdir(isFolder ? to : dirname(to), { recursive: true });
          await cp(from, to, { recursive: true });
        }
        return;
      }
      case 'RUN': {
        // The system packages are this machine's (python3, make, g++ for better-sqlite3).
        if (/\bapt-get\b/.test(instruction.args)) return;
        if (instruction.args.includes(state.workdir) && state.workdir !== '/') throw new Error(`Dockerfile line ${instruction.line}: RUN names ${state.workdir}; keep its paths relative`);
        await run('sh', ['-c', instruction.args], { cwd: inStage('.'), env: { ...process.env, ...state.env }, timeout: 12 * MINUTE, maxBuffer: 64 * 1024 * 1024 });
        return;
      }
      default:
        // USER, EXPOSE, VOLUME, HEALTHCHECK, CMD, ARG: image metadata, checked above.
        return;
    }
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
