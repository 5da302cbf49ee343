import type { Manifest } from '@guild/plugin-manifest';
import semver from 'semver';
import { changedFields, type ListingDetails } from '../listing-details.js';

export interface SetChange {
  added: string[];
  removed: string[];
}

export interface PermissionDiff {
  /** The version compared against: the previous approved one; null when there is none (everything is added). */
  against: string | null;
  permissions: SetChange & { unchanged: string[] };
  events: SetChange;
  functions: SetChange;
  /** Hosts from `http:` permissions, the outbound reach a reviewer most wants to see change. */
  httpHosts: SetChange;
}

export interface FieldChange {
  field: keyof ListingDetails;
  before: unknown;
  after: unknown;
}

function change(before: readonly string[], after: readonly string[]): SetChange {
  const was = new Set(before);
  const now = new Set(after);
  return { added: [...now].filter((x) => !was.has(x)).sort(), removed: [...was].filter((x) => !now.has(x)).sort() };
}

const httpHosts = (manifest: Pick<Manifest, 'permissions'> | null): string[] =>
  (manifest?.permissions ?? []).filter((p) => p.startsWith('http:')).map((p) => p.slice('http:'.length));

/** What a version asks for that the previous approved version did not, and what it no longer asks for. */
export function permissionDiff(manifest: Manifest, previous: { version: string; manifest: Manifest } | null): PermissionDiff {
  const before = previous?.manifest ?? null;
  const permissions = change(before?.permissions ?? [], manifest.permissions);
  const kept = new Set(before?.permissions ?? []);
  return {
    against: previous?.version ?? null,
    permissions: { ...permissions, unchanged: manifest.permissions.filter((p) => kept.has(p)).sort() },
    events: change(before?.events ?? [], manifest.events),
    functions: change(before?.functions ?? [], manifest.functions),
    httpHosts: change(httpHosts(before), httpHosts(manifest)),
  };
}

/**
 * The version a new one is compared with: the highest approved version below it in semver order
 * (yanked ones count: installs of them still run). None below it means nothing to compare.
 */
export function previousApproved<V extends { version: string }>(version: string, approved: readonly V[]): V | null {
  const below = approved.filter((v) => semver.valid(v.version) && semver.lt(v.version, version));
  return below.sort((a, b) => semver.rcompare(a.version, b.version))[0] ?? null;
}

/** Field by field, what approving `proposed` would change in the public copy (`published` null: a first publication). */
export function listingDiff(published: ListingDetails | null, proposed: ListingDetails): FieldChange[] {
  return changedFields(published, proposed).map((field) => ({
    field,
    before: published?.[field] ?? null,
    after: proposed[field] ?? null,
  }));
}
