import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const goldItemSchema = z.object({
  id: z.string(),
  split: z.enum(['dev', 'test']),
  category: z.string(),
  question: z.string(),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).optional(),
  answerable: z.boolean(),
  gold: z.array(z.string()),
  facts: z.array(z.string()),
  style: z.enum(['citizen', 'report']),
});
export type GoldItem = z.infer<typeof goldItemSchema>;

export const GOLD_PATH = fileURLToPath(new URL('../gold.jsonl', import.meta.url));

export function loadGold(path = GOLD_PATH): GoldItem[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => goldItemSchema.parse(JSON.parse(l)));
}
