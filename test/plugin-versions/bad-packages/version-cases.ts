import { pluginTgz } from '../../support/plugin-packages.js';
import type { BadPackage } from './bad-package.js';

/** Sound packages whose version number the listing's history refuses. */
export const VERSION_CASES: BadPackage[] = [
  {
    name: 'a downgrade',
    code: 'VERSION_NOT_GREATER',
    status: 409,
    before: (name) => [pluginTgz({ name, version: '1.1.0' })],
    build: (name) => pluginTgz({ name, version: '1.0.5' }),
  },
  {
    name: 'a repeated version with other content',
    code: 'VERSION_EXISTS',
    status: 409,
    before: (name) => [pluginTgz({ name, version: '1.1.0' })],
    build: (name) => pluginTgz({ name, version: '1.1.0', readme: '# Same number, other bytes\n' }),
  },
];
