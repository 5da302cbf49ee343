import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { GuildConfig } from './guild-config.js';

/**
 * Wraps @nestjs/config so the rest of the app injects one typed, validated `GuildConfig`.
 * The environment is passed in (process.env in production) so tests can boot isolated apps.
 */
@Global()
@Module({})
export class GuildConfigModule {
  static forRoot(env: Record<string, string | undefined>): DynamicModule {
    return {
      module: GuildConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => ({ guild: GuildConfig.fromEnv(env) })],
        }),
      ],
      providers: [
        {
          provide: GuildConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<GuildConfig>('guild'),
        },
      ],
      exports: [GuildConfig],
    };
  }
}
