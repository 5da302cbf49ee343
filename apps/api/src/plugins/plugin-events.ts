/** Domain events the plugins domain publishes (subscribers get typed payloads through DomainEventMap). */
export interface PluginVersionPublished {
  versionId: string;
  listingId: string;
  /** `namespace/plugin`. */
  listingName: string;
  version: string;
  /** Who uploaded the version (null when that account is gone). */
  uploadedBy: string | null;
}

declare module '../platform/events/domain-events.js' {
  interface DomainEventMap {
    /** A reviewer approved a version and it is now published (published once per version). */
    'plugin.version_published': PluginVersionPublished;
  }
}
