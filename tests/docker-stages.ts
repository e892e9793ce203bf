import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { basename, join, posix, relative } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/**
 * What one stage of the Dockerfile amounts to once replayed on this machine: its filesystem
 * root (a temp dir standing for `/`), its WORKDIR, ENV, USER, CMD and HEALTHCHECK command, and
 * the RUN lines it did not execute (the runtime stage's, which need the image's users).
 */
export interface ReplayedStage {
  name: string | null;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[] | undefined;
  healthcheck: string[] | undefined;
  skippedRuns: string[];
}

interface ReplayOptions {
  /** The build context (the repository). */
  context: string;
  /** Where the stages' filesystems go (each stage gets `<into>/<n>`). */
  into: string;
}

/**
 * Replay a Dockerfile without Docker, as faithfully as a test can: each stage gets its own
 * directory standing for its `/`; `COPY` copies from the build context (filtered by
 * .dockerignore) or from an earlier stage's directory (`--from`, absolute paths, WORKDIR
 * ignored as Docker does) with Docker's rules (a directory's contents go into the destination);
 * `RUN npm ci` links this checkout's node_modules (the lockfile is the same; the registry is not
 * reachable from a test); other RUN lines of stages that are built on (not the last) run in
 * `sh` at the WORKDIR. Anything it does not understand (wildcards, ADD, ARG) throws, so a
 * Dockerfile that outgrows it fails loudly instead of passing untested.
 */
export function replayDockerfile(dockerfile: string, { context, into }: ReplayOptions): ReplayedStage[] {
  const ignored = dockerignore(context);
  const stages: ReplayedStage[] = [];
  const instructions = DockerfileParser.parse(dockerfile).getInstructions();
  const lastFrom = instructions.filter((i) => i.getKeyword() === 'FROM').length;
  let stage: ReplayedStage | undefined;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((a) => a.getValue());
    if (keyword === 'FROM') {
      const name = args[1]?.toUpperCase() === 'AS' ? args[2]! : null;
      const root = join(into, String(stages.length));
      stage = { name, root, workdir: '/', env: {}, user: undefined, cmd: undefined, healthcheck: undefined, skippedRuns: [] };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
      continue;
    }
    if (!stage) throw new Error(`${keyword} before FROM`);
    const isLast = stages.length === lastFrom;
    const here = (path: string) => join(stage!.root, posix.resolve(stage!.workdir, path));
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = posix.resolve(stage.workdir, args[0]!);
        mkdirSync(here('.'), { recursive: true });
        break;
      case 'ENV':
        for (const [name, value] of envProperties(instruction)) stage.env[name] = value;
        break;
      case 'USER':
        stage.user = args[0];
        break;
      case 'CMD':
        stage.cmd = jsonForm(instruction.getTextContent(), 'CMD');
        break;
      case 'HEALTHCHECK':
        stage.healthcheck = jsonForm(instruction.getTextContent(), 'CMD');
        break;
      case 'COPY': {
        const from = flagValue(instruction, 'from');
        const sources = args.slice(0, -1);
        const dest = args.at(-1)!;
        for (const source of sources) {
          if (/[*?[]/.test(source)) throw new Error(`COPY ${source}: wildcards are not replayed`);
          const origin = from === undefined ? join(context, source) : join(stageNamed(stages, from).root, posix.resolve('/', source));
          if (!existsSync(origin)) throw new Error(`COPY ${from ? `--from=${from} ` : ''}${source}: no such file`);
          const intoDir = !statSync(origin).isDirectory() && (dest.endsWith('/') || sources.length > 1);
          const target = intoDir ? join(here(dest), basename(source)) : here(dest);
          const keep = (path: string) => from !== undefined || !ignored(relative(context, path));
          if (!keep(origin)) throw new Error(`COPY ${source}: excluded from the build context by .dockerignore`);
          cpSync(origin, target, { recursive: true, filter: keep, verbatimSymlinks: true });
        }
        break;
      }
      case 'RUN': {
        const command = instruction.getArgumentsContent()?.replace(/\\\n\s*/g, '') ?? '';
        if (isLast) stage.skippedRuns.push(command);
        else if (/^npm ci\b/.test(command)) symlinkSync(join(context, 'node_modules'), here('node_modules'));
        else execSync(command, { cwd: here('.'), stdio: 'pipe', env: { ...process.env, ...stage.env } });
        break;
      }
      case 'EXPOSE':
      case 'LABEL':
      case 'STOPSIGNAL':
        break;
      default:
        throw new Error(`${keyword} is not replayed`);
    }
  }
  return stages;
}

function stageNamed(stages: ReplayedStage[], name: string): ReplayedStage {
  const stage = stages.find((s) => s.name === name) ?? stages[Number(name)];
  if (!stage) throw new Error(`COPY --from=${name}: no such stage`);
  return stage;
}

function flagValue(instruction: Instruction, name: string): string | undefined {
  const flags = (instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  return flags.find((f) => f.getName() === name)?.getValue() ?? undefined;
}

function envProperties(instruction: Instruction): [string, string][] {
  const properties = (instruction as Instruction & { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
  return properties.map((p) => [p.getName(), p.getValue() ?? '']);
}

/** The exec (JSON) form after `keyword`; the shell form is refused (signals would go to sh, not node). */
function jsonForm(text: string, keyword: string): string[] {
  const match = new RegExp(`\\b${keyword}\\s+(\\[[\\s\\S]*\\])\\s*$`).exec(text.replace(/\\\n\s*/g, ''));
  if (!match) throw new Error(`${keyword} is not in exec form: ${text}`);
  return JSON.parse(match[1]!) as string[];
}

/**
 * `.dockerignore` as Docker reads it: patterns relative to the context, `*` within one path
 * segment, `**` across segments, a pattern also excludes everything below what it matches, the
 * last matching line wins, `!` re-includes.
 */
export function dockerignore(context: string): (path: string) => boolean {
  const file = join(context, '.dockerignore');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const rules = lines
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
      const body = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map(function toRegex(part) {
          if (part === '**/') return '(?:.*/)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          if (part === '?') return '[^/]';
          return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negate, regex: new RegExp(`^${body}(?:/.*)?$`) };
    });
  return function isIgnored(path: string) {
    const normalized = path.split('\\').join('/');
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(normalized)) ignored = !rule.negate;
    return ignored;
  };
}
