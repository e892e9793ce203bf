import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/record/time-ordered-id.js';

describe('answer ids (UUID v7)', () => {
  it('are valid version-7 UUIDs that carry their time and sort in the order they were made', () => {
    const start = Date.UTC(2026, 10, 28, 12, 0, 0);
    const ids = Array.from({ length: 2_000 }, (_, i) => timeOrderedId(start + Math.floor(i / 4)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(start);
    const byTime = ids.filter((_, i) => i % 4 === 0);
    expect([...byTime].sort()).toEqual(byTime);
  });
});
