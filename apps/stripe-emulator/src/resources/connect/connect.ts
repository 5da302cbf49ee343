import type { ApiRouter } from '../../core/router.js';
import { registerAccountLinks } from './account-links.js';
import { registerAccounts } from './accounts.js';
import { registerCapabilities } from './capabilities.js';

/** Connect: connected accounts, their capabilities, account links (hosted onboarding) and login links. */
export function registerConnect(api: ApiRouter): void {
  registerAccounts(api);
  registerCapabilities(api);
  registerAccountLinks(api);
}
