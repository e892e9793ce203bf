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

describe('CORS configuration', () => {
  it('accepts a list of origins or *, and rejects what is not an origin', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn/' }).corsOrigins).toEqual(['https://a.gov.cn', 'https://b.gov.cn']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
  });
});
