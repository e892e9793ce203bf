import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createApp } from '../src/http/create-app.js';
import type { CandidateFile } from '../src/http/staff/staff-action-routes.js';
import { staffRoutes } from '../src/http/staff/staff-routes.js';
import { createQaService, type QaService } from '../src/qa-service.js';
import { createOverrideBook, type OverrideBook } from '../src/staff/override-book.js';
import { addStaffUser } from '../src/staff/staff-accounts.js';
import type { NewTurn } from '../src/store/database.js';
import { openSqliteStore } from '../src/store/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { normalizeQuestion } from '../src/record/normalize-question.js';

export const STAFF = { username: 'hotline.li', password: 'correct horse battery' };

export interface StaffFixture {
  dir: string;
  store: Store;
  service: QaService;
  book: OverrideBook;
  app: ReturnType<typeof createApp>;
}

export interface StaffFixtureOptions {
  loginLimit?: MiddlewareHandler;
  candidates?: (dir: string) => CandidateFile;
  /** The database (a `realDatabases` dialect's `open`); by default a real SQLite file in the temporary directory. */
  open?: (dir: string) => Promise<Store>;
}

/**
 * A real database (a SQLite file in a temporary directory, or PostgreSQL), one staff account, and
 * the app with the staff review over an offline service that keeps answers (ANSWER_CACHE_SIZE > 0), as a deployment runs.
 */
export function staffFixture({
  loginLimit,
  candidates: candidateFile,
  open = (dir) => openSqliteStore(join(dir, 'qa.sqlite')),
}: StaffFixtureOptions = {}): StaffFixture {
  const state = {} as StaffFixture;
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'staff-review-'));
    state.store = await open(state.dir);
    await addStaffUser(state.store, STAFF.username, STAFF.password);
    state.service = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder(), cacheSize: 100 });
    state.book = createOverrideBook(state.store, (id) => state.service.paragraph(id));
    const candidates = candidateFile?.(state.dir);
    state.app = createApp({
      service: state.service,
      staff: {
        book: state.book,
        routes: staffRoutes(state.service, {
          store: state.store,
          book: state.book,
          sessionHours: 8,
          loginLimit,
          candidates,
        }),
      },
    });
  });
  afterAll(async () => {
    await state.store?.close();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

export async function logIn(app: StaffFixture['app'], credentials = STAFF, base = 'http://localhost'): Promise<LoggedIn> {
  const res = await app.request(`${base}/api/staff/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0]!, csrfToken, setCookie };
}

/** A staff change: JSON, the session cookie and the CSRF token, as the review page sends it. */
export function staffPost(app: StaffFixture['app'], who: LoggedIn, path: string, body: unknown) {
  return app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: who.cookie, 'X-CSRF-Token': who.csrfToken },
    body: JSON.stringify(body),
  });
}

let n = 0;
/** A recorded turn as the colleague's recorder writes it (inserted directly: recording is not this suite's subject). */
export async function insertTurn(store: Store, question: string, fields: Partial<NewTurn> = {}): Promise<string> {
  n++;
  const answerId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await store.db
    .insertInto('turns')
    .values({
      id: `turn-${n}`,
      answer_id: answerId,
      conversation_id: null,
      created_at: new Date().toISOString(),
      question_redacted: question,
      mode: 'extractive',
      abstained: 0,
      degraded_reason: null,
      cited_ids: '[]',
      latency_ms: 5,
      normalized_question: normalizeQuestion(question),
      ...fields,
    })
    .execute();
  return answerId;
}
