import type { WeightedUnit } from '../retrieve/coverage.js';
import type { Retrieval } from '../retrieve/retrieve.js';

/**
 * The bodies (institutions, offices, platforms) a figure question asks about: named in the
 * asked-about thing itself (金牌调解室调解成功率), or as its owner just before it, joined by 的
 * (金牌调解室的纠错率), or as the subject of the clause that asks (金牌调解室一共调解了多少起纠纷).
 * A figure of one body is not a figure of another, so the paragraph that answers must name each of them. A body named elsewhere in the question (法院审案时发现…，发了多少份建议)
 * only sets the scene.
 */
export function askedOwners({
  analysis,
  strict,
  target,
  named,
  owns,
}: Pick<Retrieval, 'analysis' | 'strict' | 'target' | 'named' | 'owns'>): WeightedUnit[] {
  if (!target) return [];
  const isBody = (u: WeightedUnit) => u.unit.forms.some((f) => named.has(f));
  const own = target.units.filter(isBody);
  const first = target.units[0]?.unit.text;
  const at = first ? analysis.normalized.indexOf(first) : -1;
  // The subject of the clause that asks (金牌调解室2023年调解成功了多少起纠纷): its figure is that body's.
  const clauseStart = at < 0 ? -1 : Math.max(...[...'，,。；;：:？?！!'].map((p) => analysis.normalized.lastIndexOf(p, at))) + 1;
  const clause = clauseStart < 0 ? '' : analysis.normalized.slice(clauseStart, at);
  // (Not when the asked thing is that body's own by name: 法院发了几份司法建议, 司法建议 being 法院的建议.)
  const ownsTarget = (u: WeightedUnit) => target.units.some((t) => t.unit.forms.some((f) => owns(u.unit.text, f)));
  const subjects = clause
    ? (strict[0] ?? []).filter((u) => isBody(u) && !own.includes(u) && clause.includes(u.unit.text) && !ownsTarget(u))
    : [];
  if (at <= 0 || analysis.normalized[at - 1] !== '的') return [...own, ...subjects];
  // The owner phrase: back from 的 to the previous punctuation.
  const owner =
    analysis.normalized
      .slice(0, at - 1)
      .split(/[，,。；;：:？?！!\s]/u)
      .pop() ?? '';
  return [...own, ...subjects, ...(strict[0] ?? []).filter((u) => isBody(u) && !subjects.includes(u) && owner.includes(u.unit.text))];
}
