/** What the widget needs from `POST /api/chat` (the AI SDK UI message stream, read without the SDK). */
export interface Citation {
  n: number;
  id: string;
  section: string;
  text: string;
  quote: string;
  start: number;
  end: number;
}
export interface FinalAnswer {
  /** For feedback on this answer (POST /api/feedback). */
  answerId?: string;
  answer: string;
  abstained: boolean;
  mode: 'extractive' | 'llm';
  degraded?: boolean;
  degradedReason?: string;
  suggestions?: { id: string; section: string }[];
  citations: Omit<Citation, 'text'>[];
}
export interface StreamHandlers {
  /** The text shown so far is replaced (a new draft of the answer, or the final answer's text). */
  onTextStart(): void;
  onText(delta: string): void;
  onCitation(c: Citation): void;
  onFinal(a: FinalAnswer): void;
}
export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: { type: 'text'; text: string }[];
}

export type ChatErrorKind = 'network' | 'busy' | 'rejected' | 'server' | 'stopped';

/** Why a turn failed; each kind tells the citizen something different (and `rejected` cannot be retried). */
export class ChatError extends Error {
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    /** For `busy`: seconds to wait, from the response's Retry-After. */
    readonly retryAfter = 0,
  ) {
    super(message);
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date; 30 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? 30 : Math.max(1, Math.ceil((date - now) / 1000));
}

/** POST the conversation and dispatch the stream's parts as they arrive. */
export async function streamChat(
  api: string,
  body: { messages: ChatMessage[]; conversationId?: string },
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${api}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    throw new ChatError(signal?.aborted ? 'stopped' : 'network', 'network');
  }
  if (res.status === 429) throw new ChatError('busy', 'busy', retryAfterSeconds(res.headers.get('retry-after')));
  if (!res.ok || !res.body) {
    let message = '';
    try {
      message = (await res.json())?.error?.message ?? '';
    } catch {
      // not JSON: keep the generic message
    }
    throw new ChatError(res.status >= 400 && res.status < 500 ? 'rejected' : 'server', message);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) !== -1) {
        const event = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        for (const line of event.split('\n')) {
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') continue;
          finished = dispatch(JSON.parse(data), handlers) || finished;
        }
      }
    }
  } catch (e) {
    if (e instanceof ChatError) throw e;
    throw new ChatError(signal?.aborted ? 'stopped' : 'network', 'network');
  }
  if (!finished) throw new ChatError('network', 'incomplete');
}

/** Handle one part; true when the final answer arrived. */
function dispatch(part: { type: string; delta?: string; data?: unknown; errorText?: string }, h: StreamHandlers): boolean {
  switch (part.type) {
    case 'text-start':
      h.onTextStart();
      return false;
    case 'text-delta':
      h.onText(part.delta ?? '');
      return false;
    case 'data-draft':
      // The verified text so far of an answer still being written (transient): shown in place of the last draft.
      h.onTextStart();
      h.onText((part.data as { text?: string } | undefined)?.text ?? '');
      return false;
    case 'data-citation':
      h.onCitation(part.data as Citation);
      return false;
    case 'data-answer':
      h.onFinal(part.data as FinalAnswer);
      return true;
    case 'error':
      throw new ChatError('server', part.errorText ?? '');
    default:
      return false;
  }
}
