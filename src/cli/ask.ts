import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createNodeService } from '../node/create-node-service.js';
import type { Answer, ChatTurn } from '../types.js';

const USAGE = `Usage: npm run ask -- [--json] [--history '<json array of {role, content}>'] "问题"`;

/** `npm run ask -- "问题"`: the answer with its citations; `--json` prints the API's JSON. */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, history: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const question = positionals.join(' ').trim();
  if (values.help || !question) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const history = values.history ? (JSON.parse(values.history) as ChatTurn[]) : [];
  const service = await createNodeService(loadConfig({ ...process.env, LOG_REQUESTS: 'false' }));
  const answer = await service.ask(question, history);
  console.log(values.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer));
}

export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer, ''];
  answer.citations.forEach((c, i) => {
    lines.push(`[${i + 1}] ${c.section}  (id: ${c.id}, 字符 ${c.start}–${c.end})`);
    lines.push(`    「${c.quote}」`);
  });
  if (answer.abstained && answer.suggestions?.length) lines.push(...answer.suggestions.map((s) => `  → ${s.section} (id: ${s.id})`));
  if (answer.degraded) lines.push('', `(模型回答不可用：${answer.degradedReason}；以上为报告原文摘录)`);
  return lines.join('\n');
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
