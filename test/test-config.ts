import { loadConfig, type Config } from '../src/server/config.js';

/** Fixed key so the template database (sealed demo TOTP secrets) opens in every test file. */
export const TEST_MASTER_KEY = 'a1'.repeat(32);

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    NODE_ENV: 'test',
    GANCAI_MASTER_KEY: TEST_MASTER_KEY,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_GLOBAL: '100000',
    RATE_LIMIT_LOGIN: '100000',
    DATA_DIR: '.test-artifacts/data',
    SEED_SIZE: 'none',
  });
  return { ...base, ...overrides };
}
