import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { ingest } from '../src/ingest/ingest.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { createQaService } from '../src/qa-service.js';
import { DEFAULT_ANSWER_TUNING } from '../src/answer/extractive-answer.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import type { Answer } from '../src/types.js';
import { aggregate, table, type Metrics } from './lib/aggregate.js';
import { charOverlapBaseline, stockOramaBaseline } from './lib/baselines.js';
import { loadGold, SPLITS, type GoldItem } from './lib/gold.js';
import { renderHtml } from './lib/render-html.js';
import { scoreItem, type ItemResult } from './lib/score.js';
import { httpTarget, inProcessTarget, type EvalTarget } from './lib/target.js';

const USAGE = `npm run eval -- [--url http://host:port] [--split dev|test|blind|all] [--offline] [--no-baselines] [--no-gate] [--out dir] [--quiet] [--sweep]
  --sweep: the decline trade-off of the offline service over minCoverage and the sentence threshold (no report, no gate)
  default: the in-process service (configured from the environment), both splits, with baselines, gated by evals/thresholds.json`;

const thresholdsSchema = z.object({
  description: z.string().optional(),
  splits: z.record(z.string(), z.record(z.string(), z.number())),
  /** Upper bounds (counts such as wrongFigures) per split. */
  maxima: z.record(z.string(), z.record(z.string(), z.number())).default({}),
});
const HERE = fileURLToPath(new URL('.', import.meta.url));

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      split: { type: 'string', default: 'all' },
      offline: { type: 'boolean', default: false },
      'no-baselines': { type: 'boolean', default: false },
      'no-gate': { type: 'boolean', default: false },
      out: { type: 'string', default: join(HERE, 'out') },
      quiet: { type: 'boolean', default: false },
      sweep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (![...SPLITS, 'all'].includes(values.split as never)) throw new Error(`--split must be ${SPLITS.join(', ')} or all\n${USAGE}`);
  if (values.sweep) return sweep(loadGold());

  const items = loadGold().filter((i) => values.split === 'all' || i.split === values.split);
  const { document, reference } = referenceReport();

  const targets: EvalTarget[] = [];
  let generated: string | undefined;
  if (values.url) {
    targets.push(httpTarget(values.url));
  } else {
    // The offline (extractive) service is always measured and gated; with a configured model the
    // same set also runs, side by side, as extractive answers over the model's query rewrite
    // (unless LLM_REWRITE=false) and as generated answers (with the rewrite).
    const offline = await createNodeService(loadConfig({ LOG_REQUESTS: 'false' }));
    targets.push(inProcessTarget(`service (in-process, ${offline.index.embedder.modelId})`, offline));
    const config = loadConfig({ ...process.env, LOG_REQUESTS: 'false' });
    if (!values.offline && config.openai) {
      const rewrite = config.llm.rewrite.enabled;
      if (rewrite)
        targets.push(
          inProcessTarget(`extractive + rewrite (${config.llm.model})`, await createNodeService(config, { answers: 'extractive' })),
        );
      const model = await createNodeService(config);
      generated = `generated (${config.llm.model}, ${config.llm.strategy}${rewrite ? ' + rewrite' : ''})`;
      targets.push(inProcessTarget(generated, model));
    }
  }
  if (!values['no-baselines']) targets.push(await stockOramaBaseline(document.paragraphs), charOverlapBaseline(document.paragraphs));

  const all: ItemResult[] = [];
  for (const target of targets) all.push(...(await runTarget(target, items, reference, values.quiet!)));

  const service = targets[0]!.name;
  const of = (target: string, pred: (r: ItemResult) => boolean = () => true) => all.filter((r) => r.target === target && pred(r));
  const splits: string[] = values.split === 'all' ? [...SPLITS] : [values.split!];
  const sideBySide: [string, Metrics][] = targets.flatMap((t) =>
    [...splits, 'all'].map((s): [string, Metrics] => [
      `${shortName(t.name)} · ${s}`,
      aggregate(of(t.name, (r) => s === 'all' || r.item.split === s)),
    ]),
  );
  const categories = [...new Set(items.map((i) => i.category))];
  const byCategory = (split: string): [string, Metrics][] =>
    categories.map((c) => [c, aggregate(of(service, (r) => r.item.category === c && (split === 'all' || r.item.split === split)))]);
  const checks = countChecks(of(generated ?? service).map((r) => r.answer));

  console.log(`\n== ${service} vs baselines (same questions, same run) ==\n${table(sideBySide)}`);
  for (const s of splits) console.log(`\n== ${shortName(service)} by category · ${s} ==\n${table(byCategory(s))}`);
  if (generated)
    for (const s of splits)
      console.log(
        `\n== ${generated} by category · ${s} ==\n${table(categories.map((c) => [c, aggregate(of(generated!, (r) => r.item.category === c && r.item.split === s))]))}`,
      );
  if (Object.keys(checks).length)
    console.log(
      `\n== citation checks fired (generated mode) ==\n${Object.entries(checks)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}`,
    );

  mkdirSync(values.out!, { recursive: true });
  const generatedAt = new Date().toISOString();
  const summary = [
    { heading: 'Service vs baselines', rows: sideBySide },
    ...splits.map((s) => ({ heading: `Service by category · ${s}`, rows: byCategory(s) })),
  ];
  writeFileSync(
    join(values.out!, 'report.json'),
    JSON.stringify(
      {
        generatedAt,
        targets: targets.map((t) => t.name),
        summary,
        checks,
        results: all.map(({ item, ...rest }) => ({ id: item.id, ...rest, item })),
      },
      null,
      1,
    ),
  );
  writeFileSync(
    join(values.out!, 'report.html'),
    renderHtml({ title: `Evaluation · ${generated ?? service}`, generatedAt, summary, checks, results: of(generated ?? service) }),
  );
  console.log(`\nwrote ${join(values.out!, 'report.json')} and report.html`);

  if (!values['no-gate']) {
    const failures = gate(splits.map((s) => [s, aggregate(of(service, (r) => r.item.split === s))]));
    if (failures.length) {
      console.error(`\nGATE FAILED (evals/thresholds.json):\n${failures.join('\n')}`);
      process.exitCode = 1;
    } else console.log('\ngate: all thresholds met (evals/thresholds.json)');
  }
}

/** The report as ingested from corpus/: the reference every quote and citation is checked against (id → verbatim text). */
function referenceReport() {
  const corpus = loadCorpusFiles();
  const document = ingest(corpus.source, corpus.meta);
  return { corpus, document, reference: new Map(document.paragraphs.map((p) => [p.id, p.text])) };
}

async function runTarget(target: EvalTarget, items: GoldItem[], reference: Map<string, string>, quiet: boolean): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  const tty = process.stderr.isTTY;
  for (const [i, item] of items.entries()) {
    const started = performance.now();
    let answer: Answer = { answer: '', abstained: true, mode: 'extractive', citations: [] };
    let ranking: string[] = [];
    let error: string | undefined;
    try {
      ({ answer, ranking } = await target.ask(item.question, item.history ?? []));
    } catch (e) {
      error = (e as Error).message;
    }
    results.push(scoreItem(item, target.name, answer, ranking, performance.now() - started, reference, error));
    if (!quiet && (tty || (i + 1) % 50 === 0 || i + 1 === items.length)) {
      const passed = results.filter((r) => r.pass).length;
      process.stderr.write(
        `${tty ? '\r' : ''}${shortName(target.name)}: ${i + 1}/${items.length} (${passed} pass)${tty && i + 1 < items.length ? '' : '\n'}`,
      );
    }
  }
  return results;
}

/**
 * The two decline thresholds' trade-off, per split: the paragraph's coverage (`minCoverage`) and the
 * answering sentence's (`grounding.minSentenceCoverage`). Choose on the tuning splits (dev, dev2, dev3);
 * test and blind are only measured.
 */
async function sweep(items: GoldItem[]) {
  const { corpus, reference } = referenceReport();
  console.log('minCoverage  sentence  split  answered  factAcc  nearMissDecl  wrongFig');
  for (const minCoverage of [0.45, 0.5, 0.55, 0.6]) {
    for (const minSentenceCoverage of [0.3, 0.35, 0.4, 0.45, 0.5]) {
      const answerTuning = {
        ...DEFAULT_ANSWER_TUNING,
        minCoverage,
        grounding: { ...DEFAULT_ANSWER_TUNING.grounding, minSentenceCoverage },
      };
      const target = inProcessTarget('sweep', await createQaService({ corpus, embedder: localHashEmbedder(), answerTuning }));
      const isDefault =
        minCoverage === DEFAULT_ANSWER_TUNING.minCoverage && minSentenceCoverage === DEFAULT_ANSWER_TUNING.grounding.minSentenceCoverage;
      for (const split of SPLITS) {
        const m = aggregate(
          await runTarget(
            target,
            items.filter((i) => i.split === split),
            reference,
            true,
          ),
        );
        const row = [
          minCoverage.toFixed(2).padStart(11),
          minSentenceCoverage.toFixed(2).padStart(8),
          split.padEnd(5),
          m.answered.toFixed(3).padStart(8),
          m.factAccuracy.toFixed(3).padStart(7),
          m.nearMissDeclined.toFixed(3).padStart(12),
          String(m.wrongFigures).padStart(8),
        ];
        console.log(row.join('  ') + (isDefault ? '  ← default' : ''));
      }
    }
  }
}

/** Sum of the `verification` counters generated answers carry (empty for extractive answers). */
function countChecks(answers: Answer[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const a of answers) {
    const v = (a as Answer & { verification?: Record<string, unknown> }).verification;
    for (const [k, n] of Object.entries(v ?? {})) if (typeof n === 'number') totals[k] = (totals[k] ?? 0) + n;
  }
  return totals;
}

function gate(rows: [string, Metrics][]): string[] {
  const { splits, maxima } = thresholdsSchema.parse(JSON.parse(readFileSync(join(HERE, 'thresholds.json'), 'utf8')));
  const failures: string[] = [];
  for (const [split, m] of rows) {
    for (const [metric, min] of Object.entries(splits[split] ?? {})) {
      const value = m[metric as keyof Metrics];
      if (value === undefined) failures.push(`${split}: unknown metric ${metric}`);
      else if (!(value >= min)) failures.push(`${split}: ${metric} ${value.toFixed(3)} < ${min}`);
    }
    for (const [metric, max] of Object.entries(maxima[split] ?? {})) {
      const value = m[metric as keyof Metrics];
      if (value === undefined) failures.push(`${split}: unknown metric ${metric}`);
      else if (!(value <= max)) failures.push(`${split}: ${metric} ${value} > ${max}`);
    }
  }
  return failures;
}

const shortName = (name: string) => name.replace(/ \(in-process.*\)$/, '').replace(/^baseline: /, '');

main().catch(function fatal(error: unknown) {
  console.error((error as Error).stack ?? error);
  process.exit(1);
});
