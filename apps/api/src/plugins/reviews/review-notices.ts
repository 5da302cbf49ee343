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

/** What the partner's owner and developers are told about a decision (in the portal and by email). */
export function decisionNotice(decision: Decision, facts: NoticeFacts): { title: string; body: string } {
  const what = facts.version ? `${facts.listing} ${facts.version}` : `The listing changes for ${facts.listing}`;
  const note = facts.message ? `\n\nThe reviewer wrote:\n${facts.message}` : '';
  switch (decision) {
    case 'approved': {
      const effect = facts.version
        ? `${what} is published${facts.listingPublished ? ', and your listing is now public' : ''}.`
        : `${what} were approved: the public listing now shows them.`;
      return { title: `${what} ${facts.version ? 'was' : 'were'} approved`, body: `${effect}${note}` };
    }
    case 'rejected':
      return { title: `${what} ${facts.version ? 'was' : 'were'} not approved`, body: `The reviewers did not approve ${lower(what)}.${note}` };
    case 'changes_requested':
      return { title: `Changes requested on ${lower(what)}`, body: `The reviewers ask for changes to ${lower(what)} before approving.${note}` };
  }
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
