/** What a batch of texts is embedded for: documents at build time may wait and retry; a query may not. */
export type EmbedPurpose = 'document' | 'query';

/** Turns texts into vectors. Passed in; only entry points build a concrete one from configuration. */
export interface Embedder {
  /** Identifies the model and its settings; part of the cache key. */
  readonly modelId: string;
  readonly dimensions: number;
  embed(texts: string[], purpose?: EmbedPurpose): Promise<number[][]>;
}
