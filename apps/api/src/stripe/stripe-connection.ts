import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { StripeEmulator } from '../../../stripe-emulator/src/index.js';
import { GuildConfig } from '../platform/config/guild-config.js';

/** The key Guild presents to an emulator (any test-mode key is accepted there). */
const EMULATOR_KEY = 'sk_test_guild_local_emulator';
/** Marks the endpoints Guild registered on an emulator, so a restart replaces them instead of piling up. */
const ENDPOINT_MARK = 'guild-local-endpoint';

/**
 * The one place Guild holds a Stripe client. With STRIPE_SECRET_KEY it is real Stripe; otherwise
 * the Stripe emulator (one at STRIPE_EMULATOR_URL, or Guild's own in-process one): only the SDK's
 * host, port and protocol differ. On an emulator Guild registers its webhook endpoints itself once
 * it listens, pointing them at the address it listens on.
 */
@Injectable()
export class StripeConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Stripe');
  private client: Stripe | undefined;
  /** Guild's own emulator when it runs one. */
  emulator: StripeEmulator | undefined;
  /** Signing secrets of the endpoints Guild last registered on an emulator. */
  private endpointSecrets: string[] = [];
  /** Settles once Guild's webhook endpoints exist on the emulator (after listening). */
  endpointsRegistered: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: GuildConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  get stripe(): Stripe {
    if (!this.client) throw new Error('Stripe is not connected yet: use StripeConnection.stripe after module init (onModuleInit connects it)');
    return this.client;
  }

  get usesEmulator(): boolean {
    return !this.config.stripeSecretKey;
  }

  /** Signing secrets a webhook may carry: the configured ones plus those of endpoints registered on an emulator. */
  get webhookSecrets(): readonly string[] {
    return [...this.config.stripeWebhookSecrets, ...this.endpointSecrets];
  }

  async onModuleInit(): Promise<void> {
    const { config } = this;
    if (config.stripeSecretKey) {
      this.client = new Stripe(config.stripeSecretKey, { maxNetworkRetries: 2, appInfo: { name: 'Guild' } });
      return;
    }
    let base = config.stripeEmulatorUrl;
    if (!base) {
      this.emulator = new StripeEmulator({
        snapshotPath: config.inMemory ? undefined : join(config.dataDir, 'stripe-emulator.json'),
        publicUrl: config.stripeEmulatorPublicUrl,
      });
      base = await this.emulator.listen(config.stripeEmulatorPort, '127.0.0.1').catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE') throw error;
        throw new Error(
          `Port ${config.stripeEmulatorPort} (STRIPE_EMULATOR_PORT) is taken, probably by another Guild or Stripe emulator. Stop it, set STRIPE_EMULATOR_PORT to a free port (0: any), or use the running one with STRIPE_EMULATOR_URL=http://127.0.0.1:${config.stripeEmulatorPort}.`,
        );
      });
    }
    const url = new URL(base);
    this.client = new Stripe(EMULATOR_KEY, { host: url.hostname, port: url.port || (url.protocol === 'https:' ? 443 : 80), protocol: url.protocol === 'https:' ? 'https' : 'http', maxNetworkRetries: 2 });
    if (config.runsHttp) {
      const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
      fastify.addHook('onListen', async () => {
        const address = fastify.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        // Guild's own emulator lives in this process: deliver to the local address. One elsewhere
        // reaches Guild at its public URL.
        const target = this.emulator ? `http://127.0.0.1:${port}` : config.publicUrl;
        this.endpointsRegistered = this.registerEndpoints(`${target}/v1/webhooks/stripe`).catch((error: unknown) => {
          this.logger.error(`Could not register webhook endpoints on the Stripe emulator at ${url.origin}: ${(error as Error).message}. No webhooks reach Guild until it restarts with the emulator reachable there.`);
        });
        await this.endpointsRegistered;
      });
    }
  }

  /** Where to send people for emulator pages (also shown at start). */
  get emulatorPublicUrl(): string | undefined {
    return this.emulator?.publicUrl ?? this.config.stripeEmulatorUrl;
  }

  private async registerEndpoints(url: string): Promise<void> {
    for await (const endpoint of this.stripe.webhookEndpoints.list({ limit: 100 })) {
      if (endpoint.metadata?.[ENDPOINT_MARK] === 'true' && (this.emulator || endpoint.url === url)) await this.stripe.webhookEndpoints.del(endpoint.id);
    }
    const secrets: string[] = [];
    for (const connect of [false, true]) {
      const endpoint = await this.stripe.webhookEndpoints.create({
        url,
        enabled_events: ['*'],
        connect,
        description: connect ? 'Guild (Connect events)' : 'Guild',
        metadata: { [ENDPOINT_MARK]: 'true' },
      });
      if (endpoint.secret) secrets.push(endpoint.secret);
    }
    // The endpoints deleted above deliver no more, so their secrets are dropped, not kept alongside.
    this.endpointSecrets = secrets;
    this.logger.log(`Stripe emulator delivers webhooks to ${url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.emulator?.close();
  }
}
