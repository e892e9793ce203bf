// Validates evals/gold.jsonl against the report text. Plain Node ESM, no dependencies.
// Usage: node evals/check-gold.mjs   (exit code 0 = pass)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLD = path.join(here, 'gold.jsonl');
const REPORT_CANDIDATES = [path.join(here, '..', 'corpus', 'shishi-2023-fazhi-zhengfu-report.txt')];
const reportPath = REPORT_CANDIDATES.find((p) => fs.existsSync(p));
if (!reportPath) {
  console.error('report not found');
  process.exit(2);
}

const strip = (s) => s.replace(/\s+/gu, '');
const raw = fs.readFileSync(reportPath, 'utf8');
const fullText = strip(raw);

// ---- segment report into paragraphs with ids (independent of project code) ----
const lines = raw
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l.length > 0);
const CN = '一二三四五六七八九十';
const partRe = new RegExp(`^([${CN}]+)、`);
const subRe = new RegExp(`^（([${CN}]+)）`);
const cnNum = (s) => CN.indexOf(s) + 1; // sufficient for 1..10
const paras = new Map();
let i = 0;
const headerIds = ['header-issuer', 'header-docno', 'header-signer', 'header-title', 'header-addressee'];
for (const id of headerIds) paras.set(id, lines[i++]);
// body: from intro until "特此报告。"
const body = [];
while (i < lines.length && lines[i] !== '特此报告。') body.push(lines[i++]);
// merge page-broken paragraphs: a non-heading line not ending in 。/： continues on next line
const merged = [];
for (const l of body) {
  const prev = merged[merged.length - 1];
  const isHeading = partRe.test(l) || subRe.test(l);
  if (prev && !prev.heading && !/[。：]$/.test(prev.text) && !isHeading) prev.text += l;
  else merged.push({ text: l, heading: partRe.test(l) });
}
let part = 0,
  pCount = 0;
for (const m of merged) {
  let id;
  const pm = m.text.match(partRe),
    sm = m.text.match(subRe);
  if (part === 0 && !pm) id = 'intro';
  else if (pm) {
    part = cnNum(pm[1]);
    pCount = 0;
    id = `s${part}`;
  } else if (sm) id = `s${part}.${cnNum(sm[1])}`;
  else {
    pCount += 1;
    id = `s${part}.p${pCount}`;
  }
  if (paras.has(id)) throw new Error(`duplicate paragraph id while segmenting: ${id}`);
  paras.set(id, m.text);
}
const closingIds = ['closing-statement', 'closing-signature', 'closing-date', 'closing-contact', 'closing-printer', 'closing-print-date'];
for (const id of closingIds) paras.set(id, lines[i++]);
if (i !== lines.length) throw new Error('unexpected trailing lines in report');

const EXPECTED_IDS = [
  ...headerIds,
  'intro',
  's1',
  's1.1',
  's1.2',
  's2',
  's2.p1',
  's3',
  's3.1',
  's3.2',
  's4',
  's4.1',
  's4.2',
  's4.3',
  's5',
  's5.1',
  's5.2',
  's5.3',
  's6',
  's6.1',
  's6.2',
  's6.3',
  's7',
  's7.1',
  's7.2',
  's7.3',
  's8',
  's8.p1',
  's9',
  's9.1',
  's9.2',
  's9.3',
  's9.4',
  ...closingIds,
];
const errors = [];
const err = (m) => errors.push(m);
const segIds = [...paras.keys()];
if (JSON.stringify([...segIds].sort()) !== JSON.stringify([...EXPECTED_IDS].sort())) err(`segmentation mismatch: got ${segIds.join(',')}`);
const VALID = new Set(EXPECTED_IDS);
const paraStripped = new Map([...paras].map(([k, v]) => [k, strip(v)]));

// ---- validate gold ----
const MIN = {
  numeric: 35,
  names: 12,
  list: 12,
  service: 20,
  pagebreak: 12,
  header: 10,
  'near-miss': 25,
  injection: 8,
  followup: 12,
  traditional: 10,
  english: 10,
  typo: 8,
  'paragraph-coverage': 0,
};
const PAGEBREAK_PARAS = new Set(['s1.1', 's3.2', 's4.1', 's5.1', 's5.3', 's6.3', 's7.2', 's8.p1', 's9.4']);
const KEYS = new Set(['id', 'split', 'category', 'question', 'history', 'answerable', 'gold', 'facts', 'style']);
const items = [];
const seen = new Set();
fs.readFileSync(GOLD, 'utf8')
  .split('\n')
  .forEach((line, n) => {
    if (line.trim() === '') {
      if (n < fs.readFileSync(GOLD, 'utf8').split('\n').length - 1) err(`line ${n + 1}: blank line`);
      return;
    }
    let o;
    try {
      o = JSON.parse(line);
    } catch (e) {
      err(`line ${n + 1}: invalid JSON: ${e.message}`);
      return;
    }
    items.push(o);
    const where = `${o.id ?? `line ${n + 1}`}`;
    for (const k of Object.keys(o)) if (!KEYS.has(k)) err(`${where}: unknown key ${k}`);
    if (typeof o.id !== 'string' || !/^q\d{3,}$/.test(o.id)) err(`${where}: bad id`);
    if (seen.has(o.id)) err(`${where}: duplicate id`);
    seen.add(o.id);
    if (!['dev', 'test'].includes(o.split)) err(`${where}: bad split`);
    if (!(o.category in MIN)) err(`${where}: bad category ${o.category}`);
    if (typeof o.question !== 'string' || !o.question.trim()) err(`${where}: empty question`);
    if (!['citizen', 'report'].includes(o.style)) err(`${where}: bad style`);
    if (typeof o.answerable !== 'boolean') err(`${where}: answerable not boolean`);
    if (!Array.isArray(o.gold) || !Array.isArray(o.facts)) {
      err(`${where}: gold/facts not arrays`);
      return;
    }
    if ('history' in o) {
      if (!Array.isArray(o.history) || o.history.length === 0 || o.history.length % 2 !== 0) err(`${where}: bad history`);
      else
        o.history.forEach((t, j) => {
          if (t.role !== (j % 2 === 0 ? 'user' : 'assistant') || typeof t.content !== 'string' || !t.content)
            err(`${where}: bad history turn ${j}`);
        });
    }
    if (o.category === 'followup' && !('history' in o)) err(`${where}: followup without history`);
    if (o.category !== 'followup' && 'history' in o) err(`${where}: history on non-followup`);
    if (o.answerable) {
      if (o.gold.length < 1 || o.gold.length > 2) err(`${where}: answerable item needs 1-2 gold ids`);
      if (o.facts.length < 1) err(`${where}: answerable item needs facts`);
    } else {
      if (o.gold.length || o.facts.length) err(`${where}: unanswerable item must have empty gold and facts`);
    }
    if (o.category === 'near-miss' && o.answerable) err(`${where}: near-miss must be unanswerable`);
    if (o.category === 'pagebreak' && !o.gold.some((g) => PAGEBREAK_PARAS.has(g))) err(`${where}: pagebreak item not on a split paragraph`);
    for (const g of o.gold) if (!VALID.has(g)) err(`${where}: unknown gold id ${g}`);
    const goldText = o.gold
      .filter((g) => paraStripped.has(g))
      .map((g) => paraStripped.get(g))
      .join('\n');
    for (const f of o.facts) {
      if (typeof f !== 'string' || !f) {
        err(`${where}: empty fact`);
        continue;
      }
      if (/\s/u.test(f)) err(`${where}: fact contains whitespace: ${f}`);
      if (!fullText.includes(f)) err(`${where}: fact not in report: ${f}`);
      else if (!goldText.includes(f)) err(`${where}: fact not in gold paragraph(s) ${o.gold.join(',')}: ${f}`);
    }
  });

// coverage, counts, balance
const covered = new Set(items.filter((o) => o.answerable).flatMap((o) => o.gold));
for (const id of EXPECTED_IDS) if (!covered.has(id)) err(`paragraph id not covered by any answerable item: ${id}`);
const byCat = {};
for (const o of items) {
  const c = (byCat[o.category] ??= { total: 0, dev: 0, test: 0 });
  c.total += 1;
  c[o.split] += 1;
}
for (const [c, min] of Object.entries(MIN)) {
  const s = byCat[c] ?? { total: 0, dev: 0, test: 0 };
  if (s.total < min) err(`category ${c}: ${s.total} < ${min}`);
  if (Math.abs(s.dev - s.test) > 1) err(`category ${c}: split unbalanced dev=${s.dev} test=${s.test}`);
}
if (items.length < 170) err(`only ${items.length} items (< 170)`);
const citizen = items.filter((o) => o.style === 'citizen').length;
if (citizen * 2 < items.length) err(`citizen style ${citizen}/${items.length} < 50%`);
const qs = new Map();
for (const o of items) {
  const key = JSON.stringify([o.question, o.history ?? null]);
  if (qs.has(key)) err(`${o.id}: duplicate question of ${qs.get(key)}`);
  qs.set(key, o.id);
}

// ---- the extra splits: dev2 and dev3 (tuning) and blind (frozen), their facts checked like the gold set's ----
const BLIND = path.join(here, 'blind.jsonl');
const blindBytes = fs.readFileSync(BLIND);
const frozen = fs.readFileSync(path.join(here, 'blind.sha256'), 'utf8').split(/\s+/)[0];
const blindHash = crypto.createHash('sha256').update(blindBytes).digest('hex');
if (blindHash !== frozen)
  err(`blind.jsonl changed (sha256 ${blindHash}, frozen ${frozen}): the blind split is written once and never edited`);
const readSplit = (file) =>
  fs
    .readFileSync(path.join(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const blind = readSplit('blind.jsonl');
const dev2 = readSplit('dev2.jsonl');
const dev3 = readSplit('dev3.jsonl');
const dev4 = readSplit('dev4.jsonl');
const dev5 = readSplit('dev5.jsonl');
const dev6 = readSplit('dev6.jsonl');
const dev7 = readSplit('dev7.jsonl');
const dev8 = readSplit('dev8.jsonl');
const dev9 = readSplit('dev9.jsonl');
const dev10 = readSplit('dev10.jsonl');
for (const [split, set, idRe] of [
  ['blind', blind, /^b[ab]\d{3}$/],
  ['dev2', dev2, /^d[234]\d{3}$/],
  ['dev3', dev3, /^e\d{3}$/],
  ['dev4', dev4, /^f\d{3}$/],
  ['dev5', dev5, /^g\d{3}$/],
  ['dev6', dev6, /^h\d{3}$/],
  ['dev7', dev7, /^i\d{3}$/],
  ['dev8', dev8, /^j\d{3}$/],
  ['dev9', dev9, /^k\d{3}$/],
  ['dev10', dev10, /^l\d{3}$/],
]) {
  for (const o of set) {
    if (o.split !== split || !idRe.test(o.id) || seen.has(o.id)) err(`${o.id}: bad ${split} id or split`);
    seen.add(o.id);
    for (const g of o.gold) if (!VALID.has(g)) err(`${o.id}: unknown gold id ${g}`);
    const goldText = o.gold.map((g) => paraStripped.get(g) ?? '').join('\n');
    for (const f of o.facts) if (!goldText.includes(f)) err(`${o.id}: fact not in gold paragraph(s): ${f}`);
    if (o.answerable !== o.gold.length > 0 || o.answerable !== o.facts.length > 0) err(`${o.id}: answerable must match gold/facts`);
    for (const k of Object.keys(o)) if (!KEYS.has(k)) err(`${o.id}: unknown key ${k}`);
    if (o.category === 'near-miss' && o.answerable) err(`${o.id}: near-miss must be unanswerable`);
    if (o.category === 'followup' && !o.history) err(`${o.id}: followup without history`);
    for (const f of o.facts) if (/\s/u.test(f)) err(`${o.id}: fact contains whitespace: ${f}`);
  }
}
for (const [split, set, least] of [
  ['dev3', dev3, 150],
  ['dev4', dev4, 160],
  ['dev5', dev5, 160],
  ['dev6', dev6, 160],
  ['dev7', dev7, 160],
  ['dev8', dev8, 160],
  ['dev9', dev9, 160],
  ['dev10', dev10, 160],
]) {
  const near = set.filter((o) => o.category === 'near-miss').length;
  if (set.length < least || near < set.length / 5)
    err(`${split} split: ${set.length} items, ${near} near misses (need ≥ ${least}, ≥ 20 %)`);
  const keys = new Set();
  for (const o of set) {
    const key = JSON.stringify([o.question, o.history ?? null]);
    if (keys.has(key)) err(`${o.id}: duplicate question in ${split}`);
    keys.add(key);
  }
}
const blindNear = blind.filter((o) => o.category === 'near-miss').length;
if (blind.length < 120 || blindNear < blind.length / 5)
  err(`blind split: ${blind.length} items, ${blindNear} near misses (need ≥ 120, ≥ 20 %)`);

console.log(`report: ${reportPath}`);
console.log(
  `blind: ${blind.length} items, ${blindNear} near misses, sha256 ${blindHash.slice(0, 12)}… (frozen); dev2: ${dev2.length} items; dev3: ${dev3.length} items; dev4: ${dev4.length} items; dev5: ${dev5.length} items; dev6: ${dev6.length} items; dev7: ${dev7.length} items; dev8: ${dev8.length} items; dev9: ${dev9.length} items; dev10: ${dev10.length} items`,
);
console.log(`items: ${items.length}, citizen: ${citizen}, report: ${items.length - citizen}`);
for (const [c, s] of Object.entries(byCat)) console.log(`  ${c.padEnd(20)} total=${s.total} dev=${s.dev} test=${s.test}`);
if (errors.length) {
  console.error(`\nFAILED with ${errors.length} error(s):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log('\nOK: all checks passed');
