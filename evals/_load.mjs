import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
const url = process.argv[2]; const dur = Number(process.argv[3] ?? 10);
const qs = ['evals/gold.jsonl','evals/dev2.jsonl'].flatMap(f=>readFileSync(f,'utf8').split('\n').filter(Boolean)).map(l=>JSON.parse(l)).map(q=>JSON.stringify({question:q.question,history:q.history??[]}));
let i=0;
const r = await autocannon({ url, connections: 50, duration: dur, requests: [{ method: 'POST', path: '/api/ask', headers: {'content-type':'application/json'}, setupRequest: (req) => ({ ...req, body: qs[i++ % qs.length] }) }] });
console.log('rps', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
