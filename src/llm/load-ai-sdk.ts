/** The AI SDK (`ai`), as a module namespace. */
export type AiSdk = typeof import('ai');

let loading: Promise<AiSdk> | undefined;

/**
 * The AI SDK, imported on first use. It is a third of the server bundle, and an offline server
 * needs it only for the first `/api/chat` stream; a model call needs it at once. The bundle
 * puts it in a chunk of its own, so start-up neither reads nor compiles it.
 */
export function loadAiSdk(): Promise<AiSdk> {
  loading ??= import('ai');
  return loading;
}
