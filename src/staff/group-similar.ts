import { jaccard } from './question-match.js';

/** Token-set similarity at which two declined questions are one topic (single link). */
export const GROUP_SIMILARITY = 0.4;

/**
 * Items grouped by the similarity of their token sets: an item joins the first group holding an
 * item at least `threshold` similar (Jaccard), else starts its own. Items come sorted by weight,
 * so each group is led by its most-asked question. Quadratic, over at most a few thousand questions.
 */
export function groupSimilar<T extends { tokens: Set<string> }>(items: T[], threshold = GROUP_SIMILARITY): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const home = groups.find((g) => g.some((other) => jaccard(item.tokens, other.tokens) >= threshold));
    if (home) home.push(item);
    else groups.push([item]);
  }
  return groups;
}
