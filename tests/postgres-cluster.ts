import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../evals/lib/node-process.js';

/** Debian's PostgreSQL binaries (apt-get install postgresql), newest version first; null when not installed. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
  return found ?? null;
}

const bin = postgresBin();
if (!bin && process.env.REQUIRE_POSTGRES)
  throw new Error('REQUIRE_POSTGRES is set but PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)');

/** Whether the PostgreSQL tests run: they are skipped only where PostgreSQL is not installed and REQUIRE_POSTGRES is unset. */
export const postgresAvailable = bin !== null;

export interface PostgresCluster {
  /** postgres://qa:<password>@127.0.0.1:<port>/qa */
  url: string;
  password: string;
  port: number;
  /** Shut down at once (`-m immediate`, as a crash would); queries fail until `start()`. */
  stop(): void;
  start(): void;
  /** Stop and delete the cluster's files. */
  remove(): void;
  /** A new, empty database in the cluster; its URL. */
  database(name: string): string;
}

/**
 * A throwaway PostgreSQL cluster on a free port: initdb into a temp dir, password auth, started
 * with pg_ctl; `stop()` shuts it down at once (as a crash would) and `start()` brings it back.
 * PostgreSQL refuses to run as root, so as root its commands run as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  if (!bin) throw new Error('PostgreSQL is not installed');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pg-cluster-'));
  const password = `pw-${Math.random().toString(36).slice(2, 12)}`;
  writeFileSync(join(dir, 'pwfile'), `${password}\n`);
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    chownSync(dir, uid!, gid!);
    chownSync(join(dir, 'pwfile'), uid!, gid!);
  }
  const env = { ...process.env, PGPASSWORD: password };
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe', cwd: dir, env })
      : execFileSync(join(bin, program), args, { stdio: 'pipe', cwd: dir, env });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'qa', '-A', 'scram-sha-256', `--pwfile=${join(dir, 'pwfile')}`, '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'qa', 'qa']);
  const stopQuietly = () => {
    try {
      stop();
    } catch {
      // already stopped
    }
  };
  return {
    url: `postgres://qa:${password}@127.0.0.1:${port}/qa`,
    password,
    port,
    start,
    stop: stopQuietly,
    database(name) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'qa', name]);
      return `postgres://qa:${password}@127.0.0.1:${port}/${name}`;
    },
    remove() {
      stopQuietly();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
