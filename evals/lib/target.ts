import type { Answer, ChatTurn } from '../../src/types.js';

/** What the runner measures: anything that answers a question the way `POST /api/ask` does. */
export interface EvalTarget {
  name: string;
  /** Ranked paragraph ids (best first) and the answer, for one gold item. */
  ask(question: string, history: ChatTurn[]): Promise<{ answer: Answer; ranking: string[] }>;
}

/** The service in this process (the default). */
export function inProcessTarget(name: string, service: { ask(q: string, h: ChatTurn[]): Promise<Answer> }): EvalTarget {
  return {
    name,
    async ask(question, history) {
      const answer = await service.ask(question, history);
      return { answer, ranking: rankingOf(answer) };
    },
  };
}

/** A running deployment, through its public HTTP API only. */
export function httpTarget(baseUrl: string, { timeoutMs = 60_000 } = {}): EvalTarget {
  const url = new URL('/api/ask', baseUrl).toString();
  return {
    name: `service @ ${baseUrl}`,
    async ask(question, history) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(history.length ? { question, history } : { question }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const answer = (await res.json()) as Answer;
      return { answer, ranking: rankingOf(answer) };
    },
  };
}

/** The service's ranking: its retrieval diagnostics when present, else its citations. */
function rankingOf(answer: Answer): string[] {
  const ids = answer.retrieval?.map((r) => r.id) ?? [];
  return ids.length ? ids : answer.citations.map((c) => c.id);
}
