import semver from 'semver';
import { HOST_API_VERSION } from '@guild/extension-points';

export function isStrictSemver(value: string): boolean {
  // `valid` also accepts `v1.0.0` and drops build metadata; a manifest must say exactly what it means.
  return semver.valid(value) === value;
}

export function isSemverRange(value: string): boolean {
  return value.trim() !== '' && semver.validRange(value) !== null;
}

/** Every version of the host's current major: what a plugin's `hostApi` must overlap. */
export const SUPPORTED_HOST_API = `^${semver.major(HOST_API_VERSION)}.0.0`;

export type HostApiProblem = 'unsatisfiable' | 'unsupported';

/** A range must allow some version, and some version of the host's current major. */
export function checkHostApi(range: string): HostApiProblem | undefined {
  if (semver.minVersion(range) === null) return 'unsatisfiable';
  if (!semver.intersects(range, SUPPORTED_HOST_API)) return 'unsupported';
  return undefined;
}
