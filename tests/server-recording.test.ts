import SQLite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../evals/lib/node-process.js';
import { json } from './helpers.js';
import { spawnServer } from './spawn-server.js';

/** The real server process (npm start) recording into SQLite, killed, and pointed at a PostgreSQL that is not there. */
const ask = (baseUrl: string, question: string) =>
  fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

/** The recorder's flush interval (createRecorder's default): the most a committed turn lags its answer. */
const FLUSH_MS = 200;

describe('the server records turns in the SQLite file under DATA_DIR', () => {
  it('loses at most the turns of the last flush interval when killed with SIGKILL mid-write, and the file stays consistent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
    const server = await spawnServer({ DATA_DIR: dataDir, LOG_REQUESTS: 'false', RATE_LIMIT_ASK_PER_MINUTE: '0', OPENAI_API_KEY: '' });
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/database sqlite .* open/);
    // Twenty questions asked over and over: after the first round they come from the answer cache,
    // so many turns are answered (and queued) in every flush interval.
    const questions = Array.from({ length: 20 }, (_, i) => `第${i}个问题：行政复议收到多少件？`);
    for (const question of questions) await ask(server.baseUrl, question);
    const answered: { answerId: string; at: number }[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = n; !stop; i++) {
        try {
          const { answerId } = await json(await ask(server.baseUrl, questions[i % questions.length]!));
          answered.push({ answerId, at: performance.now() });
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 2_000));
    const killedAt = performance.now();
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(clients);

    const db = new SQLite(join(dataDir, 'qa.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('select * from turns').all() as Record<string, unknown>[];
      const stored = new Set(rows.map((r) => r.answer_id));
      // Every row is whole: a batch is one transaction.
      for (const row of rows)
        for (const column of ['answer_id', 'question_redacted', 'created_at', 'cited_ids']) expect(row[column]).toBeTruthy();
      // Answers given more than a flush interval (and a generous second for a busy machine) before the kill were all written.
      const settled = answered.filter((a) => a.at < killedAt - FLUSH_MS - 1_000);
      expect(settled.length).toBeGreaterThan(50);
      expect(settled.filter((a) => !stored.has(a.answerId))).toEqual([]);
      const lost = answered.filter((a) => !stored.has(a.answerId)).length;
      console.log(`[crash] ${answered.length} answers received, ${rows.length} turns stored, ${lost} answered turns lost to SIGKILL`);
    } finally {
      db.close();
    }
  }, 60_000);

  it('with PostgreSQL unreachable: starts, answers, reports the database degraded with the drops, and never logs the password', async () => {
    const password = 'Sup3r-Secret_pw';
    const port = await freePort(); // nothing listens there
    const server = await spawnServer({ DATABASE_URL: `postgres://qa:${password}@127.0.0.1:${port}/qa`, OPENAI_API_KEY: '' });
    try {
      const res = await ask(server.baseUrl, '行政复议收到多少件？');
      expect(res.status).toBe(200);
      expect((await json(res)).abstained).toBe(false);
      await expect
        .poll(async () => (await json(await fetch(`${server.baseUrl}/healthz`))).database, { timeout: 10_000 })
        .toMatchObject({ status: 'degraded', dialect: null, dropped: 1 });
      expect(server.output()).toMatch(/cannot open the database/);
      // The staff review says the database is unavailable; asking still works afterwards.
      const login = await fetch(`${server.baseUrl}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ username: 'hotline.li', password: 'correct horse battery' }),
      });
      expect([login.status, (await json(login)).error?.code]).toEqual([503, 'unavailable']);
      expect((await ask(server.baseUrl, '负责人出庭率是多少？')).status).toBe(200);
      expect(server.output()).not.toContain(password);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
