import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../src/node/server-node-flags.js';

const repo = new URL('..', import.meta.url);

describe("the server's V8 flags", () => {
  it('are the same under npm start, in the Dockerfile and in the benchmarks', () => {
    const start = (JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(/\bexec node\s+((?:--\S+\s+)*)\$entry$/.exec(start)?.[1]?.trim().split(/\s+/)).toEqual(SERVER_NODE_FLAGS);
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(readFileSync(new URL('Dockerfile', repo), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...SERVER_NODE_FLAGS, '--snapshot-blob', 'build/server/server.blob']);
  });

  it('run with the same malloc settings under npm start and in the Dockerfile', () => {
    const start = (JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const dockerfile = readFileSync(new URL('Dockerfile', repo), 'utf8');
    for (const [name, value] of Object.entries(SERVER_MALLOC_ENV)) {
      expect(start).toContain(` ${name}=${value} `);
      expect(dockerfile).toMatch(new RegExp(`^\\s+${name}=${value} \\\\$`, 'm'));
    }
  });

  it('are flags this Node accepts', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
