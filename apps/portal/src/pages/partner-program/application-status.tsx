import { Badge, REVIEW_STATE_TONES } from '../../components/badge';
import { ExternalLink, ExternalLinkOr } from '../../components/external-link';
import { Timeline } from '../../components/timeline';
import { When } from '../../components/when';
import type { Application, ApplicationHistoryEntry, ApplicationStatus } from './application-api';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'Waiting for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

const ACTION_LABELS: Record<ApplicationHistoryEntry['action'], string> = {
  submitted: 'Submitted',
  changes_requested: 'Changes requested',
  resubmitted: 'Resubmitted',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  edited: 'Edited',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={REVIEW_STATE_TONES[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}

/** What the application says: the same for the applicant and the reviewer. */
export function ApplicationDetails({ application }: { application: Omit<Application, 'history'> }) {
  return (
    <dl className="details">
      <dt>Organisation</dt>
      <dd>{application.organisationName}</dd>
      <dt>Website</dt>
      <dd>
        <ExternalLinkOr href={application.website} none="None given" />
      </dd>
      <dt>Namespace</dt>
      <dd>
        <code>{application.namespace}</code>
      </dd>
      <dt>Plan</dt>
      <dd className="prose">{application.plan}</dd>
      <dt>Links</dt>
      <dd>
        {application.links.length === 0 ? (
          <span className="muted">None given</span>
        ) : (
          <ul className="plain-list">
            {application.links.map((link) => (
              <li key={link}>
                <ExternalLink href={link} />
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Submitted</dt>
      <dd>
        <When value={application.submittedAt} empty="—" withTime />
      </dd>
      <dt>Decided</dt>
      <dd>
        <When value={application.decidedAt} empty="Not yet" withTime />
      </dd>
    </dl>
  );
}

/** Every step the application went through, oldest first, with who took it and what they said. */
export function ApplicationHistory({ history }: { history: ApplicationHistoryEntry[] }) {
  return <Timeline label="Application history" entries={history.map((entry) => ({ at: entry.at, title: ACTION_LABELS[entry.action], who: entry.actor?.displayName ?? 'Guild', message: entry.message }))} />;
}
