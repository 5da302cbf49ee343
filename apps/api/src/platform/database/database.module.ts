import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuildConfig } from '../config/guild-config.js';
import { databaseTarget, dataSourceOptions } from './data-source-options.js';

/** TypeORM on PostgreSQL or PGlite; pending migrations run at start, the schema never synchronises. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [GuildConfig],
      useFactory: (config: GuildConfig) => ({ ...dataSourceOptions(databaseTarget(config)), migrationsRun: true }),
    }),
  ],
})
export class DatabaseModule {}
