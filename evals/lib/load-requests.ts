import type autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What the load benchmarks send: the gold and dev2 questions (never the blind split) as /api/ask
 * bodies, and what the staff page sends while someone types (prefixes of varied length, asking for
 * ids and spans only: it holds the paragraphs).
 */
export function loadRequests(): { askBodies: string[]; searchPaths: string[] } {
  const lines = ['evals/gold.jsonl', 'evals/dev2.jsonl'].flatMap((f) =>
    readFileSync(`${root}/${f}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
  const questions = lines.map((l) => JSON.parse(l) as { question: string; history?: unknown[] });
  return {
    askBodies: questions.map((q) => JSON.stringify({ question: q.question, history: q.history ?? [] })),
    searchPaths: questions.map(
      (q, i) => `/api/search?q=${encodeURIComponent([...q.question].slice(0, 2 + (i % 11)).join(''))}&limit=20&text=false`,
    ),
  };
}

/** One autocannon request whose body (POST) or path (GET) moves to the next item each time. */
export function rotate(method: 'POST', path: string, bodies: string[], headers?: Record<string, string>): autocannon.Request;
export function rotate(method: 'GET', paths: string[]): autocannon.Request;
export function rotate(
  method: 'GET' | 'POST',
  pathOrPaths: string | string[],
  bodies: string[] = [],
  headers: Record<string, string> = {},
): autocannon.Request {
  let i = 0;
  return {
    method,
    setupRequest: function nextItem(request) {
      i++;
      if (method === 'GET') return { ...request, path: (pathOrPaths as string[])[i % pathOrPaths.length]! };
      return {
        ...request,
        path: pathOrPaths as string,
        headers: { 'content-type': 'application/json', ...headers },
        body: bodies[i % bodies.length]!,
      };
    },
  };
}
