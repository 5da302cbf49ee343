import { ConfigError, GuildConfig } from './guild-config.js';

const base = { GUILD_DATA_DIR: 'memory://' };
const problems = (env: Record<string, string>): string[] => {
  try {
    GuildConfig.fromEnv({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('GuildConfig', () => {
  it('runs on embedded defaults with no configuration at all', () => {
    const config = GuildConfig.fromEnv(base);
    expect(config).toMatchObject({ port: 3000, role: 'all', embedded: true, inMemory: true, demoData: true, redisPrefix: 'guild' });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.portalOrigins).toEqual(['http://localhost:3000']);
  });

  it('names every bad variable at once and says what it expects', () => {
    expect(problems({ PORT: '70000', GUILD_ROLE: 'boss', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud', GUILD_COOKIE_SECURE: 'maybe' })).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "70000")',
      'GUILD_ROLE must be one of all, api, worker (got "boss")',
      'DATABASE_URL must be a URL starting with postgres:// or postgresql://',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'GUILD_COOKIE_SECURE must be true or false (got "maybe")',
    ]);
  });

  it('requires a real JWT secret once it leaves embedded defaults', () => {
    expect(problems({ DATABASE_URL: 'postgres://db/guild' })).toEqual([expect.stringContaining('GUILD_JWT_SECRET is required')]);
    expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('GUILD_JWT_SECRET is required')]);
    expect(problems({ GUILD_JWT_SECRET: 'short' })).toEqual(['GUILD_JWT_SECRET must be at least 32 characters']);
  });

  it('refuses split roles without a shared database, Redis and Stripe', () => {
    expect(problems({ GUILD_ROLE: 'worker' })).toEqual([
      'GUILD_ROLE=worker needs DATABASE_URL: the embedded database serves one process only',
      'GUILD_ROLE=worker needs REDIS_URL: in-process jobs cannot reach another process',
      'GUILD_ROLE=worker needs STRIPE_SECRET_KEY or STRIPE_EMULATOR_URL: an in-process Stripe emulator serves one process only',
    ]);
  });

  it('uses the Stripe emulator without a key, and wants a webhook secret with one', () => {
    expect(GuildConfig.fromEnv(base)).toMatchObject({ stripeSecretKey: undefined, stripeWebhookSecrets: [], stripeEmulatorPort: 12111, stripeEventRetryDelayMs: 10_000 });
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_abc123' })).toEqual([expect.stringContaining('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY')]);
    expect(problems({ STRIPE_SECRET_KEY: 'pk_test_abc123', STRIPE_WEBHOOK_SECRET: 'nope' })).toEqual([
      expect.stringContaining('STRIPE_SECRET_KEY must be a Stripe secret or restricted key'),
      expect.stringContaining('STRIPE_WEBHOOK_SECRET must be a webhook signing secret'),
    ]);
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111' })).toEqual([
      expect.stringContaining('STRIPE_EMULATOR_URL and STRIPE_SECRET_KEY exclude each other'),
    ]);
    const real = GuildConfig.fromEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_one', STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_two' });
    expect(real.stripeWebhookSecrets).toEqual(['whsec_one', 'whsec_two']);
  });

  it('wants the admin email and password together, and portal origins that are origins', () => {
    expect(problems({ GUILD_ADMIN_EMAIL: 'a@b.co' })).toEqual(['GUILD_ADMIN_EMAIL and GUILD_ADMIN_PASSWORD must be set together']);
    expect(problems({ GUILD_PORTAL_ORIGINS: 'https://ok.example.com, https://bad.example.com/path' })).toEqual([
      'GUILD_PORTAL_ORIGINS: "https://bad.example.com/path" is not an origin like https://portal.example.com',
    ]);
  });

  it('keeps emails in the outbox without SMTP_URL, and checks the mail settings', () => {
    expect(GuildConfig.fromEnv(base)).toMatchObject({ smtpUrl: undefined, mailFrom: 'Guild <no-reply@guild.local>', mailRetryDelayMs: 30_000 });
    const smtp = GuildConfig.fromEnv({ ...base, SMTP_URL: 'smtps://user:pass@mail.example.com:465', GUILD_MAIL_FROM: 'noreply@example.com', GUILD_MAIL_RETRY_DELAY_MS: '50' });
    expect(smtp).toMatchObject({ smtpUrl: 'smtps://user:pass@mail.example.com:465', mailFrom: 'noreply@example.com', mailRetryDelayMs: 50 });
    expect(GuildConfig.fromEnv({ ...base, GUILD_MAIL_FROM: 'Guild Team <team@example.com>' }).mailFrom).toBe('Guild Team <team@example.com>');
    expect(problems({ SMTP_URL: 'http://mail.example.com', GUILD_MAIL_FROM: 'nobody', GUILD_MAIL_RETRY_DELAY_MS: '0' })).toEqual([
      'SMTP_URL must be a URL starting with smtp:// or smtps://',
      'GUILD_MAIL_FROM must be an address like Guild <no-reply@example.com> (got "nobody")',
      'GUILD_MAIL_RETRY_DELAY_MS must be a whole number from 1 to 3600000 (got "0")',
    ]);
  });

  it('waits 30 days after a rejected partner application by default, and checks the range', () => {
    expect(GuildConfig.fromEnv(base).partnerReapplyCooldownDays).toBe(30);
    expect(GuildConfig.fromEnv({ ...base, GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS: '0' }).partnerReapplyCooldownDays).toBe(0);
    expect(problems({ GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS: '366' })).toEqual(['GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS must be a whole number from 0 to 365 (got "366")']);
    expect(problems({ GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS: '-1' })).toEqual(['GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS must be a whole number from 0 to 365 (got "-1")']);
  });

  it('limits community posting per member and hour (10 questions and ideas, 60 answers and comments) by default, and checks the range', () => {
    expect(GuildConfig.fromEnv(base)).toMatchObject({ communityPostsPerHour: 10, communityRepliesPerHour: 60 });
    expect(GuildConfig.fromEnv({ ...base, GUILD_COMMUNITY_POSTS_PER_HOUR: '2', GUILD_COMMUNITY_REPLIES_PER_HOUR: '5' })).toMatchObject({ communityPostsPerHour: 2, communityRepliesPerHour: 5 });
    expect(problems({ GUILD_COMMUNITY_POSTS_PER_HOUR: '0', GUILD_COMMUNITY_REPLIES_PER_HOUR: 'lots' })).toEqual([
      'GUILD_COMMUNITY_POSTS_PER_HOUR must be a whole number from 1 to 100000 (got "0")',
      'GUILD_COMMUNITY_REPLIES_PER_HOUR must be a whole number from 1 to 100000 (got "lots")',
    ]);
  });

  it('turns demo data off by default on PostgreSQL', () => {
    const config = GuildConfig.fromEnv({ DATABASE_URL: 'postgres://db/guild', GUILD_JWT_SECRET: 'x'.repeat(32) });
    expect(config.demoData).toBe(false);
    expect(config.embedded).toBe(false);
  });
});
