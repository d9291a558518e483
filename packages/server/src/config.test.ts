import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('has working defaults: SQLite in .data, port 4000, events in memory', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toMatch(/^file:.*\.data\/yishi\.db$/);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/yishi'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['NODE_ENV', 'staging'],
    ['SESSION_IDLE_HOURS', '-1'],
    ['DEMO_SEED', 'yes'],
    ['TRUST_PROXY', 'maybe'],
    ['API_TOKEN_MAX_SUBSCRIPTIONS', '0'],
    ['API_TOKEN_MAX_SUBSCRIPTIONS', 'many'],
  ])('refuses %s=%s with one line that names the variable', (variable, value) => {
    const error = problem({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' }).PORT).toBe(4000);
  });

  it('reads a PostgreSQL URL and a list of allowed origins', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/yishi', ALLOWED_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.DATABASE_URL).toBe('postgres://u@db:5432/yishi');
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});
