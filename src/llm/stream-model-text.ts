import type { LanguageModel, ModelMessage } from 'ai';
import { loadAiSdk, type AiSdk } from './load-ai-sdk.js';
import type { DegradedReason } from '../types.js';

export interface ModelLimits {
  /** The first piece of text must arrive within this many ms of the call (retries included). */
  firstTokenMs: number;
  /** The whole answer must be complete within this many ms of the call. */
  totalMs: number;
  /** Extra attempts after a 429, a 5xx or a refused connection, made only while the first-token limit allows. */
  maxRetries: number;
  /** First back-off; doubled per attempt unless the server sends `retry-after`. */
  retryDelayMs: number;
  /** Upper bound on the answer's length. */
  maxOutputTokens: number;
}

export const DEFAULT_MODEL_LIMITS: ModelLimits = {
  firstTokenMs: 8_000,
  totalMs: 25_000,
  maxRetries: 1,
  retryDelayMs: 300,
  maxOutputTokens: 1_024,
};

/**
 * Why a model call gave no usable text. The message is ours (status code, timing), never the
 * provider's body: an OpenAI 401 body echoes part of the API key.
 */
export class ModelFailure extends Error {
  readonly reason: DegradedReason;
  readonly status?: number;
  constructor(reason: DegradedReason, message: string, status?: number) {
    super(message);
    this.name = 'ModelFailure';
    this.reason = reason;
    this.status = status;
  }
}

export interface StreamModelTextOptions {
  model: LanguageModel;
  system: string;
  messages: ModelMessage[];
  limits?: ModelLimits;
  /** The caller went away (client disconnected): stop the call. */
  signal?: AbortSignal;
}

/**
 * The model's text as it is generated, with the deadlines enforced here rather than trusted to
 * the provider: one timer for the first token, one for the whole answer, both aborting the HTTP
 * call. Retries are our own, not the SDK's, because only we know the deadline: a retry whose
 * back-off (or `retry-after`) would pass the first-token limit is not made, the caller falls back
 * at once instead. Throws `ModelFailure` for every way the call can fail.
 */
export async function* streamModelText({
  model,
  system,
  messages,
  limits = DEFAULT_MODEL_LIMITS,
  signal,
}: StreamModelTextOptions): AsyncGenerator<string, void, undefined> {
  const { streamText, APICallError } = await loadAiSdk();
  const started = Date.now();
  const controller = new AbortController();
  let expired: DegradedReason | null = null;
  const expire = (reason: DegradedReason) => {
    expired ??= reason;
    controller.abort();
  };
  const totalTimer = setTimeout(() => expire('total-timeout'), limits.totalMs);
  const firstTokenTimer = setTimeout(() => expire('first-token-timeout'), limits.firstTokenMs);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  if (signal?.aborted) stop();
  let receivedText = false;

  try {
    for (let attempt = 0; ; attempt++) {
      const outcome = yield* attemptOnce();
      if (outcome === 'done') return;
      const failure = outcome.failed;
      const classified = classify(failure, APICallError);
      const delay = retryDelay(failure, limits.retryDelayMs * 2 ** attempt, APICallError);
      const retryable = classified.reason === 'rate-limited' || classified.reason === 'provider-unavailable';
      if (!retryable || attempt >= limits.maxRetries || Date.now() + delay >= started + limits.firstTokenMs) throw classified;
      await sleep(delay, controller.signal);
    }
  } catch (error) {
    if (expired) throw new ModelFailure(expired, `${expired} after ${Date.now() - started} ms`);
    if (error instanceof ModelFailure) throw error;
    if (receivedText || controller.signal.aborted)
      throw new ModelFailure('stream-interrupted', `the stream broke off after ${Date.now() - started} ms`);
    throw classify(error, APICallError);
  } finally {
    clearTimeout(totalTimer);
    clearTimeout(firstTokenTimer);
    signal?.removeEventListener('abort', stop);
    controller.abort(); // a consumer that stops early must not leave the HTTP call running
  }

  /** One HTTP call. Returns the error when it failed before any text (so it may be retried); throws when it failed later. */
  async function* attemptOnce(): AsyncGenerator<string, 'done' | { failed: unknown }, undefined> {
    const result = streamText({
      model,
      system,
      messages,
      maxRetries: 0,
      abortSignal: controller.signal,
      maxOutputTokens: limits.maxOutputTokens,
      temperature: 0, // the answer restates the report; creativity only adds unsupported wording
      onError: () => {}, // the default logs the provider's error body; failures are reported by the caller
    });
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta' && part.text) {
        if (!receivedText) clearTimeout(firstTokenTimer);
        receivedText = true;
        yield part.text;
      } else if (part.type === 'error') {
        if (!receivedText) return { failed: part.error };
        throw classify(part.error, APICallError, 'stream-interrupted');
      } else if (part.type === 'abort') {
        throw new ModelFailure(expired ?? 'stream-interrupted', 'the call was aborted');
      }
    }
    if (!receivedText) throw new ModelFailure('invalid-response', 'the provider returned no text');
    return 'done';
  }
}

/** Map a provider error to why the answer degraded; only status codes are kept. */
function classify(error: unknown, APICallError: AiSdk['APICallError'], otherwise: DegradedReason = 'invalid-response'): ModelFailure {
  if (error instanceof ModelFailure) return error;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === 429) return new ModelFailure('rate-limited', 'HTTP 429 from the provider', status);
    if (status === undefined)
      return new ModelFailure(error.isRetryable ? 'provider-unavailable' : otherwise, 'the provider could not be reached');
    if (status >= 500) return new ModelFailure('provider-unavailable', `HTTP ${status} from the provider`, status);
    return new ModelFailure('provider-error', `HTTP ${status} from the provider`, status);
  }
  return new ModelFailure(otherwise, otherwise === 'invalid-response' ? 'the provider response could not be read' : 'the stream broke off');
}

/** `retry-after-ms` / `retry-after` (seconds or a date) when the server sends one, else the back-off. */
function retryDelay(error: unknown, backoff: number, APICallError: AiSdk['APICallError']): number {
  const headers = APICallError.isInstance(error) ? error.responseHeaders : undefined;
  const ms = Number.parseFloat(headers?.['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.['retry-after'];
  if (after) {
    const seconds = Number.parseFloat(after);
    const fromDate = Date.parse(after) - Date.now();
    const value = Number.isFinite(seconds) ? seconds * 1000 : fromDate;
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return backoff;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
