import { HOST_API_VERSION, isHttpHost, permissionFor, type Permission } from '@guild/extension-points';
import { SUPPORTED_HOST_API, checkHostApi } from './host-api.js';
import { ManifestErrorCode, type ManifestError } from './manifest.errors.js';
import type { Manifest } from './manifest.schema.js';
import { compileSettingsSchema } from './settings-schema.js';

// Checks the schema cannot express. They run on a document that already matches MANIFEST_SCHEMA.

function hostApiRules(manifest: Manifest): ManifestError[] {
  const problem = checkHostApi(manifest.hostApi);
  const fix = `use a range such as ${SUPPORTED_HOST_API}`;
  if (problem === 'unsatisfiable') {
    return [{ path: '/hostApi', code: ManifestErrorCode.HostApiUnsatisfiable, message: `no version satisfies ${manifest.hostApi}; ${fix}` }];
  }
  if (problem === 'unsupported') {
    const message = `${manifest.hostApi} allows no version of host API ${HOST_API_VERSION.split('.')[0]}.x (this host is ${HOST_API_VERSION}); ${fix}`;
    return [{ path: '/hostApi', code: ManifestErrorCode.HostApiUnsupported, message }];
  }
  return [];
}

function permissionRules(manifest: Manifest): ManifestError[] {
  const errors: ManifestError[] = [];
  if (manifest.events.length + manifest.functions.length === 0) {
    const message = 'implements no event and no function; list at least one in "events" or "functions"';
    errors.push({ path: '', code: ManifestErrorCode.NothingImplemented, message });
  }
  const asked = new Set<Permission>(manifest.permissions);
  const needed = new Set<Permission>();
  for (const [list, kind] of [[manifest.events, 'event'], [manifest.functions, 'function']] as const) {
    list.forEach((name, index) => {
      const permission = permissionFor(name);
      needed.add(permission);
      if (asked.has(permission)) return;
      const message = `implements ${kind} ${name} but does not ask for the permission "${permission}"; add it to "permissions"`;
      errors.push({ path: `/${kind}s/${index}`, code: ManifestErrorCode.PermissionMissing, message });
    });
  }
  manifest.permissions.forEach((permission, index) => {
    const path = `/permissions/${index}`;
    if (/^(events|functions):/.test(permission) && !needed.has(permission)) {
      // Least privilege: a point permission is only ever used to implement that point.
      const message = `asks for "${permission}" but implements no such ${permission.startsWith('events') ? 'event' : 'function'}; remove it from "permissions"`;
      errors.push({ path, code: ManifestErrorCode.PermissionUnused, message });
    }
    if (permission.startsWith('http:') && !isHttpHost(permission.slice(5))) {
      const message = `"${permission.slice(5)}" names a local or private network, which plugins may never reach; remove it from "permissions"`;
      errors.push({ path, code: ManifestErrorCode.PermissionInvalid, message });
    }
  });
  return errors;
}

function settingsRules(manifest: Manifest): ManifestError[] {
  try {
    compileSettingsSchema(manifest.settings);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: '/settings', code: ManifestErrorCode.SettingsSchemaInvalid, message: `is not a usable JSON Schema: ${reason}` }];
  }
}

export function manifestRules(manifest: Manifest): ManifestError[] {
  return [...hostApiRules(manifest), ...permissionRules(manifest), ...settingsRules(manifest)];
}
