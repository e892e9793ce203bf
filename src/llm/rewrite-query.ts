import type { LanguageModel } from 'ai';
import { loadAiSdk, type AiSdk } from './load-ai-sdk.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { ChatTurn, OutlineNode } from '../types.js';
import { createLruCache, type Cache } from './lru-cache.js';
import { parseRewriteTerms } from './parse-rewrite-terms.js';
import { SECTIONS_PLACEHOLDER, type RewritePrompt } from './rewrite-prompt.js';

export interface QueryRewriterOptions {
  model: LanguageModel;
  prompt: RewritePrompt;
  /** The rewrite is abandoned after this long; the question is then searched as asked. */
  timeoutMs?: number;
  /** Terms by question (and earlier user turns); defaults to an LRU of 1,000 questions. */
  cache?: Cache<string[]>;
  /** Where a failed rewrite is reported (one line, no secrets). */
  log?: (line: string) => void;
}

/** Search terms in the report's wording for a question: never throws, never outlasts its timeout. */
export type QueryRewriter = (question: string, history: ChatTurn[], signal?: AbortSignal) => Promise<string[]>;

export const DEFAULT_REWRITE_TIMEOUT_MS = 2_000;
const DEFAULT_CACHE_ENTRIES = 1_000;
/** A line of eight short terms; more is the model explaining itself. */
const MAX_OUTPUT_TOKENS = 100;
/** Earlier user turns the model sees to read a follow-up (the same window as retrieval's context). */
const HISTORY_TURNS = 3;

/**
 * One short model call before retrieval that restates a citizen's question in the report's own
 * terms (商家有多少 → 市场主体 总数). The terms only widen the search (`RetrieveOptions.extraTerms`);
 * they are never shown. Any failure — timeout, HTTP error, refused connection, an unreadable or
 * empty reply, the client leaving — gives no terms, so the question is answered as without a model.
 *
 * @example
 * const rewrite = createQueryRewriter({ model, prompt, outline: document.outline });
 * await rewrite('商家有多少？', []) // ['市场主体', '总数']
 */
export function createQueryRewriter({
  model,
  prompt,
  outline,
  timeoutMs = DEFAULT_REWRITE_TIMEOUT_MS,
  cache = createLruCache<string[]>(DEFAULT_CACHE_ENTRIES),
  log = (line) => console.warn(line),
}: QueryRewriterOptions & { outline: readonly OutlineNode[] }): QueryRewriter {
  const system = prompt.system.replace(SECTIONS_PLACEHOLDER, () => sectionGlossary(outline));

  return async function rewriteQuery(question, history, signal) {
    const earlier = history
      .filter((t) => t.role === 'user')
      .slice(-HISTORY_TURNS)
      .map((t) => t.content);
    const key = [question, ...earlier].map(normalizeForMatch).join('\n');
    const cached = cache.get(key);
    if (cached) return cached;
    const { generateText, APICallError } = await loadAiSdk();
    const started = Date.now();
    try {
      const reply = await withDeadline(timeoutMs, signal, (abortSignal) =>
        generateText({
          model,
          system,
          messages: [{ role: 'user', content: userTurn(question, earlier) }],
          maxRetries: 0, // a retry would not fit in the deadline; the answer goes on without the rewrite
          temperature: 0,
          maxOutputTokens: MAX_OUTPUT_TOKENS,
          abortSignal,
        }),
      );
      const terms = parseRewriteTerms(reply.text, [question, ...earlier].join('\n'));
      if (terms.length === 0) throw new RewriteFailure('the reply held no usable term');
      cache.set(key, terms);
      return terms;
    } catch (error) {
      if (!signal?.aborted) log(`[rewrite] searched without a rewrite: ${describeFailure(error, Date.now() - started, APICallError)}`);
      return [];
    }
  };
}

/** The section titles, one part per line: the report's own vocabulary, compactly. */
export function sectionGlossary(outline: readonly OutlineNode[]): string {
  return outline
    .filter((node) => node.children.length > 0 || /^[一二三四五六七八九十]+、/u.test(node.title))
    .map((node) => [node.title, ...node.children.map((c) => c.title)].join(' '))
    .join('\n');
}

/** The question as data inside its tag, earlier questions before it; angle brackets cannot close a tag. */
function userTurn(question: string, earlier: string[]): string {
  const tagged = (tag: string, text: string) => `<${tag}>${text.replace(/</gu, '＜').replace(/>/gu, '＞')}</${tag}>`;
  return [...earlier.map((q) => tagged('此前的问题', q)), tagged('问题', question)].join('\n');
}

class RewriteFailure extends Error {
  override name = 'RewriteFailure';
}

/**
 * Run `call` with a signal that aborts at the deadline or when the caller's signal does, and
 * settle by then even if the call ignores its signal.
 */
async function withDeadline<T>(timeoutMs: number, signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  const deadline = new Promise<never>((_, reject) => {
    const fail = () => reject(new RewriteFailure(signal?.aborted ? 'the client went away' : `no reply within ${timeoutMs} ms`));
    timer = setTimeout(() => {
      fail();
      controller.abort();
    }, timeoutMs);
    controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
    controller.abort(); // never leave the HTTP call running
  }
}

/** Status codes and timings only: a provider's error body can echo the key. */
function describeFailure(error: unknown, ms: number, APICallError: AiSdk['APICallError']): string {
  if (error instanceof RewriteFailure) return `${error.message} (${ms} ms)`;
  if (APICallError.isInstance(error)) {
    return error.statusCode ? `HTTP ${error.statusCode} from the provider (${ms} ms)` : `the provider could not be reached (${ms} ms)`;
  }
  return `the reply could not be read (${(error as Error).name}, ${ms} ms)`;
}
