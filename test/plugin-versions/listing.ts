import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pricing } from '../../apps/api/src/plugins/listing-details.js';
import { call } from '../support/http.js';

export interface TestListing {
  id: string;
  namespace: string;
  plugin: string;
  /** `namespace/plugin`, the name every version's manifest carries. */
  name: string;
}

let counter = 0;

/**
 * A draft listing made through the listings routes by a publisher of `namespace`: POST /v1/plugins,
 * then (unless `complete` is false) PATCH with everything the first version needs to go to review.
 */
export async function createListing(
  app: NestFastifyApplication,
  namespace: string,
  token: string,
  options: { plugin?: string; complete?: boolean; pricing?: Pricing } = {},
): Promise<TestListing> {
  counter += 1;
  const plugin = options.plugin ?? `fair-discount-${counter}`;
  const name = `${namespace}/${plugin}`;
  const created = await call(app, 'POST', '/v1/plugins', { token, body: { name, displayName: 'Fair discount' } });
  if (created.status !== 201) throw new Error(`creating ${name} failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (options.complete !== false) {
    const draft = {
      summary: 'Takes nothing off, fairly.',
      description: 'A plugin made in a test.',
      categories: ['productivity'],
      supportUrl: 'https://support.example.com',
      pricing: options.pricing ?? { model: 'free' },
    };
    const updated = await call(app, 'PATCH', `/v1/plugins/${namespace}/${plugin}`, { token, body: draft });
    if (updated.status !== 200) throw new Error(`filling in ${name} failed: ${updated.status} ${JSON.stringify(updated.body)}`);
  }
  return { id: created.body.id as string, namespace, plugin, name };
}

/** A reviewer claims the version's review and approves it on the review desk: the version is published, a draft listing public. */
export async function approveVersion(app: NestFastifyApplication, listing: TestListing, version: string, reviewerToken: string): Promise<void> {
  const detail = await call(app, 'GET', `/v1/plugins/${listing.namespace}/${listing.plugin}/versions/${version}`, { token: reviewerToken });
  const reviewId = (detail.body as { review?: { id: string } }).review?.id;
  if (!reviewId) throw new Error(`no review for ${listing.name}@${version}: ${detail.status} ${JSON.stringify(detail.body)}`);
  for (const step of ['claim', 'approve']) {
    const res = await call(app, 'POST', `/v1/staff/plugin-reviews/${reviewId}/${step}`, { token: reviewerToken, body: step === 'approve' ? { message: 'Looks good.' } : {} });
    if (res.status !== 200) throw new Error(`${step} of ${listing.name}@${version} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
