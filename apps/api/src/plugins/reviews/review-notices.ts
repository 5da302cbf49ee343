export type Decision = 'approved' | 'rejected' | 'changes_requested';

export interface NoticeFacts {
  /** `namespace/plugin` */
  listing: string;
  /** The version decided; null for a listing change. */
  version: string | null;
  message: string | null;
  /** Approval changed the public listing (a first publication, or an approved listing change). */
  listingPublished: boolean;
}

/** The partner's listing page in the portal. */
export function listingLink(name: string): string {
  const [namespace, plugin] = name.split('/');
  return `/partners/${namespace}/plugins/${plugin}`;
}

/** What the partner's owner and developers are told about a decision (in the portal and by email). */
export function decisionNotice(decision: Decision, facts: NoticeFacts): { title: string; body: string; link: string } {
  const what = facts.version ? `${facts.listing} ${facts.version}` : `The listing changes for ${facts.listing}`;
  const note = facts.message ? `\n\nThe reviewer wrote:\n${facts.message}` : '';
  const link = listingLink(facts.listing);
  switch (decision) {
    case 'approved': {
      const effect = facts.version
        ? `${what} is published${facts.listingPublished ? ', and your listing is now public' : ''}.`
        : `${what} were approved: the public listing now shows them.`;
      return { title: `${what} ${facts.version ? 'was' : 'were'} approved`, body: `${effect}${note}`, link };
    }
    case 'rejected':
      return { title: `${what} ${facts.version ? 'was' : 'were'} not approved`, body: `The reviewers did not approve ${lower(what)}.${note}`, link };
    case 'changes_requested':
      return { title: `Changes requested on ${lower(what)}`, body: `The reviewers ask for changes to ${lower(what)} before approving.${note}`, link };
  }
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
