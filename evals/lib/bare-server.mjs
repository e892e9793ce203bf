// The baseline for `npm run bench:load`: a bare Hono POST route on @hono/node-server that
// reads the JSON body and answers with a small JSON object — what any POST endpoint costs.
// Plain JavaScript run by the same `node`, so it measures the platform, not a compiler.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/bare', async function bare(c) {
  const body = await c.req.json();
  return c.json({ ok: true, length: String(body.question ?? '').length });
});
app.get('/healthz', (c) => c.json({ status: 'ok' }));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
