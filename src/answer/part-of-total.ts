import { coverage, type WeightedUnit } from '../retrieve/coverage.js';

/** Characters kept of a first item when no middle item shows how long items are. */
const FIRST_ITEM = 6;

/**
 * Does the question ask for one item of a figure that totals an enumeration? In
 * 运用不予处罚、减轻处罚、从轻处罚、不予行政强制措施“四张清单”作出案件 5987 件 the figure counts
 * all four kinds together, so 减轻处罚的案子有多少件 is not answered by it: the report gives no
 * figure for that item alone. The enumeration is the 、-separated run before the figure whose
 * items hold no number of their own (9个工作站、128个工作室 give one figure per item).
 *
 * A question that joins several things (镇街和部门) asks about all of them: the caller does not ask.
 *
 * A question word points at one item when it is found whole in exactly one of the items before
 * the last 、 and nowhere after it (the last item runs on into what the figure counts, so a word
 * there — 四张清单 — names the total, not an item).
 */
export function asksPartOfTotal(clause: string, literal: string, questionUnits: WeightedUnit[]): boolean {
  const at = clause.indexOf(literal);
  if (at < 0) return false;
  const before = clause.slice(0, at);
  // 奖补直达、小微融资、掌上证明等 65 个功能模块: examples of what is counted, not its parts.
  if (/等/u.test(before.slice(before.lastIndexOf('、')))) return false;
  const items = before.split('、');
  if (items.length < 2 || items.some((item) => /\d/u.test(item))) return false;
  // The first item starts after the clause's own words (运用不予处罚): keep about as much of it as the others hold.
  const middle = items.slice(1, -1).map((item) => item.length);
  const first = items[0]!.slice(-Math.max(FIRST_ITEM, ...middle));
  const leading = [first, ...items.slice(1, -1)];
  const rest = `${items[items.length - 1]} ${clause.slice(at)}`;
  const whole = (unit: WeightedUnit, text: string) => coverage([unit], text) >= 0.99;
  return questionUnits.some(function pointsAtOneItem(unit) {
    if (whole(unit, rest)) return false;
    return leading.filter((item) => whole(unit, item)).length === 1;
  });
}
