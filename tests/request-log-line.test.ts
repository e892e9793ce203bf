import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { RequestLogEntry } from '../src/http/log-requests.js';
import { createLogger, requestLineWriter } from '../src/node/create-logger.js';

/** A logger whose lines are collected, as pino's destination would write them. */
function collectingLogger(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const logger = createLogger(loadConfig(env), { write: (line: string) => void lines.push(line), flushSync() {} } as never);
  return { logger, lines };
}

const entries: RequestLogEntry[] = [
  { reqId: 'f8142f47-564f-46d4-b70e-8bb6049dbaf6', method: 'POST', path: '/api/ask', status: 200, ms: 1.3 },
  { reqId: 'proxy-given-id-1234', method: 'GET', path: '/api/x\r\n{"level":30,"msg":"forged"}\\ \u2028 é 问', status: 404, ms: 0 },
  { reqId: 'a', method: 'GET', path: '/api/Bearer abcdefghijkl/sk-abcdefghij', status: 429, ms: 12.5, client: '10.0.0.1' },
];

describe('the request log line', () => {
  it('is the line pino writes for logger.info(entry, "request"), through the same redaction', () => {
    const ours = collectingLogger({ OPENAI_API_KEY: 'k-secret-1234' });
    const pinos = collectingLogger({ OPENAI_API_KEY: 'k-secret-1234' });
    const write = requestLineWriter(ours.logger);
    for (const entry of [...entries, { ...entries[0]!, path: '/k-secret-1234' }]) {
      write(entry);
      pinos.logger.info(entry, 'request');
    }
    const withoutTime = (line: string) => line.replace(/"time":\d+/, '"time":0');
    expect(ours.lines.map(withoutTime)).toEqual(pinos.lines.map(withoutTime));
    expect(ours.lines.join('')).not.toMatch(/k-secret-1234|abcdefghij/);
    for (const line of ours.lines) expect(line.endsWith('}\n') && line.split('\n').length).toBe(2);
  });

  it('writes nothing when the level is above info', () => {
    const { logger, lines } = collectingLogger({ LOG_LEVEL: 'warn' });
    requestLineWriter(logger)(entries[0]!);
    expect(lines).toEqual([]);
  });
});
