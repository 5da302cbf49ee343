import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import semver from 'semver';
import type { DataSource } from 'typeorm';
import { PACKAGE_LIMITS } from '@guild/plugin-package';
import { AuditService } from '../../audit/audit.service.js';
import type { Caller } from '../../identity/caller.js';
import { PluginVersion } from '../entities/plugin-version.entity.js';
import { ListingAccess } from '../listing-access.service.js';
import { missingFields } from '../listing-details.js';
import { readUpload } from '../multipart-upload.js';
import { PackageStore } from '../packages/package-store.service.js';
import { PackageValidator, type AcceptedPackage } from '../packages/package-validator.service.js';
import { PackageRefusedError, PluginError } from '../plugins.errors.js';
import { openReview } from '../reviews/open-review.js';
import type { VersionView } from './version.view.js';
import { VersionsRepository } from './versions.repository.js';
import { VersionsService } from './versions.service.js';

export interface UploadResult {
  /** False when the very same package was already uploaded as this version (an idempotent retry). */
  created: boolean;
  version: VersionView;
}

const MiB = 1024 * 1024;

/**
 * A partner uploads a version: access first, then the package is read (capped) and validated in
 * memory, then one transaction with the listing locked checks the version number, stores the
 * package, writes the version and puts it in the review queue. A refused package leaves nothing.
 */
@Injectable()
export class VersionUploadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly listings: ListingAccess,
    private readonly validator: PackageValidator,
    private readonly packages: PackageStore,
    private readonly reader: VersionsService,
    private readonly versions: VersionsRepository,
    private readonly audit: AuditService,
  ) {}

  async upload(caller: Caller, namespace: string, plugin: string, request: FastifyRequest): Promise<UploadResult> {
    await this.listings.requireManaged(caller, namespace, plugin, { active: 'publish versions' });

    const upload = await readUpload(request, {
      field: 'package',
      maxBytes: PACKAGE_LIMITS.maxCompressedBytes,
      tooLarge: () =>
        new PackageRefusedError([{ code: 'PACKAGE_TOO_LARGE', message: `the package is larger than ${PACKAGE_LIMITS.maxCompressedBytes / MiB} MiB; leave out what the plugin does not need at run time` }]),
    });
    const accepted = await this.validator.validate(upload.data);
    const name = ListingAccess.fullName(namespace, plugin);
    const [manifestNamespace] = accepted.manifest.name.split('/');
    if (manifestNamespace !== namespace) {
      throw new PluginError('NAMESPACE_MISMATCH', `The manifest names ${accepted.manifest.name}, which is not in the namespace "${namespace}" of this listing; publish it as ${name}.`, {
        manifestName: accepted.manifest.name,
        namespace,
      });
    }
    if (accepted.manifest.name !== name) {
      throw new PluginError('PLUGIN_NAME_MISMATCH', `The manifest names ${accepted.manifest.name}, but this listing is ${name}; set "name" to "${name}" or upload it to its own listing.`, {
        manifestName: accepted.manifest.name,
        listing: name,
      });
    }
    return this.store(caller, namespace, plugin, accepted);
  }

  private async store(caller: Caller, namespace: string, plugin: string, accepted: AcceptedPackage): Promise<UploadResult> {
    const { manifest, sha256 } = accepted;
    // Set once the package is in the store, so a failed transaction can take it out again.
    const written: { listingId?: string } = {};
    try {
      return await this.db.transaction(async (tx) => {
        const listing = await this.listings.require(namespace, plugin, { tx, lock: true });
        const earlier = await this.versions.numbers(tx, listing.id);
        const same = earlier.find((row) => row.version === manifest.version);
        if (same) {
          if (same.sha256 !== sha256) {
            throw new PluginError('VERSION_EXISTS', `${listing.name}@${manifest.version} was already uploaded with other content; versions never change: raise "version" in the manifest.`, {
              version: manifest.version,
            });
          }
          // A retried upload (a CI job run again): the answer it would have had, nothing written.
          const existing = await this.versions.find(tx, listing.id, same.version);
          return { created: false, version: await this.reader.insideView(tx, listing, existing!) };
        }
        const missing = listing.status === 'draft' ? missingFields(listing.draft) : [];
        if (missing.length > 0) {
          throw new PluginError('LISTING_INCOMPLETE', `The first version makes ${listing.name} public, so fill in its listing first: ${missing.join(', ')}.`, { fields: missing });
        }
        const highest = earlier.map((row) => row.version).sort(semver.rcompare)[0];
        if (highest !== undefined && !semver.gt(manifest.version, highest)) {
          throw new PluginError('VERSION_NOT_GREATER', `${manifest.version} is not greater than ${highest}, the highest version uploaded for ${listing.name}; raise "version" in the manifest.`, {
            version: manifest.version,
            highest,
          });
        }

        await this.packages.put(accepted.data);
        written.listingId = listing.id;
        const version = await this.versions.save(
          tx,
          tx.getRepository(PluginVersion).create({
            listingId: listing.id,
            version: manifest.version,
            sha256,
            sizeBytes: accepted.data.length,
            manifest,
            report: accepted.report,
            readme: accepted.readme,
            changelog: accepted.changelog,
            uploadedBy: caller.userId,
          }),
        );
        const review = await openReview(tx, {
          listingId: listing.id,
          kind: 'version',
          versionId: version.id,
          details: listing.status === 'draft' ? listing.draft : null,
          submittedBy: caller.userId,
        });
        await this.audit.record(
          {
            action: 'plugin_version.submitted',
            actorId: caller.userId,
            targetType: 'plugin_version',
            targetId: version.id,
            ip: caller.ip,
            details: { plugin: listing.name, version: version.version, sha256, sizeBytes: version.sizeBytes, reviewId: review.id, via: caller.via },
          },
          tx,
        );
        return { created: true, version: await this.reader.insideView(tx, listing, version) };
      });
    } catch (error) {
      // The transaction rolled back after the package was written: keep no file without a row.
      if (written.listingId) await this.packages.discard(sha256, written.listingId);
      throw error;
    }
  }
}
