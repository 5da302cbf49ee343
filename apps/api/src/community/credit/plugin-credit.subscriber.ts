import { Injectable, type OnModuleInit } from '@nestjs/common';
import '../../plugins/plugin-events.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { ContributionsService } from '../contributions/contributions.service.js';

/**
 * Points for plugin versions: the plugins domain publishes `plugin.version_published` inside the
 * approval's transaction; the uploader earns `plugin_version_published` once per version (the key
 * makes a retried step award nothing more). The badge sweep picks up the badge it may earn (the
 * approval's transaction has not committed yet, so no check is queued from here).
 */
@Injectable()
export class PluginCreditSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly contributions: ContributionsService,
  ) {}

  onModuleInit(): void {
    this.events.on('plugin.version_published', async (published, { tx }) => {
      if (!published.uploadedBy) return;
      await this.contributions.award(tx, {
        key: `plugin_version_published:${published.versionId}`,
        userId: published.uploadedBy,
        source: 'plugin_version_published',
        content: { type: 'plugin_version', id: published.versionId },
        note: `${published.listingName}@${published.version}`,
      });
    });
  }
}
