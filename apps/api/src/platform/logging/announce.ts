import type { GuildConfig } from '../config/guild-config.js';

/**
 * A message for the person who started Guild (how to sign in, a one-time password), written to
 * stdout as plain text rather than through the JSON logger. Silent when LOG_LEVEL=silent.
 */
export function announce(config: Pick<GuildConfig, 'logLevel'>, lines: string[]): void {
  if (config.logLevel === 'silent') return;
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '='.repeat(width);
  process.stdout.write(`\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n\n`);
}
