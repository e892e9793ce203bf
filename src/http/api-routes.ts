import { OpenAPIHono, createRoute, type OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import type { WidgetConfig } from '../config.js';
import type { QaService } from '../qa-service.js';
import { timeOrderedId } from '../record/time-ordered-id.js';
import type { Answer, SearchHit } from '../types.js';
import { chatRoute, streamChatAnswer } from './chat-route.js';
import { errorResponse } from './error-response.js';
import { errorResponses } from './error-responses.js';
import { feedbackRoute, storeFeedback } from './feedback-route.js';
import { keptJson, withLeadingField } from './kept-json.js';
import { type TurnRecording, turnRecorder } from './record-turn.js';
import {
  askRequestSchema,
  askResponseSchema,
  healthSchema,
  outlineSchema,
  paragraphListSchema,
  paragraphParamsSchema,
  paragraphSchema,
  searchQuerySchema,
  searchResponseSchema,
  widgetConfigSchema,
} from './schemas.js';

const jsonBody = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  operationId: 'ask',
  summary: 'Answer a question from the report, citing the paragraphs and exact spans it rests on',
  request: { body: { required: true, content: { 'application/json': { schema: askRequestSchema } } } },
  responses: { 200: jsonBody('Answer', askResponseSchema), ...errorResponses(400, 405, 413, 415, 429, 500) },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  operationId: 'search',
  summary: 'Ranked paragraphs with their matching sentences (for hotline staff)',
  request: { query: searchQuerySchema },
  responses: { 200: jsonBody('Hits', searchResponseSchema), ...errorResponses(400, 405, 429, 500) },
});

const paragraphRoute = createRoute({
  method: 'get',
  path: '/api/paragraphs/{id}',
  operationId: 'getParagraph',
  summary: 'One paragraph, verbatim, with its sentence offsets',
  request: { params: paragraphParamsSchema },
  responses: { 200: jsonBody('Paragraph', paragraphSchema), ...errorResponses(400, 404, 405, 500) },
});

const paragraphsRoute = createRoute({
  method: 'get',
  path: '/api/paragraphs',
  operationId: 'listParagraphs',
  summary: 'Every paragraph in reading order (the staff page loads them once)',
  responses: { 200: jsonBody('Paragraphs', paragraphListSchema), ...errorResponses(405, 500) },
});

const outlineRoute = createRoute({
  method: 'get',
  path: '/api/outline',
  operationId: 'getOutline',
  summary: 'The section tree with paragraph ids',
  responses: { 200: jsonBody('Outline', outlineSchema), ...errorResponses(405, 500) },
});

const widgetConfigRoute = createRoute({
  method: 'get',
  path: '/api/widget-config',
  operationId: 'widgetConfig',
  summary: "The deployment's public settings for the citizen widget (the human channel of its declines)",
  responses: { 200: jsonBody('Widget settings', widgetConfigSchema), ...errorResponses(405, 500) },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Liveness: the index is built and the service answers; the state of the database that records turns',
  responses: { 200: jsonBody('Alive', healthSchema), ...errorResponses(405, 500) },
});

/**
 * The API's routes, chained so that their types flow into `ApiRoutes` (what `hono/client`'s
 * `hc<ApiRoutes>` reads). Validation failures become 400s through `defaultHook`.
 */
export function apiRoutes(service: QaService, widget: WidgetConfig | null = null, recording: TurnRecording = {}) {
  const recordTurn = turnRecorder(recording);
  const { recorder } = recording;
  const api = new OpenAPIHono({ defaultHook: rejectInvalid })
    .openapi(askRoute, async function ask(c) {
      const startedAt = Date.now();
      const { question, history, conversationId } = c.req.valid('json');
      // A client that hangs up stops the model call, as on /api/chat. Offline there is none to stop, and
      // reading the signal makes @hono/node-server build a full Request (its slow path).
      const signal = service.usesModel ? c.req.raw.signal : undefined;
      const answer = await service.ask(question, history ?? [], signal);
      const answerId = timeOrderedId();
      recordTurn(c, { answerId, conversationId, question, answer, startedAt, latencyMs: Date.now() - startedAt });
      // The kept answer's body stays shared between requests; each gets its own answerId in front.
      return jsonText<Answer & { answerId: string }>(c, withLeadingField('answerId', answerId, keptJson(answer)));
    })
    .openapi(chatRoute, function chat(c) {
      const startedAt = Date.now();
      const body = c.req.valid('json');
      const conversationId = body.conversationId ?? chatIdAsConversation(body.id);
      return streamChatAnswer(service, body, c.req.raw.signal, function recordChatTurn({ question, answer, answerId }) {
        recordTurn(c, { answerId, conversationId, question, answer, startedAt, latencyMs: Date.now() - startedAt });
      });
    })
    .openapi(feedbackRoute, function feedback(c) {
      return storeFeedback(c, recorder, c.req.valid('json'));
    })
    .openapi(searchRoute, async function searchParagraphs(c) {
      const { q, limit, text } = c.req.valid('query');
      const found = await service.search(q, limit);
      const hits: Omit<SearchHit, 'text'>[] = text === 'true' ? found : withoutText(found);
      // A kept result belongs to one query (the service's cache is keyed by it), so its body can be kept whole.
      const body = keptJson(hits, (h) => `{"query":${JSON.stringify(q)},"hits":${JSON.stringify(h)}}`);
      return jsonText<{ query: string; hits: (Omit<SearchHit, 'text'> & { text?: string })[] }>(c, body);
    })
    .openapi(paragraphsRoute, function listParagraphs(c) {
      const { meta, paragraphs } = service.document;
      return c.json({ title: meta.title, docNumber: meta.docNumber, paragraphs }, 200);
    })
    .openapi(paragraphRoute, function getParagraph(c) {
      const { id } = c.req.valid('param');
      const paragraph = service.paragraph(id);
      if (!paragraph) return errorResponse(c, 'not_found', `There is no paragraph with id "${id}". GET /api/outline lists them.`);
      return c.json(paragraph, 200);
    })
    .openapi(outlineRoute, function getOutline(c) {
      const { meta } = service.document;
      return c.json({ title: meta.title, docNumber: meta.docNumber, sections: service.outline() }, 200);
    })
    .openapi(widgetConfigRoute, function widgetConfig(c) {
      return c.json({ humanChannel: widget?.humanChannel ?? null }, 200);
    })
    .openapi(healthRoute, function health(c) {
      const { paragraphs } = service.document;
      const database = recorder
        ? recorder.status()
        : { state: 'off' as const, dialect: null, recording: false, queued: 0, recorded: 0, dropped: 0 };
      const { state, ...counts } = database;
      return c.json(
        {
          status: 'ok' as const,
          paragraphs: paragraphs.length,
          embedder: service.index.embedder.modelId,
          database: { status: state, ...counts },
        },
        200,
      );
    });
  return api;
}

/** Search hits without the paragraphs' text, made once per kept result (so `keptJson` serialises them once too). */
const briefHits = new WeakMap<SearchHit[], Omit<SearchHit, 'text'>[]>();
function withoutText(hits: SearchHit[]): Omit<SearchHit, 'text'>[] {
  let brief = briefHits.get(hits);
  if (!brief) {
    brief = hits.map(({ text: _text, ...rest }) => rest);
    briefHits.set(hits, brief);
  }
  return brief;
}

/**
 * A 200 JSON response whose body is already made (`keptJson`), typed as `c.json<T>()` would
 * be, so `hono/client` still knows the body's type.
 */
function jsonText<T>(c: Context, body: Uint8Array<ArrayBuffer>) {
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as ReturnType<typeof c.json<T, 200>>;
}

/** useChat's chat id (client-generated, like a conversationId) when the body has no conversationId of its own. */
function chatIdAsConversation(id: unknown): string | undefined {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : undefined;
}

/** The typed routes, for `hc<ApiRoutes>(baseUrl)` from `hono/client`. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;

const rejectInvalid: OpenAPIHonoOptions<Env>['defaultHook'] = function rejectInvalid(result, c) {
  if (result.success) return;
  const message = result.error.issues
    .map((i) => (i.path.length && !i.message.includes(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return errorResponse(c, 'invalid_request', message);
};
