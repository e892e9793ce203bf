import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkVocabulary } from '../src/cli/check-vocab.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { candidateFile } from '../src/node/candidate-file.js';
import { json } from './helpers.js';
import { insertTurn, type LoggedIn, logIn, staffFixture, staffPost } from './staff-fixture.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const f = staffFixture({ candidates: (dir) => candidateFile(join(dir, 'candidates.jsonl')) });
let staff: LoggedIn;
beforeAll(async () => {
  staff = await logIn(f.app);
});
const cli = (script: string, args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: f.dir, DATABASE_URL: '' },
    encoding: 'utf8',
    input,
  });

describe('citizen words', () => {
  it('are proposed (audited), accepted, and exported by npm run vocab:export into a vocabulary that passes check:vocab', async () => {
    const propose = (body: unknown) => staffPost(f.app, staff, '/api/staff/vocab', body);
    const ok = await propose({ reportTerm: '行政复议', citizenWord: '告政府复查' });
    expect(ok.status).toBe(201);
    const rejected = await propose({ reportTerm: '行政复议', citizenWord: '不要这个词' });
    expect((await propose({ reportTerm: '报告里没有的词', citizenWord: '随便' })).status).toBe(400);
    expect((await propose({ reportTerm: '行政复议', citizenWord: '复' })).status).toBe(400);
    expect((await staffPost(f.app, staff, `/api/staff/vocab/${(await json(ok)).id}`, { status: 'accepted' })).status).toBe(200);
    expect((await staffPost(f.app, staff, `/api/staff/vocab/${(await json(rejected)).id}`, { status: 'rejected' })).status).toBe(200);
    expect((await staffPost(f.app, staff, '/api/staff/vocab/nope', { status: 'accepted' })).status).toBe(404);
    const actions = (await f.store.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['vocab-propose', 'vocab-accept', 'vocab-reject']));

    const corpus = join(f.dir, 'corpus');
    cpSync(join(root, 'corpus'), corpus, { recursive: true });
    const out = cli('src/cli/vocab-export.ts', ['--corpus', corpus]);
    expect(out).toContain('行政复议 ← 告政府复查');
    const exported = loadCorpusFiles(corpus);
    const term = exported.vocabulary.terms.find((t) => t.term === '行政复议')!;
    expect(term.zh).toContain('告政府复查');
    expect(term.zh).not.toContain('不要这个词');
    expect(checkVocabulary(exported.vocabulary, exported.source).problems).toEqual([]);
    const before = readFileSync(join(root, 'corpus', 'vocabulary.json'), 'utf8').split('\n');
    const after = readFileSync(join(corpus, 'vocabulary.json'), 'utf8').split('\n');
    expect(after.length - before.length).toBe(1); // one added line: the rest of the file keeps its layout
    expect(cli('src/cli/vocab-export.ts', ['--corpus', corpus])).toContain('no accepted citizen words to add');
  });
});

describe('export to the eval set', () => {
  it('writes selected reviewed turns as gold-format candidates; undecided ones are skipped', async () => {
    const paragraph = f.service.paragraph('s4.3')!;
    const s = paragraph.sentences.find((x) => paragraph.text.slice(x.start, x.end).includes('228'))!;
    const quote = { paragraphId: 's4.3', start: s.start, end: s.end, text: paragraph.text.slice(s.start, s.end) };
    await staffPost(f.app, staff, '/api/staff/approved', { question: '复议申请一年收到几件？', framing: '228件。', quotes: [quote] });
    await staffPost(f.app, staff, '/api/staff/referrals', {
      question: '社保卡丢了怎么补办？',
      office: '石狮市人社局',
      phone: '0595-12345678',
    });
    const ids = [
      await insertTurn(f.store, '复议申请一年收到几件？'),
      await insertTurn(f.store, '社保卡丢了怎么补办', { abstained: 1 }),
      await insertTurn(f.store, '没人处理过的问题'),
    ];
    const res = await staffPost(f.app, staff, '/api/staff/export', { answerIds: ids });
    expect(res.status).toBe(200);
    expect((await json(res)).skipped).toEqual([ids[2]]);
    const lines = readFileSync(join(f.dir, 'candidates.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const goldIds = readFileSync(join(root, 'evals', 'gold.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id as string);
    expect(lines).toHaveLength(2);
    const [answerable, nearMiss] = lines;
    expect(answerable).toMatchObject({
      question: '复议申请一年收到几件？',
      answerable: true,
      gold: ['s4.3'],
      category: 'numeric',
      style: 'citizen',
    });
    expect(nearMiss).toMatchObject({ question: '社保卡丢了怎么补办', answerable: false, gold: [], facts: [], category: 'near-miss' });
    // The gold format as evals/check-gold.mjs checks it: keys, ids, splits, facts verbatim in their gold paragraph.
    const squash = (t: string) => t.replace(/\s+/gu, '');
    for (const item of lines) {
      expect(Object.keys(item).sort()).toEqual(['answerable', 'category', 'facts', 'gold', 'id', 'question', 'split', 'style']);
      expect(item.id).toMatch(/^q\d{3,}$/);
      expect(goldIds).not.toContain(item.id);
      expect(['dev', 'test']).toContain(item.split);
      for (const fact of item.facts) {
        expect(fact).not.toMatch(/\s/);
        expect(item.gold.some((g: string) => squash(f.service.paragraph(g)!.text).includes(fact))).toBe(true);
      }
    }
    expect(lines[0].split).not.toBe(lines[1].split);
    const [exported] = await f.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').execute();
    expect(JSON.parse(exported!.detail)).toMatchObject({ ids: lines.map((l) => l.id), skipped: 1 });
  });
});

describe('npm run staff:add', () => {
  it('creates an account from a piped password without printing it, refuses a short one, and the account logs in', async () => {
    const password = 'a long enough secret 42';
    const out = cli('src/cli/staff-add.ts', ['desk.wang', '--password-stdin'], `${password}\n`);
    expect(out).toContain('staff account desk.wang created');
    expect(out).not.toContain(password);
    expect(() => cli('src/cli/staff-add.ts', ['desk.zhao', '--password-stdin'], 'short\n')).toThrow(/at least 12 characters/);
    expect((await logIn(f.app, { username: 'desk.wang', password })).csrfToken).toBeTruthy();
    expect(existsSync(join(f.dir, 'qa.sqlite'))).toBe(true);
  });
});
