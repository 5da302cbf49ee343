import { secretSettingKeys, type Manifest } from '@guild/plugin-manifest';

/** What a reviewer reads about a package that passed the checks. */
export interface PackageReport {
  files: { path: string; bytes: number }[];
  /** The .tgz. */
  compressedBytes: number;
  /** The tar stream it unpacks to, headers and padding included (what the limit measures). */
  uncompressedBytes: number;
  manifest: ManifestSummary;
}

export interface ManifestSummary {
  name: string;
  version: string;
  displayName: string;
  summary: string;
  hostApi: string;
  entry: string;
  icon: string;
  events: string[];
  functions: string[];
  permissions: string[];
  settings: string[];
  secretSettings: string[];
  limits: Manifest['limits'];
}

export function summariseManifest(manifest: Manifest, icon: string): ManifestSummary {
  const { name, version, displayName, summary, hostApi, entry, events, functions, permissions, limits } = manifest;
  return {
    name,
    version,
    displayName,
    summary,
    hostApi,
    entry,
    icon,
    events: [...events],
    functions: [...functions],
    permissions: [...permissions],
    settings: Object.keys(manifest.settings.properties ?? {}),
    secretSettings: secretSettingKeys(manifest),
    limits: { ...limits },
  };
}
