import { answerEvents } from '../answer/answer-events.js';
import type { QaService } from '../qa-service.js';
import type { OverrideBook } from './override-book.js';

/**
 * The service with staff decisions first: a question matching an approved answer gets it, one
 * matching a referral gets the referral; every other question goes to the service unchanged (and
 * its answer cache). The book is consulted before that cache, so an approval made after a question
 * was cached takes effect at once.
 */
export function withOverrides(service: QaService, book: OverrideBook): QaService {
  return {
    ...service,
    async ask(question, history = [], signal) {
      return (await book.find(question, history)) ?? service.ask(question, history, signal);
    },
    async *answerStream(question, history = [], signal) {
      const decided = await book.find(question, history);
      if (decided) return yield* answerEvents(decided);
      return yield* service.answerStream(question, history, signal);
    },
  };
}
