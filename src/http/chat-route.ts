import { createRoute, z } from '@hono/zod-openapi';
import { createUIMessageStream, createUIMessageStreamResponse, type UIMessage } from 'ai';
import type { QaService } from '../qa-service.js';
import type { Answer, Citation } from '../types.js';
import { chatRequestSchema, toQuestionAndHistory, type ChatRequest } from './chat-request-schema.js';
import { errorResponses } from './error-responses.js';

/** `data-citation`: one verified citation; the answer text refers to it as `[n]`. Part id `citation-<n>`. */
export type CitationData = Citation & { n: number };

/**
 * `data-answer`: the final answer, sent last (part id `answer`). It is authoritative: when a
 * generated answer degraded after part of it was streamed, the text parts hold both and this
 * holds only the extractive answer that replaced it. Citations are listed without the paragraph
 * text, which their `data-citation` parts carry.
 */
export type AnswerData = Omit<Answer, 'citations' | 'retrieval'> & { citations: (Omit<Citation, 'text'> & { n: number })[] };

export type ChatUIMessage = UIMessage<never, { citation: CitationData; answer: AnswerData }>;

export const chatRoute = createRoute({
  method: 'post',
  path: '/api/chat',
  operationId: 'chat',
  summary: 'Answer the last question of a conversation as an AI SDK UI message stream (what useChat reads)',
  request: { body: { required: true, content: { 'application/json': { schema: chatRequestSchema } } } },
  responses: {
    200: {
      description:
        'Server-sent events (`x-vercel-ai-ui-message-stream: v1`): start, text-start/text-delta/text-end, data-citation and source-document parts as citations are verified, data-answer (the final answer), finish.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 405, 413, 415, 429, 500),
  },
});

/**
 * Stream an answer in the UI message stream protocol. Only verified text and citations are
 * written: a generated answer arrives claim by claim, each after its checks; offline the
 * extractive answer arrives the same way, so a client has one code path.
 */
export function streamChatAnswer(service: QaService, request: ChatRequest, signal?: AbortSignal): Response {
  const { question, history } = toQuestionAndHistory(request);
  const stream = createUIMessageStream<ChatUIMessage>({
    async execute({ writer }) {
      writer.write({ type: 'start' });
      let textId: string | null = null;
      let round = 0;
      const closeText = () => {
        if (textId) writer.write({ type: 'text-end', id: textId });
        textId = null;
      };
      for await (const event of service.answerStream(question, history, signal)) {
        switch (event.type) {
          case 'text':
            if (!event.text) break;
            if (!textId) writer.write({ type: 'text-start', id: (textId = `text-${round}`) });
            writer.write({ type: 'text-delta', id: textId, delta: event.text });
            break;
          case 'citation': {
            const { citation, n } = event;
            writer.write({ type: 'data-citation', id: `citation-${n}`, data: { n, ...citation } });
            writer.write({ type: 'source-document', sourceId: `${citation.id}:${citation.start}-${citation.end}`, mediaType: 'text/plain', title: `${citation.section}（${citation.id}）：${citation.quote}` });
            break;
          }
          case 'reset':
            // What was shown is withdrawn: the replacement goes in a new text part, and `data-answer` says which is final.
            closeText();
            round++;
            break;
          case 'final':
            closeText();
            writer.write({ type: 'data-answer', id: 'answer', data: answerData(event.answer) });
            break;
        }
      }
      writer.write({ type: 'finish', finishReason: 'stop' });
    },
    onError: function hideDetails(error) {
      console.error(`[chat] ${(error as Error).name}: ${(error as Error).message}`);
      return 'Something went wrong on our side. Please try again.';
    },
  });
  return createUIMessageStreamResponse({ stream });
}

function answerData({ citations, retrieval: _diagnostics, ...rest }: Answer): AnswerData {
  return { ...rest, citations: citations.map(({ text: _text, ...c }, i) => ({ n: i + 1, ...c })) };
}
