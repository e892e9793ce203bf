import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, Next } from 'hono';
import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { WidgetConfig } from '../config.js';
import type { QaService } from '../qa-service.js';
import type { Recorder } from '../record/recorder.js';
import { apiRoutes } from './api-routes.js';
import { cacheWidget } from './cache-widget.js';
import { defaultCompression } from './default-compression.js';
import { errorResponse, onError } from './error-response.js';
import { limitBody } from './limit-body.js';
import type { RequestLogOptions } from './log-requests.js';
import { answerMethodNotAllowed } from './method-not-allowed.js';
import { OPENAPI_INFO } from './openapi-info.js';
import { paragraphPage } from './paragraph-page.js';
import type { Defer } from './record-turn.js';
import { requestEdge } from './request-edge.js';
import { EXPOSED_HEADERS } from './security-headers.js';
import type { OverrideBook } from '../staff/override-book.js';
import { withOverrides } from '../staff/with-overrides.js';

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
  rateLimits?: { ask?: MiddlewareHandler; search?: MiddlewareHandler; feedback?: MiddlewareHandler };
  /** Records each answered turn and stores feedback; without it nothing is recorded and feedback finds no answer. */
  recorder?: Recorder;
  /** Where the runtime keeps the recorder's write alive after the response (Workers: waitUntil). */
  defer?: Defer;
  /** Who may frame the pages (CSP `frame-ancestors`): `'self'`, `'none'` or origins. */
  frameAncestors?: string[];
  /** Response compression; default gzip on Node, none elsewhere (Workers compresses at the edge). */
  compression?: MiddlewareHandler | false;
  /** The widget's public settings (`/api/widget-config`); without them declines name no human channel. */
  widget?: WidgetConfig;
  /**
   * The staff review over the database (`staffReview`), and the approvals and referrals answering
   * consults first; without it there is none and answers are the service's own. `prepare` runs
   * before every request that reads them (Workers: opens the database and reads the decisions on
   * first use in each isolate, and keeps a background re-read alive).
   */
  staff?: { routes: Hono; book: OverrideBook; prepare?: MiddlewareHandler };
}

/** The HTTP API over a built service; the same app serves Node and Workers. */
export function createApp({
  service,
  assets,
  bodyLimit: maxBytes = 16_384,
  logRequests = false,
  requestLog,
  chatBodyLimit = 1_048_576,
  corsOrigins = [],
  rateLimits = {},
  frameAncestors = ["'self'"],
  compression = defaultCompression({ jsonPath: (path) => (path.startsWith('/api/') && path !== '/api/chat') || path === '/healthz' }),
  widget: widgetConfig,
  recorder,
  defer,
  staff,
}: AppOptions) {
  const app = new OpenAPIHono();
  // Every response carries X-Request-Id (a valid one sent by a proxy is kept) with the other headers, and the log records it.
  const log = requestLog ?? (logRequests ? { write: (entry: object) => console.log(JSON.stringify(entry)) } : undefined);
  app.use('*', requestEdge({ frameAncestors, noStore: (path) => path.startsWith('/api/') || path === '/healthz', log }));
  const widget = cacheWidget();
  app.use('/widget.js', widget.outer);
  if (compression) app.use('*', compression);
  app.use('/widget.js', widget.inner);

  if (corsOrigins.length) {
    const any = corsOrigins.includes('*');
    // Disallowed origins get no CORS headers, so their browsers refuse the response.
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (any || corsOrigins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type'],
        exposeHeaders: EXPOSED_HEADERS,
        maxAge: 600,
      }),
    );
  }

  if (rateLimits.ask) {
    app.use('/api/ask', rateLimits.ask);
    app.use('/api/chat', rateLimits.ask);
  }
  if (rateLimits.search) app.use('/api/search', rateLimits.search);
  if (rateLimits.feedback) app.use('/api/feedback', rateLimits.feedback);

  const [limitApi, limitChat] = [limitBody(maxBytes), limitBody(chatBodyLimit)];
  app.use('/api/*', function limitBodies(c, next) {
    return (c.req.path === '/api/chat' ? limitChat : limitApi)(c, next);
  });
  app.use('/api/ask', requireJson);
  app.use('/api/chat', requireJson);
  app.use('/api/feedback', requireJson);

  if (staff?.prepare) for (const path of STAFF_DECISION_PATHS) app.use(path, staff.prepare);
  // Staff decisions are looked up before the service (and its answer cache) is asked.
  const answering = staff ? withOverrides(service, staff.book) : service;
  const api = app.route('/', apiRoutes(answering, widgetConfig, { recorder, defer }));
  if (staff) app.route('/', staff.routes);
  app.get('/report/:id', paragraphPage(service));

  app.get('/staff', (c) => c.redirect('/staff/', 301));
  app.get('/_headers', (c) => c.notFound()); // the Workers assets' header rules, not a page
  if (assets) app.use('*', assets);

  app.doc31('/api/openapi.json', OPENAPI_INFO);
  answerMethodNotAllowed(app); // after every route: a known path asked with another method is a 405 with Allow

  app.notFound(function notFound(c) {
    return errorResponse(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);
  });
  app.onError(onError);
  return api;
}

/** Where staff decisions are read: the answers they change, the review and its page. */
const STAFF_DECISION_PATHS = ['/api/ask', '/api/chat', '/api/staff/*', '/staff/review', '/staff/review/*'];

async function requireJson(c: Context, next: Next) {
  if (c.req.method === 'POST' && !/^application\/([\w.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return errorResponse(c, 'unsupported_media_type', 'Send the question as JSON with the header Content-Type: application/json.');
  }
  await next();
}

/** The app's routes and their types: `hc<AppType>(baseUrl)` from `hono/client` gives typed calls. */
export type AppType = ReturnType<typeof createApp>;
