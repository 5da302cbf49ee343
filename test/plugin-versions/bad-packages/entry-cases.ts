import { rawTgz } from '../../support/raw-tar.js';
import { pluginEntries, pluginTgz } from '../../support/plugin-packages.js';
import type { BadPackage } from './bad-package.js';

/** Entry files that fail in the sandbox, or do something else than the manifest says. */
export const ENTRY_CASES: BadPackage[] = [
  {
    name: 'an entry that throws at load',
    code: 'ENTRY_LOAD_FAILED',
    status: 422,
    message: /refusing to load/,
    build: (name) => pluginTgz({ name, code: `throw new Error('refusing to load');\nexport default {};\n` }),
  },
  {
    name: 'an entry that loops at load',
    code: 'ENTRY_LOAD_FAILED',
    status: 422,
    message: /LOAD_CPU_TIME_EXCEEDED/,
    build: (name) => pluginTgz({ name, code: `for (;;) {}\nexport default {};\n` }),
  },
  {
    name: 'an entry that exhausts its memory at load',
    code: 'ENTRY_LOAD_FAILED',
    status: 422,
    message: /MEMORY_LIMIT_EXCEEDED/,
    build: (name) => pluginTgz({ name, code: `const hoard = [];\nfor (;;) hoard.push(new Array(100000).fill('x'));\nexport default {};\n` }),
  },
  {
    name: 'an entry that exports handlers the manifest does not declare',
    code: 'ENTRY_EXPORT_UNDECLARED',
    status: 422,
    build: (name) =>
      pluginTgz({ name, code: `export default { functions: { 'cart.discounts': () => ({ discounts: [] }) }, events: { 'order.paid': async () => {} } };\n` }),
  },
  {
    name: 'a package without its entry file',
    code: 'PACKAGE_ENTRY_MISSING',
    status: 422,
    build: (name) => rawTgz(pluginEntries({ name }).filter((e) => e.path !== 'dist/index.js')),
  },
];
