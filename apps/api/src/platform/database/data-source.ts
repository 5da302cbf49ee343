// The DataSource for the TypeORM CLI (npm run migration:generate|run|revert), built from the
// same configuration as the app.
import { DataSource } from 'typeorm';
import { GuildConfig } from '../config/guild-config.js';
import { databaseTarget, dataSourceOptions } from './data-source-options.js';

export default new DataSource(dataSourceOptions(databaseTarget(GuildConfig.fromEnv(process.env))));
