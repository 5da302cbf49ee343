import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type Role = 'all' | 'api' | 'worker';
type Env = Record<string, string | undefined>;

/** A variable that is missing or malformed; the message names it and says what is expected. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Guild's configuration, read once from the environment at boot. Every variable is documented in
 * `.env.example`; anything missing or malformed stops the start with a message naming it.
 */
export class GuildConfig {
  readonly nodeEnv!: string;
  readonly host!: string;
  readonly port!: number;
  readonly role!: Role;
  readonly publicUrl!: string;
  readonly portalOrigins!: string[];
  readonly dataDir!: string;
  /** Plugin packages and listing images (content-addressed); 'memory://' keeps them in memory. */
  readonly storageDir!: string;
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  /** Namespace for every Redis key (queues, rate limits), so several deployments or test runs can share one Redis. */
  readonly redisPrefix!: string;
  readonly trustProxy!: boolean;
  readonly logLevel!: string;
  readonly jwtSecret!: string;
  readonly accessTokenTtlSeconds!: number;
  readonly refreshTokenTtlDays!: number;
  readonly cookieSecure!: boolean;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  readonly demoData!: boolean;
  readonly authRateLimitPerIp!: number;
  readonly authRateLimitPerAccount!: number;
  readonly authRateLimitWindowSeconds!: number;
  readonly portalDir!: string;
  readonly shutdownTimeoutMs!: number;
  /** Real Stripe (test or live mode) when set; otherwise the Stripe emulator. */
  readonly stripeSecretKey?: string;
  /** Signing secrets of the webhook endpoints pointed at Guild (platform and Connect; `stripe listen` uses one for both). */
  readonly stripeWebhookSecrets!: string[];
  /** An emulator running elsewhere (`npm run start:stripe-emulator`); without it and without a key, Guild runs one in-process. */
  readonly stripeEmulatorUrl?: string;
  readonly stripeEmulatorPort!: number;
  readonly stripeEmulatorPublicUrl?: string;
  /** First wait before a failed Stripe event is processed again; each retry waits twice as long. */
  readonly stripeEventRetryDelayMs!: number;
  /** Days a member waits after a rejected partner application before applying again (0 = at once). */
  readonly partnerReapplyCooldownDays!: number;
  /** Outgoing mail server (smtp:// or smtps://); without it emails stay in the outbox as `held`. */
  readonly smtpUrl?: string;
  /** The From header of every email Guild sends. */
  readonly mailFrom!: string;
  /** First wait before a failed email send is tried again; each retry waits twice as long. */
  readonly mailRetryDelayMs!: number;
  /** Questions and ideas one member may post per hour (staff are not limited). */
  readonly communityPostsPerHour!: number;
  /** Answers and comments one member may post per hour (staff are not limited). */
  readonly communityRepliesPerHour!: number;

  /** GUILD_DATA_DIR=memory:// keeps nothing on disk (tests, throwaway demos). */
  get inMemory(): boolean {
    return this.dataDir === 'memory://';
  }
  /** True when no DATABASE_URL is set: PGlite, in-process jobs, generated secrets. */
  get embedded(): boolean {
    return !this.databaseUrl;
  }
  get runsHttp(): boolean {
    return this.role !== 'worker';
  }
  get runsWorkers(): boolean {
    return this.role !== 'api';
  }

  static fromEnv(env: Env): GuildConfig {
    const problems: string[] = [];
    const read = new EnvReader(env, problems);
    const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
    const port = read.int('PORT', 3000, 0, 65535);
    const role = read.oneOf('GUILD_ROLE', ['all', 'api', 'worker'], 'all') as Role;
    const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
    const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
    const publicUrl = read.url('GUILD_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
    const dataDir = env.GUILD_DATA_DIR === 'memory://' ? 'memory://' : resolve(env.GUILD_DATA_DIR || '.guild');
    const storageDir = env.GUILD_STORAGE_DIR ? resolvePath(env.GUILD_STORAGE_DIR) : dataDir;
    const adminEmail = read.optional('GUILD_ADMIN_EMAIL');
    const adminPassword = read.optional('GUILD_ADMIN_PASSWORD');

    if (role !== 'all' && !databaseUrl) {
      problems.push(`GUILD_ROLE=${role} needs DATABASE_URL: the embedded database serves one process only`);
    }
    if (role !== 'all' && !redisUrl) {
      problems.push(`GUILD_ROLE=${role} needs REDIS_URL: in-process jobs cannot reach another process`);
    }
    if (Boolean(adminEmail) !== Boolean(adminPassword)) {
      problems.push('GUILD_ADMIN_EMAIL and GUILD_ADMIN_PASSWORD must be set together');
    }
    const stripeSecretKey = read.pattern('STRIPE_SECRET_KEY', /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, '', 'a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_...)') || undefined;
    const stripeWebhookSecrets = ['STRIPE_WEBHOOK_SECRET', 'STRIPE_CONNECT_WEBHOOK_SECRET']
      .map((name) => read.pattern(name, /^whsec_[A-Za-z0-9+/=_-]+$/, '', 'a webhook signing secret (whsec_...)'))
      .filter(Boolean);
    const stripeEmulatorUrl = read.url('STRIPE_EMULATOR_URL', ['http:', 'https:']);
    if (stripeSecretKey && stripeWebhookSecrets.length === 0) {
      problems.push('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the whsec_... of the endpoint, or what `stripe listen` prints)');
    }
    if (stripeSecretKey && stripeEmulatorUrl) problems.push('STRIPE_EMULATOR_URL and STRIPE_SECRET_KEY exclude each other: the key selects real Stripe');
    if (role !== 'all' && !stripeSecretKey && !stripeEmulatorUrl) {
      problems.push(`GUILD_ROLE=${role} needs STRIPE_SECRET_KEY or STRIPE_EMULATOR_URL: an in-process Stripe emulator serves one process only`);
    }
    const jwtSecret = read.optional('GUILD_JWT_SECRET');
    if (jwtSecret !== undefined && jwtSecret.length < 32) {
      problems.push('GUILD_JWT_SECRET must be at least 32 characters');
    }
    if (!jwtSecret && (nodeEnv === 'production' || databaseUrl)) {
      problems.push('GUILD_JWT_SECRET is required with DATABASE_URL or NODE_ENV=production (32+ random characters)');
    }
    const portalOrigins = (env.GUILD_PORTAL_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    for (const origin of portalOrigins) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`GUILD_PORTAL_ORIGINS: "${origin}" is not an origin like https://portal.example.com`);
    }

    const config = Object.assign(new GuildConfig(), {
      nodeEnv,
      host: env.HOST || '127.0.0.1',
      port,
      role,
      publicUrl: publicUrl.replace(/\/$/, ''),
      portalOrigins: [new URL(publicUrl).origin, ...portalOrigins],
      dataDir,
      storageDir,
      databaseUrl,
      redisUrl,
      redisPrefix: read.pattern('GUILD_REDIS_PREFIX', /^[A-Za-z0-9_.-]{1,64}$/, 'guild', 'letters, digits, _ . - (at most 64)'),
      trustProxy: read.bool('GUILD_TRUST_PROXY', false),
      logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
      jwtSecret: '',
      accessTokenTtlSeconds: read.int('GUILD_ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86_400),
      refreshTokenTtlDays: read.int('GUILD_REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      cookieSecure: read.bool('GUILD_COOKIE_SECURE', publicUrl.startsWith('https:')),
      adminEmail: adminEmail?.toLowerCase(),
      adminPassword,
      demoData: read.bool('GUILD_DEMO_DATA', !databaseUrl && nodeEnv !== 'test'),
      authRateLimitPerIp: read.int('GUILD_AUTH_RATE_LIMIT_PER_IP', 30, 1, 100_000),
      authRateLimitPerAccount: read.int('GUILD_AUTH_RATE_LIMIT_PER_ACCOUNT', 10, 1, 100_000),
      authRateLimitWindowSeconds: read.int('GUILD_AUTH_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      portalDir: resolvePath(env.GUILD_PORTAL_DIR || 'apps/portal/dist'),
      shutdownTimeoutMs: read.int('GUILD_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
      stripeSecretKey,
      stripeWebhookSecrets,
      stripeEmulatorUrl: stripeEmulatorUrl?.replace(/\/$/, ''),
      stripeEmulatorPort: read.int('STRIPE_EMULATOR_PORT', 12111, 0, 65535),
      stripeEmulatorPublicUrl: read.url('STRIPE_EMULATOR_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/$/, ''),
      stripeEventRetryDelayMs: read.int('STRIPE_EVENT_RETRY_DELAY_MS', 10_000, 1, 3_600_000),
      partnerReapplyCooldownDays: read.int('GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS', 30, 0, 365),
      smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
      mailFrom: read.pattern('GUILD_MAIL_FROM', /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'Guild <no-reply@guild.local>', 'an address like Guild <no-reply@example.com>'),
      mailRetryDelayMs: read.int('GUILD_MAIL_RETRY_DELAY_MS', 30_000, 1, 3_600_000),
      communityPostsPerHour: read.int('GUILD_COMMUNITY_POSTS_PER_HOUR', 10, 1, 100_000),
      communityRepliesPerHour: read.int('GUILD_COMMUNITY_REPLIES_PER_HOUR', 60, 1, 100_000),
    });
    if (problems.length > 0) throw new ConfigError(problems);
    (config as { jwtSecret: string }).jwtSecret = jwtSecret ?? localSecret(dataDir, 'jwt');
    return config;
  }
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

/** On embedded defaults, secrets are generated once and kept in the data directory so restarts keep sessions. */
function localSecret(dataDir: string, name: string): string {
  if (dataDir === 'memory://') return randomBytes(48).toString('base64url');
  const file = join(dataDir, 'secrets.json');
  mkdirSync(dataDir, { recursive: true });
  const secrets: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(48).toString('base64url');
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  pattern(name: string, pattern: RegExp, fallback: string, expected: string): string {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!pattern.test(raw)) {
      this.problems.push(`${name} must be ${expected} (got "${raw}")`);
      return fallback;
    }
    return raw;
  }

  oneOf(name: string, allowed: string[], fallback: string): string {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol)) return raw;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return undefined;
  }
}
