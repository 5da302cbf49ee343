import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { partnerFactories, type TestPartner } from '../partners/partner-factory.js';
import { factories, type SignedIn } from './factories.js';
import { call, type CallResult } from './http.js';
import { sendFile } from './multipart.js';
import { pluginTgz } from './plugin-packages.js';

// Plugin listings, their versions and their reviews, made through the routes partners and
// reviewers use, so a suite's state is what the application itself would have made.

/** What a listing needs before its first version (or a change to it) can go to review. */
export const COMPLETE_DETAILS = {
  summary: 'Posts new orders to a Slack channel.',
  description: '# Slack notifier\n\nTells your team about every **paid order**.',
  categories: ['communication'],
  supportUrl: 'https://support.example.com/slack-notifier',
};

export interface TestListing {
  id: string;
  namespace: string;
  plugin: string;
  /** `namespace/plugin`, the name every version's manifest carries. */
  name: string;
  /** `/v1/plugins/namespace/plugin`. */
  url: string;
}

/** A listing with the owner who created it and their partner. */
export interface Publisher extends TestListing {
  owner: SignedIn;
  partner: TestPartner;
}

/** A partner with a member of each role. */
export interface PartnerTeam {
  owner: SignedIn;
  developer: SignedIn;
  finance: SignedIn;
  partner: TestPartner;
}

const failed = (what: string, res: CallResult) => new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);

let counter = 0;

/**
 * A draft listing made by a publisher of `namespace` through POST /v1/plugins, then PATCHed with
 * `details` (by default everything the first version needs to go to review; `{}` leaves it bare).
 */
export async function createListing(
  app: NestFastifyApplication,
  namespace: string,
  token: string,
  options: { plugin?: string; details?: Record<string, unknown> } = {},
): Promise<TestListing> {
  counter += 1;
  const plugin = options.plugin ?? `plugin-${counter}`;
  const name = `${namespace}/${plugin}`;
  const url = `/v1/plugins/${name}`;
  const created = await call(app, 'POST', '/v1/plugins', { token, body: { name, displayName: `Plugin ${counter}` } });
  if (created.status !== 201) throw failed(`creating ${name}`, created);
  const details = options.details ?? COMPLETE_DETAILS;
  if (Object.keys(details).length > 0) {
    const edited = await call(app, 'PATCH', url, { token, body: details });
    if (edited.status !== 200) throw failed(`filling in ${name}`, edited);
  }
  return { id: created.body.id as string, namespace, plugin, name, url };
}

/** An owner, their partner, and a draft listing the owner created, filled in with `details` only. */
export async function newPublisher(app: NestFastifyApplication, details: Record<string, unknown> = {}): Promise<Publisher> {
  const owner = await factories(app).newMember('owner');
  const partner = await partnerFactories(app).newPartner(owner);
  return { owner, partner, ...(await createListing(app, partner.namespace, owner.accessToken, { details })) };
}

/** An owner and their partner, with a developer and a finance member (display names: their roles). */
export async function newTeam(app: NestFastifyApplication): Promise<PartnerTeam> {
  const make = factories(app);
  const partners = partnerFactories(app);
  const [owner, developer, finance] = await Promise.all([make.newMember('owner'), make.newMember('developer'), make.newMember('finance')]);
  const partner = await partners.newPartner(owner);
  await partners.addMember(partner, developer, 'developer');
  await partners.addMember(partner, finance, 'finance');
  return { owner, developer, finance, partner };
}

export const versionsUrl = (listing: TestListing) => `${listing.url}/versions`;

/** POST …/versions with the package in the `package` field, as the portal and the CLI send it. */
export function uploadPackage(app: NestFastifyApplication, listing: TestListing, data: Buffer, token: string, field = 'package'): Promise<CallResult> {
  return sendFile(app, 'POST', versionsUrl(listing), token, { field, filename: 'plugin.tgz', contentType: 'application/gzip', data });
}

type Decision = 'approve' | 'reject' | 'request-changes';

/** The staff review desk's routes, as a reviewer calls them. */
export function reviewDesk(app: () => NestFastifyApplication) {
  const act = (who: SignedIn, id: string, action: 'claim' | 'release' | Decision, message?: string) =>
    call(app(), 'POST', `/v1/staff/plugin-reviews/${id}/${action}`, { token: who.accessToken, body: message === undefined ? {} : { message } });
  return {
    get: (who: SignedIn, url: string) => call(app(), 'GET', url, { token: who.accessToken }),
    act,
    /** Claims then decides, as one reviewer working an item. */
    async decide(who: SignedIn, id: string, action: Decision, message?: string): Promise<CallResult> {
      const claimed = await act(who, id, 'claim');
      if (claimed.status !== 200) throw failed(`claiming review ${id}`, claimed);
      return act(who, id, action, message);
    },
  };
}

/** A reviewer claims the version's review and approves it: the version is published, a draft listing made public. */
export async function approveVersion(app: NestFastifyApplication, listing: TestListing, version: string, reviewer: SignedIn): Promise<void> {
  const detail = await call(app, 'GET', `${versionsUrl(listing)}/${version}`, { token: reviewer.accessToken });
  const reviewId = (detail.body as { review?: { id: string } }).review?.id;
  if (!reviewId) throw failed(`finding the review of ${listing.name}@${version}`, detail);
  const approved = await reviewDesk(() => app).decide(reviewer, reviewId, 'approve', 'Looks good.');
  if (approved.status !== 200) throw failed(`approving ${listing.name}@${version}`, approved);
}

/**
 * The owner uploads `version` (a sound inline package) and a new reviewer approves it: the first
 * version published makes the listing public with its draft, as it would for a real partner.
 */
export async function publishVersion(app: NestFastifyApplication, publisher: Publisher, version = '1.0.0'): Promise<void> {
  const uploaded = await uploadPackage(app, publisher, pluginTgz({ name: publisher.name, version }), publisher.owner.accessToken);
  if (uploaded.status !== 201) throw failed(`uploading ${publisher.name}@${version}`, uploaded);
  await approveVersion(app, publisher, version, await factories(app).newStaff('reviewer'));
}

/** A publisher whose listing is public: filled in with `details`, its first version uploaded and approved. */
export async function newPublicListing(app: NestFastifyApplication, details: Record<string, unknown> = COMPLETE_DETAILS): Promise<Publisher> {
  const publisher = await newPublisher(app, details);
  await publishVersion(app, publisher);
  return publisher;
}
