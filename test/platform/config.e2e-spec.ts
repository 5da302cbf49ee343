import { createGuildApp } from '../../apps/api/src/app.factory.js';
import { ConfigError } from '../../apps/api/src/platform/config/guild-config.js';

describe('configuration is checked at boot', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    await expect(createGuildApp({ GUILD_DATA_DIR: 'memory://', PORT: 'eighty' })).rejects.toThrow(/PORT must be a whole number/);
    await expect(createGuildApp({ GUILD_DATA_DIR: 'memory://', DATABASE_URL: 'mysql://x' })).rejects.toBeInstanceOf(ConfigError);
  });
});
