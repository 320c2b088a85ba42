// Config: flags over environment over defaults, and the checks that stop a bad start-up early.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    const c = loadConfig({}, {});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.baseUri).toBe('http://localhost:8080/');
    expect(c.distDir).toBe(path.resolve('dist'));
    expect(c.stateDir).toBe(path.resolve('state'));
    expect(c.metadataLicense).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(c.queryTimeoutMs).toBe(10_000);
  });

  it('prefers flags to the environment, and derives BASE_URI from PORT', () => {
    expect(loadConfig({}, { PORT: '9000' }).baseUri).toBe('http://localhost:9000/');
    expect(loadConfig({ port: 7000 }, { PORT: '9000' }).port).toBe(7000);
    expect(loadConfig({}, { BASE_URI: 'https://example.org/lod' }).baseUri).toBe('https://example.org/lod/');
  });

  it.each([
    [{ PORT: 'eighty' }, /port must be an integer/],
    [{ BASE_URI: 'ftp://example.org/' }, /BASE_URI must be an absolute http/],
    [{ BASE_URI: 'http://example.org/?x=1' }, /BASE_URI/],
    [{ METADATA_LICENSE: 'CC0 1.0' }, /metadataLicense must be an absolute/],
    [{ DIST_DIR: '/tmp/x', STATE_DIR: '/tmp/x/state' }, /STATE_DIR .* must not be inside DIST_DIR/],
    [{ DIST_DIR: '/tmp/x', DATA_DIR: '/tmp/x/data' }, /DATA_DIR .* must not be inside DIST_DIR/],
    [{ DIST_DIR: '.', STATE_DIR: '/tmp/s', DATA_DIR: '/tmp/d' }, /working directory .* must not be inside DIST_DIR/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({}, env)).toThrow(message);
  });
});
