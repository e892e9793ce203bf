import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { MiddlewareHandler } from 'hono';
import type { QaService } from '../qa-service.js';
import { chatRoute, streamChatAnswer } from './chat-route.js';
import { errorResponse, onError } from './error-response.js';
import { limitBody } from './limit-body.js';
import { logRequests as logEachRequest, type RequestLogOptions } from './log-requests.js';
import {
  askRequestSchema,
  askResponseSchema,
  errorSchema,
  paragraphParamsSchema,
  paragraphSchema,
  searchQuerySchema,
  searchResponseSchema,
} from './schemas.js';

export interface AppOptions {
  service: QaService;
  /** Serves the static files in public/ (widget.js, the demo page, /staff); each runtime brings its own. */
  assets?: MiddlewareHandler;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Log one JSON line per request (request id, method, path, status, ms) to the console; never bodies or headers. */
  logRequests?: boolean;
  /** Where request log entries go instead of the console (Node: pino); takes precedence over `logRequests`. */
  requestLog?: RequestLogOptions;
  /** Largest `/api/chat` body: useChat sends the whole conversation back with every question. */
  chatBodyLimit?: number;
  /** Origins whose pages may call the API (the widget embedded on another site); `*` for any. */
  corsOrigins?: string[];
  /** Per-client limits, built by each runtime (memory on Node, the rate-limit binding on Workers). */
  rateLimits?: { ask?: MiddlewareHandler; search?: MiddlewareHandler };
}

const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: errorSchema } } },
};

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Answer a question from the report, citing the paragraphs and exact spans it rests on',
  request: { body: { required: true, content: { 'application/json': { schema: askRequestSchema } } } },
  responses: { 200: { description: 'Answer', content: { 'application/json': { schema: askResponseSchema } } }, 400: errors[400] },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Ranked paragraphs with their matching sentences (for hotline staff)',
  request: { query: searchQuerySchema },
  responses: { 200: { description: 'Hits', content: { 'application/json': { schema: searchResponseSchema } } }, 400: errors[400] },
});

const paragraphRoute = createRoute({
  method: 'get',
  path: '/api/paragraphs/{id}',
  summary: 'One paragraph, verbatim, with its sentence offsets',
  request: { params: paragraphParamsSchema },
  responses: { 200: { description: 'Paragraph', content: { 'application/json': { schema: paragraphSchema } } }, 404: errors[404] },
});

const paragraphsRoute = createRoute({
  method: 'get',
  path: '/api/paragraphs',
  summary: 'Every paragraph in reading order (the staff page loads them once)',
  responses: { 200: { description: 'Paragraphs', content: { 'application/json': { schema: z.object({ title: z.string(), docNumber: z.string(), paragraphs: z.array(paragraphSchema) }) } } } },
});

const outlineRoute = createRoute({
  method: 'get',
  path: '/api/outline',
  summary: 'The section tree with paragraph ids',
  responses: { 200: { description: 'Outline', content: { 'application/json': { schema: z.object({ title: z.string(), docNumber: z.string(), sections: z.array(z.unknown()) }) } } } },
});

/** The HTTP API over a built service; the same app serves Node and (later) Workers. */
export function createApp({
  service,
  assets,
  bodyLimit: maxBytes = 16_384,
  logRequests = false,
  requestLog,
  chatBodyLimit = 1_048_576,
  corsOrigins = [],
  rateLimits = {},
}: AppOptions) {
  const app = new OpenAPIHono({
    defaultHook: function rejectInvalid(result, c) {
      if (!result.success) {
        const message = result.error.issues.map((i) => (i.path.length && !i.message.includes(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
        return errorResponse(c, 'invalid_request', message);
      }
    },
  });

  // Every response carries X-Request-Id (a valid one sent by a proxy is kept), and the log records it.
  app.use('*', requestId());
  const log = requestLog ?? (logRequests ? { write: (entry: object) => console.log(JSON.stringify(entry)) } : undefined);
  if (log) app.use('*', logEachRequest(log));

  if (corsOrigins.length) {
    const any = corsOrigins.includes('*');
    // Disallowed origins get no CORS headers, so their browsers refuse the response.
    app.use('/api/*', cors({ origin: (origin) => (any || corsOrigins.includes(origin) ? origin : null), allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAge: 600 }));
  }

  if (rateLimits.ask) {
    app.use('/api/ask', rateLimits.ask);
    app.use('/api/chat', rateLimits.ask);
  }
  if (rateLimits.search) app.use('/api/search', rateLimits.search);

  const [limitApi, limitChat] = [limitBody(maxBytes), limitBody(chatBodyLimit)];
  app.use('/api/*', function limitBodies(c, next) {
    return (c.req.path === '/api/chat' ? limitChat : limitApi)(c, next);
  });
  app.use('/api/ask', requireJson);
  app.use('/api/chat', requireJson);

  app.openapi(askRoute, async function ask(c) {
    const { question, history } = c.req.valid('json');
    // A client that hangs up stops the model call, as on /api/chat.
    return c.json(await service.ask(question, history ?? [], c.req.raw.signal), 200);
  });

  app.openapi(chatRoute, function chat(c) {
    return streamChatAnswer(service, c.req.valid('json'), c.req.raw.signal);
  });

  app.openapi(searchRoute, async function searchParagraphs(c) {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, hits: await service.search(q, limit) }, 200);
  });

  app.openapi(paragraphsRoute, function listParagraphs(c) {
    const { meta, paragraphs } = service.document;
    return c.json({ title: meta.title, docNumber: meta.docNumber, paragraphs }, 200);
  });

  app.openapi(paragraphRoute, function getParagraph(c) {
    const { id } = c.req.valid('param');
    const paragraph = service.paragraph(id);
    if (!paragraph) return errorResponse(c, 'not_found', `There is no paragraph with id "${id}". GET /api/outline lists them.`);
    return c.json(paragraph, 200);
  });

  app.openapi(outlineRoute, function getOutline(c) {
    const { meta } = service.document;
    return c.json({ title: meta.title, docNumber: meta.docNumber, sections: service.outline() }, 200);
  });

  app.get('/healthz', function health(c) {
    return c.json({ status: 'ok', paragraphs: service.document.paragraphs.length, embedder: service.index.embedder.modelId });
  });

  app.get('/staff', (c) => c.redirect('/staff/', 301));
  if (assets) app.use('*', assets);

  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Shishi 2023 rule-of-law report Q&A', version: '0.1.0' } });

  app.notFound(function notFound(c) {
    return errorResponse(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);
  });
  app.onError(onError);
  return app;
}

async function requireJson(c: Context, next: Next) {
  if (c.req.method === 'POST' && !/^application\/([\w.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return errorResponse(c, 'unsupported_media_type', 'Send the question as JSON with the header Content-Type: application/json.');
  }
  await next();
}
