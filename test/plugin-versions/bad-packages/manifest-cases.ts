import { randomBytes } from 'node:crypto';
import { rawTgz } from '../../support/raw-tar.js';
import { manifestOf, pluginEntries, pluginTgz } from '../../support/plugin-packages.js';
import type { BadPackage } from './bad-package.js';

const MiB = 1024 * 1024;
/** The sound package with another guild-plugin.json. */
const withManifestText = (name: string, text: string | null) =>
  rawTgz([...pluginEntries({ name }).filter((e) => e.path !== 'guild-plugin.json'), ...(text === null ? [] : [{ path: 'guild-plugin.json', body: text }])]);

/** Manifests that are too big, not JSON, lie about their namespace or ask for what does not exist. */
export const MANIFEST_CASES: BadPackage[] = [
  {
    // Random text, so it does not compress past the ratio limit before the size check sees it.
    name: 'a 5 MB manifest',
    code: 'MANIFEST_TOO_LARGE',
    status: 422,
    message: /larger than 64 KB/,
    build: (name) => withManifestText(name, JSON.stringify({ ...manifestOf({ name }), padding: randomBytes(Math.floor(3.6 * MiB)).toString('base64') })),
  },
  { name: 'a manifest that is not valid JSON', code: 'MANIFEST_INVALID_JSON', status: 422, build: (name) => withManifestText(name, `{ "name": "${name}", "version": "1.0.0", `) },
  { name: 'a package without a manifest', code: 'PACKAGE_MANIFEST_MISSING', status: 422, build: (name) => withManifestText(name, null) },
  {
    name: 'a manifest with a __proto__ key',
    code: 'MANIFEST_FORBIDDEN_KEY',
    status: 422,
    build: (name) => withManifestText(name, JSON.stringify(manifestOf({ name })).replace(/^\{/, '{"__proto__": {"admin": true},')),
  },
  {
    name: 'a name in another namespace',
    code: 'NAMESPACE_MISMATCH',
    status: 422,
    build: (name) => pluginTgz({ name: `someone-else/${name.split('/')[1]}` }),
  },
  {
    name: 'an unknown permission',
    code: 'PERMISSION_INVALID',
    status: 422,
    build: (name) => pluginTgz({ name, manifest: { permissions: ['functions:cart.discounts', 'payments:refund'] } }),
  },
  {
    name: 'a NUL character in the manifest',
    code: 'MANIFEST_SCHEMA',
    status: 422,
    message: /NUL character/,
    build: (name) =>
      pluginTgz({ name, manifest: { settings: { type: 'object', properties: { label: { type: 'string', title: 'Label\u0000' } }, additionalProperties: false } } }),
  },
  {
    name: 'an icon that runs script',
    code: 'PACKAGE_ICON_INVALID',
    status: 422,
    build: (name) =>
      rawTgz([...pluginEntries({ name }).filter((e) => e.path !== 'icon.svg'), { path: 'icon.svg', body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>' }]),
  },
];
