import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('server configuration', () => {
  it('defaults to loopback on 8787 with data in ./data', () => {
    expect(loadConfig([], {})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './data',
      databaseWaitSeconds: 30,
      logLevel: 'info',
      maxDriftMs: 300_000,
      rateBurst: 300,
      ratePerSecond: 100,
      bodyLimitBytes: 5 * 1024 * 1024,
      corsOrigins: [],
      tokenIdleDays: 90,
      spaceCreation: 'allowed',
      maxRecordsPerSpace: 200_000,
      maxBytesPerSpace: 1024 ** 3,
      maxBlobBytes: 5 * 1024 * 1024,
      maxBlobBytesPerSpace: 1024 ** 3,
    });
  });

  it('takes a PostgreSQL database from DATABASE_URL or --database-url, and refuses anything else', () => {
    expect(loadConfig([], {}).databaseUrl).toBeUndefined();
    expect(loadConfig([], { DATABASE_URL: 'postgres://db/docket' }).databaseUrl).toBe('postgres://db/docket');
    const flag = loadConfig(['--database-url', 'postgresql://u@h:5433/d', '--data-dir', '/x'], {
      DATABASE_URL: 'postgres://db/docket',
    });
    expect(flag).toMatchObject({ databaseUrl: 'postgresql://u@h:5433/d', dataDir: '/x' });
    expect(loadConfig(['--database-wait-seconds', '5'], {}).databaseWaitSeconds).toBe(5);
    expect(() => loadConfig(['--database-wait-seconds', '-1'], {})).toThrow(/--database-wait-seconds/);
    expect(() => loadConfig(['--database-url', 'mysql://db'], {})).toThrow(/--database-url \(DATABASE_URL\)/);
  });

  it('reads environment variables, and flags win over them', () => {
    const env = {
      DOCKET_PORT: '9000',
      DOCKET_HOST: '0.0.0.0',
      DOCKET_CORS_ORIGINS: 'http://a.test, http://b.test',
      DOCKET_LOG_LEVEL: 'debug',
    };
    const config = loadConfig(['--port', '9100', '--data-dir', '/var/lib/docket', '--max-drift-ms', '1000'], env);
    expect(config).toMatchObject({
      port: 9100,
      host: '0.0.0.0',
      dataDir: '/var/lib/docket',
      logLevel: 'debug',
      maxDriftMs: 1000,
      corsOrigins: ['http://a.test', 'http://b.test'],
    });
    expect(loadConfig(['--cors-origin', 'http://c.test', '--cors-origin', 'http://d.test'], env).corsOrigins).toEqual([
      'http://c.test',
      'http://d.test',
    ]);
  });

  it('reads the attachment limits, per blob (at least 1 byte) and per space (0: none)', () => {
    const env = { DOCKET_MAX_BLOB_BYTES_PER_SPACE: '0', DOCKET_MAX_BLOB_BYTES: '1000' };
    expect(loadConfig(['--max-blob-bytes', '2000'], env)).toMatchObject({
      maxBlobBytes: 2000,
      maxBlobBytesPerSpace: 0,
    });
    expect(() => loadConfig(['--max-blob-bytes', '0'], {})).toThrow(/--max-blob-bytes \(DOCKET_MAX_BLOB_BYTES\)/);
  });

  it('names the bad setting', () => {
    expect(() => loadConfig(['--port', 'eighty'], {})).toThrow(/--port \(DOCKET_PORT\)/);
    expect(() => loadConfig([], { DOCKET_LOG_LEVEL: 'chatty' })).toThrow(/--log-level/);
    expect(() => loadConfig(['--colour'], {})).toThrow();
  });
});
