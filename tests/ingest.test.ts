import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpusFiles, defaultCorpusDir } from '../src/corpus/load-corpus-files.js';
import { ingest } from '../src/ingest/ingest.js';

const corpus = loadCorpusFiles();
const doc = ingest(corpus.source, corpus.meta);
const byId = new Map(doc.paragraphs.map((p) => [p.id, p]));

describe('corpus', () => {
  it('is the published report byte for byte', () => {
    const shipped = readFileSync(`${defaultCorpusDir()}${corpus.meta.file}`);
    expect(shipped.length).toBe(16993);
    expect(corpus.meta.sha256).toBe('9d2e0538c7e5e7d80fd95ee3e6d523ba52360bc803dd62c4052cede81760b2f6');
  });
});

describe('ingestion', () => {
  it('loses and adds nothing: the paragraphs concatenated equal the source without whitespace', () => {
    expect(
      doc.paragraphs
        .map((p) => p.text)
        .join('')
        .replace(/\s/g, ''),
    ).toBe(corpus.source.replace(/\s/g, ''));
  });

  it('rebuilds each of the nine paragraphs cut by a page break as one whole paragraph', () => {
    const joined = doc.paragraphs.filter((p) => p.lines.length > 1);
    expect(joined.map((p) => p.id)).toEqual(['s1.1', 's3.2', 's4.1', 's5.1', 's5.3', 's6.3', 's7.2', 's8.p1', 's9.4']);
    expect(byId.get('s1.1')!.text).toContain('习近平法治思想，研究部署法治政府建设工作');
    expect(byId.get('s3.2')!.text).toContain('依托福建省“互联网+监管”系统');
    expect(byId.get('s4.1')!.text).toContain('存在漏报备案情形');
    expect(byId.get('s5.1')!.text).toContain('事中事后监管和行政执法行为');
    expect(byId.get('s5.3')!.text).toContain('37 个行政执法单位配备');
    expect(byId.get('s6.3')!.text).toContain('对需要进行行政处罚的提出检察意见 68 件');
    expect(byId.get('s7.2')!.text).toContain('着力推进实体、热线、网络三大平台');
    expect(byId.get('s8.p1')!.text).toContain('部分执法人员法律意识');
    expect(byId.get('s9.4')!.text).toContain('完善重大行政决策程序制度');
  });

  it('keeps the text verbatim: spaced numbers, the Traditional 學, the original punctuation', () => {
    expect(byId.get('s4.3')!.text).toContain('共收到行政复议申请 228 件');
    expect(byId.get('s3.1')!.text).toContain('中小學生');
    expect(byId.get('closing-contact')!.text).toBe('(联系人: 王丹蓉, 联系电话: 13788817686)');
  });

  it('recognises the header block, the nine parts, their sub-parts and the closing block', () => {
    expect(doc.paragraphs.slice(0, 6).map((p) => p.id)).toEqual([
      'header-issuer',
      'header-docno',
      'header-signer',
      'header-title',
      'header-addressee',
      'intro',
    ]);
    expect(doc.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.id)).toEqual([
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
      's7',
      's8',
      's9',
    ]);
    expect(doc.paragraphs.filter((p) => p.part === 4 && p.kind === 'body').map((p) => p.id)).toEqual(['s4.1', 's4.2', 's4.3']);
    expect(doc.paragraphs.slice(-6).map((p) => p.id)).toEqual([
      'closing-statement',
      'closing-signature',
      'closing-date',
      'closing-contact',
      'closing-printer',
      'closing-print-date',
    ]);
    expect(doc.paragraphs).toHaveLength(43);
  });

  it('gives each paragraph a Chinese section path', () => {
    expect(byId.get('s3.2')!.section).toBe('三、持续提升法治政府服务效能 › （二）打造法治化营商环境');
    expect(byId.get('s2.p1')!.section).toBe('二、深入开展全国法治政府建设示范创建活动');
    expect(byId.get('s4.3')!.section).toBe('四、不断完善依法行政制度体系 › （三）完善行政复议机制，提升行政复议质效');
  });

  it('builds an outline that lists every paragraph once', () => {
    const ids = doc.outline.flatMap(function walk(n): string[] {
      return [...n.paragraphIds, ...n.children.flatMap(walk)];
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(doc.paragraphs.map((p) => p.id).sort());
  });

  it('gives the same ids when built twice', () => {
    const again = ingest(loadCorpusFiles().source, corpus.meta);
    expect(again.paragraphs.map((p) => [p.id, p.text])).toEqual(doc.paragraphs.map((p) => [p.id, p.text]));
  });

  it('splits paragraphs into sentences that tile the text, and finds 一是…二是… clauses', () => {
    for (const p of doc.paragraphs) {
      expect(p.sentences.map((s) => p.text.slice(s.start, s.end)).join('')).toBe(p.text);
    }
    const s43 = byId.get('s4.3')!;
    const quotes = s43.sentences.map((s) => s43.text.slice(s.start, s.end));
    expect(quotes).toContain('共收到行政复议申请 228 件，行政复议决定履行率达 100%，纠错率 21.05%，调解和解率 22.37%；');
    const s8 = byId.get('s8.p1')!;
    expect(s8.clauses.map((c) => c.marker)).toEqual(['一是', '二是', '三是']);
    expect(s8.text.slice(s8.clauses[1]!.start, s8.clauses[1]!.end)).toBe('二是部分执法人员法律意识和依法行政能力有待进一步提升；');
  });
});
