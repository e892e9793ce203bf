import SwaggerParser from '@apidevtools/swagger-parser';
import { hc } from 'hono/client';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createApp, type AppType } from '../src/http/create-app.js';
import { json, offlineService } from './helpers.js';

let app: AppType;
// biome-ignore lint/suspicious/noExplicitAny: the document is walked by path in each test and validated by swagger-parser
let doc: any;
beforeAll(async () => {
  app = createApp({ service: await offlineService() });
  doc = await json(await app.request('/api/openapi.json'));
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    const validated = await SwaggerParser.validate(structuredClone(doc));
    expect((validated as { openapi?: string }).openapi).toBe('3.1.0');
  });

  it('lists every route with a unique operationId, its server and no security requirement', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId: string }>).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual([
      'get /api/outline getOutline',
      'get /api/paragraphs listParagraphs',
      'get /api/paragraphs/{id} getParagraph',
      'get /api/search search',
      'get /api/widget-config widgetConfig',
      'get /healthz health',
      'post /api/ask ask',
      'post /api/chat chat',
      'post /api/feedback feedback',
    ]);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.security).toEqual([]);
  });

  it('documents each error status a route can return, with the Error body and the headers that come with it', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    expect(statuses('/api/ask', 'post')).toEqual(expect.arrayContaining(['200', '400', '405', '413', '415', '429']));
    expect(statuses('/api/chat', 'post')).toEqual(expect.arrayContaining(['200', '400', '405', '413', '415', '429']));
    expect(statuses('/api/search', 'get')).toEqual(expect.arrayContaining(['200', '400', '405', '429']));
    expect(statuses('/api/paragraphs/{id}', 'get')).toEqual(expect.arrayContaining(['200', '404', '405']));
    const tooMany = doc.paths['/api/ask'].post.responses['429'];
    expect(tooMany.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(tooMany.headers['Retry-After']).toBeDefined();
    expect(doc.paths['/api/search'].get.responses['405'].headers.Allow).toBeDefined();
  });

  it('states the limits the API enforces and the exact shapes it returns', () => {
    const { AskRequest, Paragraph, Outline, OutlineNode } = doc.components.schemas;
    expect(AskRequest.properties.question).toMatchObject({ type: 'string', minLength: 1, maxLength: 500 });
    expect(AskRequest.properties.history).toMatchObject({ maxItems: 10 });
    expect(Paragraph.properties.part.type).toEqual(['integer', 'null']);
    expect(Paragraph.properties.subpart.type).toEqual(['integer', 'null']);
    expect(Paragraph.additionalProperties).toBe(false);
    expect(Outline.properties.sections.items).toEqual({ $ref: '#/components/schemas/OutlineNode' });
    expect(OutlineNode.properties.children.items).toEqual({ $ref: '#/components/schemas/OutlineNode' });
  });
});

describe('a typed client (hono/client)', () => {
  const inProcess = (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init);
  const client = () => hc<AppType>('http://localhost', { fetch: inProcess });

  it('asks a question and reads the typed answer', async () => {
    const res = await client().api.ask.$post({ json: { question: '行政复议一共收到多少件申请？' } });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const body = await res.json();
    expectTypeOf(body.citations[0]!.quote).toBeString();
    expect(body.citations[0]!.quote).toContain('228 件');
  });

  it('reads a paragraph by id, and the typed 404 of an unknown one', async () => {
    const found = await client().api.paragraphs[':id'].$get({ param: { id: 's4.3' } });
    if (found.status !== 200) throw new Error(`expected 200, got ${found.status}`);
    const paragraph = await found.json();
    expectTypeOf(paragraph.part).toEqualTypeOf<number | null>();
    expect([paragraph.part, paragraph.subpart]).toEqual([4, 3]);
    const missing = await client().api.paragraphs[':id'].$get({ param: { id: 's99' } });
    expect(missing.status).toBe(404);
    if (missing.status === 404) expect((await missing.json()).error.code).toBe('not_found');
  });

  it('searches with typed query parameters', async () => {
    const res = await client().api.search.$get({ query: { q: '闽执法', limit: '2' } });
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status}`);
    expect((await res.json()).hits[0]!.id).toBe('s5.3');
  });
});
