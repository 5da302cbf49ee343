import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { DemoModule } from './demo/demo.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { GuildConfigModule } from './platform/config/config.module.js';
import { GuildConfig } from './platform/config/guild-config.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { QueueBoardModule } from './platform/queue-board/queue-board.module.js';
import { EventsModule } from './platform/events/events.module.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { StripeModule } from './stripe/stripe.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PartnerApplicationsModule } from './partner-applications/partner-applications.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { ExtensionPointsModule } from './extension-points/extension-points.module.js';
import { PluginStorageModule } from './plugin-storage/plugin-storage.module.js';
import { PluginsModule } from './plugins/plugins.module.js';
import { CommunityModule } from './community/community.module.js';

export interface AppOptions {
  /** Where logs go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** The whole application; `env` is passed in (process.env in production) so tests can boot isolated copies. */
@Module({})
export class AppModule {
  static forRoot(env: Record<string, string | undefined>, options: AppOptions = {}): DynamicModule {
    const config = GuildConfig.fromEnv(env);
    return {
      module: AppModule,
      imports: [
        GuildConfigModule.forRoot(env),
        LoggingModule.forRoot(options.logDestination),
        DatabaseModule,
        RedisModule,
        JobsModule.forRoot({ redisUrl: config.redisUrl, runWorkers: config.runsWorkers, prefix: config.redisPrefix, drainTimeoutMs: config.shutdownTimeoutMs }),
        EventsModule,
        HealthModule,
        AuditModule,
        IdentityModule,
        StripeModule,
        NotificationsModule,
        PartnersModule,
        ExtensionPointsModule,
        PluginStorageModule,
        PartnerApplicationsModule,
        PluginsModule,
        CommunityModule,
        DemoModule,
        QueueBoardModule,
      ],
    };
  }
}
