import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

// ajv-formats is CommonJS with a default export; under ESM interop the function may sit one level down.
type AddFormats = typeof addFormatsModule;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

type Request = (input: string | URL | globalThis.Request, init?: RequestInit) => Response | Promise<Response>;
interface OpenApiDoc {
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, ResponseObject> }>>;
}
interface ResponseObject {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema?: unknown }>;
}

/** What the checked app answered, per operation and status: tests can assert that every operation was exercised. */
export type Exercised = Set<string>;

/**
 * The app with `request` wrapped: every response is checked against the app's own OpenAPI document
 * (`/api/openapi.json`) with ajv — the status must be documented for the operation, a JSON body must
 * match the documented schema (response schemas are strict, so an undocumented field fails too),
 * required headers must be present. A response the document does not describe fails the test that
 * made the request, so the document cannot drift from the API.
 */
export function checkedAgainstOpenApi<A extends { request: Request }>(app: A, exercised: Exercised = new Set()): A {
  let checker: Promise<Checker> | undefined;
  const request: Request = async (input, init) => {
    const res = await app.request(input, init);
    checker ??= Promise.resolve(app.request('/api/openapi.json')).then(async (r) => new Checker((await r.json()) as OpenApiDoc));
    const method = (init?.method ?? (input instanceof globalThis.Request ? input.method : 'GET')).toUpperCase();
    const url = new URL(input instanceof globalThis.Request ? input.url : String(input), 'http://localhost');
    if (url.pathname !== '/api/openapi.json') exercised.add(await (await checker).check(method, url.pathname, res.clone()));
    return res;
  };
  return new Proxy(app, { get: (target, key) => (key === 'request' ? request : Reflect.get(target, key)) });
}

class Checker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(private readonly doc: OpenApiDoc) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, 'openapi.json');
    this.templates = Object.keys(doc.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Check one response; returns `operationId status` (or `METHOD path status` off the document). */
  async check(method: string, pathname: string, res: Response): Promise<string> {
    const where = `${method} ${pathname} → ${res.status}`;
    const template = this.templates.find((t) => t.pattern.test(pathname))?.template;
    if (!template) {
      // Off the document the only answer is the app-wide JSON 404.
      expect(res.status, `${where}: a path the document does not list`).toBe(404);
      this.validate('#/components/schemas/Error', await res.json(), where);
      return `${where}`;
    }
    const item = this.doc.paths[template]!;
    const operation = item[method === 'HEAD' ? 'get' : method.toLowerCase()];
    if (!operation) {
      if (method === 'OPTIONS' && res.status === 204) return `OPTIONS ${template} 204`;
      expect(res.status, `${where}: a method the document does not list for ${template}`).toBe(405);
      const documented = Object.keys(item).map((m) => m.toUpperCase());
      expect(res.headers.get('allow')?.split(/,\s*/), `${where}: Allow`).toEqual(expect.arrayContaining(documented));
      const declared = Object.entries(item).find(([, op]) => op.responses['405']);
      expect(declared, `${where}: no operation of ${template} documents 405`).toBeDefined();
      const [declaredMethod, op] = declared!;
      await this.body(`#/paths/${pointer(template)}/${declaredMethod}/responses/405`, op.responses['405']!, res, where);
      return `${method} ${template} 405`;
    }
    const response = operation.responses[String(res.status)];
    expect(response, `${where}: status not documented for ${operation.operationId}`).toBeDefined();
    const at = `#/paths/${pointer(template)}/${method === 'HEAD' ? 'get' : method.toLowerCase()}/responses/${res.status}`;
    await this.body(at, response!, res, where);
    return `${operation.operationId} ${res.status}`;
  }

  private async body(at: string, response: ResponseObject, res: Response, where: string) {
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required) expect(res.headers.get(name), `${where}: required header ${name}`).not.toBeNull();
    }
    const type = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (!response.content) return;
    expect(Object.keys(response.content), `${where}: content type`).toContain(type);
    if (type === 'application/json') this.validate(`${at}/content/application~1json/schema`, await res.json(), where);
  }

  private validate(ref: string, body: unknown, where: string) {
    let validate = this.validators.get(ref);
    if (!validate) this.validators.set(ref, (validate = this.ajv.compile({ $ref: `openapi.json${ref}` })));
    const describe = (e: { instancePath: string; message?: string; params: unknown }) =>
      `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`;
    const errors = validate(body) ? [] : (validate.errors ?? []).map(describe);
    expect(errors, `${where}: body does not match the document`).toEqual([]);
  }
}

/** A JSON pointer segment for an OpenAPI path key. */
function pointer(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1');
}
