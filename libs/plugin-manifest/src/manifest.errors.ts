export const ManifestErrorCode = {
  TooLarge: 'MANIFEST_TOO_LARGE',
  InvalidJson: 'MANIFEST_INVALID_JSON',
  TooDeep: 'MANIFEST_TOO_DEEP',
  ForbiddenKey: 'MANIFEST_FORBIDDEN_KEY',
  NotObject: 'MANIFEST_NOT_OBJECT',
  Schema: 'MANIFEST_SCHEMA',
  HostApiUnsupported: 'HOST_API_UNSUPPORTED',
  HostApiUnsatisfiable: 'HOST_API_UNSATISFIABLE',
  NothingImplemented: 'NOTHING_IMPLEMENTED',
  PermissionMissing: 'PERMISSION_MISSING',
  PermissionUnused: 'PERMISSION_UNUSED',
  PermissionInvalid: 'PERMISSION_INVALID',
  SettingsSchemaInvalid: 'SETTINGS_SCHEMA_INVALID',
  LimitExceeded: 'LIMIT_EXCEEDED',
} as const;

export type ManifestErrorCode = (typeof ManifestErrorCode)[keyof typeof ManifestErrorCode];

/** One reason a manifest was refused: where (JSON Pointer, '' for the whole document), a stable code, and a sentence. */
export interface ManifestError {
  path: string;
  code: ManifestErrorCode;
  message: string;
}
