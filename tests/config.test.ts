import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('is offline by default', () => {
    const config = loadConfig({});
    expect(config.openai).toBeNull();
    expect(config.port).toBe(3000);
  });
  it('lists every invalid setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', OPENAI_BASE_URL: 'not a url' })).toThrow(/PORT.*OPENAI_BASE_URL|OPENAI_BASE_URL.*PORT/);
  });
  it('never prints the API key', () => {
    expect(describeConfig(loadConfig({ OPENAI_API_KEY: 'sk-very-secret' }))).not.toContain('sk-very-secret');
  });
});

describe('embedding configuration', () => {
  it('embeds locally offline, remotely when a key is set, and locally on request (a chat model without embeddings)', () => {
    expect(loadConfig({}).embedding).toEqual({ kind: 'local' });
    expect(loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'https://api.deepseek.com/v1' }).embedding).toMatchObject({
      kind: 'openai',
      baseURL: 'https://api.deepseek.com/v1',
    });
    expect(loadConfig({ OPENAI_API_KEY: 'k', EMBEDDING_PROVIDER: 'local' }).embedding).toEqual({ kind: 'local' });
    expect(
      loadConfig({
        OPENAI_API_KEY: 'k',
        OPENAI_BASE_URL: 'https://api.deepseek.com/v1',
        EMBEDDING_BASE_URL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        EMBEDDING_API_KEY: 'e',
      }).embedding,
    ).toMatchObject({ kind: 'openai', apiKey: 'e', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' });
    expect(() => loadConfig({ EMBEDDING_PROVIDER: 'openai' })).toThrow(/EMBEDDING_PROVIDER/);
  });
});

describe('CORS configuration', () => {
  it('accepts a list of origins or *, and rejects what is not an origin', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn/' }).corsOrigins).toEqual([
      'https://a.gov.cn',
      'https://b.gov.cn',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('query rewrite configuration', () => {
  it('rewrites with a 2 s deadline by default, and can be turned off', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'k' }).llm.rewrite).toEqual({ enabled: true, timeoutMs: 2000 });
    expect(loadConfig({ OPENAI_API_KEY: 'k', LLM_REWRITE: 'false', LLM_REWRITE_TIMEOUT_MS: '800' }).llm.rewrite).toEqual({
      enabled: false,
      timeoutMs: 800,
    });
    expect(() => loadConfig({ LLM_REWRITE: 'maybe', LLM_REWRITE_TIMEOUT_MS: '5' })).toThrow(/LLM_REWRITE.*LLM_REWRITE_TIMEOUT_MS/);
  });
  it('says whether the rewrite is on at start-up', () => {
    expect(describeConfig(loadConfig({ OPENAI_API_KEY: 'k' }))).toMatch(/query rewrite on \(2000 ms\)/);
    expect(describeConfig(loadConfig({ OPENAI_API_KEY: 'k', LLM_REWRITE: '0' }))).toMatch(/query rewrite off/);
  });
});

describe('frame-ancestors configuration', () => {
  it('defaults to the same origin, accepts none or origins, and rejects what is neither', () => {
    expect(loadConfig({}).frameAncestors).toEqual(["'self'"]);
    expect(loadConfig({ FRAME_ANCESTORS: 'none' }).frameAncestors).toEqual(["'none'"]);
    expect(loadConfig({ FRAME_ANCESTORS: "'self', https://www.shishi.gov.cn/" }).frameAncestors).toEqual([
      "'self'",
      'https://www.shishi.gov.cn',
    ]);
    expect(() => loadConfig({ FRAME_ANCESTORS: 'everyone' })).toThrow(/FRAME_ANCESTORS/);
  });
});

describe('the human channel the widget shows on every decline', () => {
  it('defaults to the 12345 hotline, can be another channel or have no link, and refuses a link that is not tel: or http(s)', () => {
    expect(loadConfig({}).widget.humanChannel).toEqual({ label: '12345政务服务便民热线', href: 'tel:12345' });
    expect(loadConfig({ HUMAN_CHANNEL: '市司法局 0595-88888888', HUMAN_CHANNEL_URL: 'tel:0595-88888888' }).widget.humanChannel).toEqual({
      label: '市司法局 0595-88888888',
      href: 'tel:0595-88888888',
    });
    expect(loadConfig({ HUMAN_CHANNEL_URL: '' }).widget.humanChannel.href).toBeNull();
    expect(() => loadConfig({ HUMAN_CHANNEL_URL: 'javascript:alert(1)' })).toThrow(/HUMAN_CHANNEL_URL/);
    expect(() => loadConfig({ HUMAN_CHANNEL: '' })).toThrow(/HUMAN_CHANNEL/);
  });
});
