import { createRoute, z } from '@hono/zod-openapi';
import type { UIMessage, UIMessageStreamWriter } from 'ai';
import { loadAiSdk } from '../llm/load-ai-sdk.js';
import type { QaService } from '../qa-service.js';
import { timeOrderedId } from '../record/time-ordered-id.js';
import type { Answer, Citation } from '../types.js';
import { chatRequestSchema, toQuestionAndHistory, type ChatRequest } from './chat-request-schema.js';
import { errorResponses } from './error-responses.js';

/** `data-citation`: one citation; the answer text refers to it as `[n]`. Part id `citation-<n>`. */
export type CitationData = Citation & { n: number };

/**
 * `data-answer`: the final answer, sent last (part id `answer`); its text is the message's text part.
 * Citations are listed without the paragraph text, which their `data-citation` parts carry.
 */
export type AnswerData = Omit<Answer, 'citations' | 'retrieval'> & {
  /** Identifies this answer for feedback (POST /api/feedback). */
  answerId: string;
  citations: (Omit<Citation, 'text'> & { n: number })[];
};

/** Called once the final answer is written, to record the turn. */
export type OnChatAnswer = (turn: { question: string; answer: Answer; answerId: string }) => void;

/** `data-draft` (transient): the verified text of the answer being written, whole each time; `''` after a withdrawal. */
export interface DraftData {
  text: string;
}

export type ChatUIMessage = UIMessage<never, { citation: CitationData; answer: AnswerData; draft: DraftData }>;

export const chatRoute = createRoute({
  method: 'post',
  path: '/api/chat',
  operationId: 'chat',
  summary: 'Answer the last question of a conversation as an AI SDK UI message stream (what useChat reads)',
  request: { body: { required: true, content: { 'application/json': { schema: chatRequestSchema } } } },
  responses: {
    200: {
      description:
        'Server-sent events (`x-vercel-ai-ui-message-stream: v1`): start; while a generated answer is written, transient ' +
        'data-draft and data-citation parts; then the final answer as text-start/text-delta/text-end, data-citation and ' +
        'source-document parts, data-answer; finish.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 405, 413, 415, 429, 500),
  },
});

/**
 * Stream an answer in the UI message stream protocol. Only verified text and citations are
 * written. While a generated answer is written, each verified claim goes out as it passes its
 * checks, in *transient* parts (`data-draft` with the text so far, `data-citation`): a reader sees
 * them as they come (useChat's `onData`, the widget), but they never become part of the message,
 * because the model may still fail and the claims be withdrawn — and a text or source part, once
 * sent, can never be taken back. The message itself gets only the final answer: one text part,
 * its citations (`data-citation`, `source-document`) and `data-answer`, so what a client keeps,
 * renders and sends back is what the service stands by.
 */
export async function streamChatAnswer(
  service: QaService,
  request: ChatRequest,
  signal?: AbortSignal,
  onAnswer: OnChatAnswer = () => {},
): Promise<Response> {
  const { question, history } = toQuestionAndHistory(request);
  const { createUIMessageStream, createUIMessageStreamResponse } = await loadAiSdk();
  const stream = createUIMessageStream<ChatUIMessage>({
    async execute({ writer }) {
      writer.write({ type: 'start' });
      let draft = '';
      for await (const event of service.answerStream(question, history, signal)) {
        switch (event.type) {
          case 'text':
            if (!event.text) break;
            draft += event.text;
            writer.write({ type: 'data-draft', id: 'draft', data: { text: draft }, transient: true });
            break;
          case 'citation':
            writer.write({ type: 'data-citation', id: `citation-${event.n}`, data: { n: event.n, ...event.citation }, transient: true });
            break;
          case 'reset':
            // What was shown is withdrawn: the draft starts again (the replacement follows as new drafts).
            draft = '';
            writer.write({ type: 'data-draft', id: 'draft', data: { text: '' }, transient: true });
            break;
          case 'final': {
            const answerId = timeOrderedId();
            writeFinalAnswer(writer, event.answer, answerId);
            onAnswer({ question, answer: event.answer, answerId });
            break;
          }
        }
      }
      writer.write({ type: 'finish', finishReason: 'stop' });
    },
    onError: function hideDetails(error) {
      console.error(`[chat] ${(error as Error).name}: ${(error as Error).message}`);
      return 'Something went wrong on our side. Please try again.';
    },
  });
  // The AI SDK marks the stream no-cache; it carries a citizen's conversation, so no cache may keep it at all.
  return createUIMessageStreamResponse({ stream, headers: { 'Cache-Control': 'no-store' } });
}

/** The parts the assistant message keeps: the answer's text, each citation (data and source), then `data-answer`. */
function writeFinalAnswer(writer: UIMessageStreamWriter<ChatUIMessage>, answer: Answer, answerId: string) {
  if (answer.answer) {
    writer.write({ type: 'text-start', id: 'answer-text' });
    writer.write({ type: 'text-delta', id: 'answer-text', delta: answer.answer });
    writer.write({ type: 'text-end', id: 'answer-text' });
  }
  answer.citations.forEach((citation, i) => {
    const n = i + 1;
    writer.write({ type: 'data-citation', id: `citation-${n}`, data: { n, ...citation } });
    writer.write({
      type: 'source-document',
      sourceId: `${citation.id}:${citation.start}-${citation.end}`,
      mediaType: 'text/plain',
      title: `${citation.section}（${citation.id}）：${citation.quote}`,
    });
  });
  writer.write({ type: 'data-answer', id: 'answer', data: answerData(answer, answerId) });
}

function answerData({ citations, retrieval: _diagnostics, ...rest }: Answer, answerId: string): AnswerData {
  return { answerId, ...rest, citations: citations.map(({ text: _text, ...c }, i) => ({ n: i + 1, ...c })) };
}
