import type { ModelMessage } from 'ai';
import type { ChatTurn, Paragraph } from '../types.js';
import type { AnswerPrompts } from './answer-prompts.js';

export interface AnswerMessages {
  system: string;
  messages: ModelMessage[];
}

/**
 * The conversation sent to the model: earlier turns as they were, then one user turn holding
 * the numbered paragraphs and the question. Angle brackets in the question are replaced by
 * full-width ones so it cannot close its own tag and pose as instructions.
 */
export function buildAnswerMessages({
  prompts,
  paragraphs,
  question,
  history = [],
}: {
  prompts: AnswerPrompts;
  paragraphs: readonly Paragraph[];
  question: string;
  history?: readonly ChatTurn[];
}): AnswerMessages {
  const context = prompts.context
    .replace('{{paragraphs}}', () => paragraphs.map(formatParagraph).join('\n\n'))
    .replace('{{question}}', () => question.replace(/</gu, '＜').replace(/>/gu, '＞'));
  return {
    system: prompts.system,
    messages: [...history.map((t): ModelMessage => ({ role: t.role, content: t.content })), { role: 'user', content: context }],
  };
}

export function formatParagraph(p: Paragraph): string {
  return `<段落 id="${p.id}" 章节="${p.section}">\n${p.text}\n</段落>`;
}
