import type { ChatErrorKind, ChatMessage, Citation, FinalAnswer } from './chat-stream.js';
import type { TurnFeedback } from './feedback-view.js';

/** One question and what became of it. A turn has exactly one state; only `done` turns are sent back as history. */
export interface Turn {
  id: string;
  question: string;
  state: 'sending' | 'streaming' | 'done' | 'failed';
  /** The answer's text (the final text once `done`). */
  text: string;
  answer?: FinalAnswer;
  citations: Citation[];
  failure?: { kind: ChatErrorKind; message: string; retryAt?: number };
  feedback?: TurnFeedback;
}

/**
 * The conversation, kept in sessionStorage so a reload (or a link followed and come back from)
 * does not lose it, and forgotten when the tab closes. A turn that was in flight when the page
 * went away comes back failed, with its retry.
 */
export class Conversation {
  turns: Turn[] = [];
  /**
   * Groups this conversation's turns in the service's record: random, made here, sent in the
   * request body (no cookie), and replaced when the conversation is cleared.
   */
  id = newConversationId();

  constructor(private readonly key: string) {
    try {
      this.id = sessionStorage.getItem(`${key}:id`) ?? this.id;
      const saved = JSON.parse(sessionStorage.getItem(key) ?? '[]') as Turn[];
      this.turns = saved.map((t) =>
        t.state === 'done' || t.state === 'failed' ? t : { ...t, state: 'failed', failure: { kind: 'network', message: '' } },
      );
      // Feedback that was on its way when the page went away may not have arrived: offer it again.
      for (const t of this.turns) if (t.feedback?.state === 'sending') t.feedback = { ...t.feedback, state: 'failed' };
    } catch {
      this.turns = []; // storage blocked (private mode, sandboxed frame) or unreadable: start afresh
    }
  }

  add(question: string): Turn {
    const turn: Turn = { id: `t${Date.now().toString(36)}${this.turns.length}`, question, state: 'sending', text: '', citations: [] };
    this.turns.push(turn);
    this.save();
    return turn;
  }

  /** The messages `/api/chat` gets for a turn: the answered turns before it, then its question. */
  messagesFor(turn: Turn): ChatMessage[] {
    const before = this.turns.slice(0, this.turns.indexOf(turn)).filter((t) => t.state === 'done');
    const text = (id: string, role: ChatMessage['role'], value: string): ChatMessage => ({
      id,
      role,
      parts: [{ type: 'text', text: value }],
    });
    return [
      ...before.slice(-5).flatMap((t) => [text(`${t.id}q`, 'user', t.question), text(`${t.id}a`, 'assistant', t.text)]),
      text(`${turn.id}q`, 'user', turn.question),
    ];
  }

  clear() {
    this.turns = [];
    this.id = newConversationId();
    this.save();
  }

  save() {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(this.turns));
      sessionStorage.setItem(`${this.key}:id`, this.id);
    } catch {
      // full or blocked: the conversation still works, it just will not survive a reload
    }
  }
}

function newConversationId(): string {
  return crypto.randomUUID?.() ?? `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
