import type { LlmAnswerOptions } from './answer/llm-answer.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/embedder.js';
import type { AnswerPrompts } from './llm/answer-prompts.js';
import type { QueryRewriterOptions } from './llm/rewrite-query.js';
import type { RewritePrompt } from './llm/rewrite-prompt.js';
import { DEFAULT_MODEL_LIMITS } from './llm/stream-model-text.js';

/**
 * Real providers from configuration, for the entry points of either runtime (Node, Workers).
 * Only entry points call these; everything else receives a model or an embedder.
 * The AI SDK is imported on first use, so an offline server never loads it.
 */

async function openAiProvider(settings: { apiKey: string; baseURL?: string }) {
  const { createOpenAI } = await import('@ai-sdk/openai');
  return createOpenAI(settings);
}

/** The configured embedding endpoint through the AI SDK (no cache: callers add one where they can keep it). */
export async function remoteEmbedder(embedding: Extract<Config['embedding'], { kind: 'openai' }>): Promise<Embedder> {
  const [provider, { aiSdkEmbedder }] = await Promise.all([openAiProvider(embedding), import('./embed/openai-embedder.js')]);
  return aiSdkEmbedder({
    model: provider.embedding(embedding.model),
    modelId: `openai:${embedding.model}`,
    dimensions: 0,
    document: { maxRetries: 1, timeoutMs: 30_000 },
  });
}

/** The model that writes answers, through chat completions (`/v1/chat/completions`, which every OpenAI-compatible server speaks); none offline. */
export async function answerModel(config: Config, prompts: AnswerPrompts): Promise<LlmAnswerOptions | undefined> {
  if (!config.openai) return undefined;
  const provider = await openAiProvider(config.openai);
  const { model, strategy, contextParagraphs, firstTokenTimeoutMs, totalTimeoutMs, maxRetries } = config.llm;
  return {
    model: provider.chat(model),
    prompts,
    strategy,
    contextParagraphs,
    limits: { ...DEFAULT_MODEL_LIMITS, firstTokenMs: firstTokenTimeoutMs, totalMs: totalTimeoutMs, maxRetries },
  };
}

/** The same chat model, for the query rewrite before retrieval; none offline or with `LLM_REWRITE=false`. */
export async function rewriteModel(config: Config, prompt: RewritePrompt): Promise<QueryRewriterOptions | undefined> {
  if (!config.openai || !config.llm.rewrite.enabled) return undefined;
  const provider = await openAiProvider(config.openai);
  return { model: provider.chat(config.llm.model), prompt, timeoutMs: config.llm.rewrite.timeoutMs };
}
