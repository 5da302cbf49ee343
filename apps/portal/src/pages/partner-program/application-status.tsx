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

const STATUS_TONES: Record<ApplicationStatus, string> = {
  submitted: 'badge--waiting',
  changes_requested: 'badge--attention',
  approved: 'badge--processed',
  rejected: 'badge--failed',
  withdrawn: 'badge--ignored',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`badge ${STATUS_TONES[status]}`}>{APPLICATION_STATUS_LABELS[status]}</span>;
}

/** What the application says: the same for the applicant and the reviewer. */
export function ApplicationDetails({ application }: { application: Omit<Application, 'history'> }) {
  return (
    <dl className="details">
      <dt>Organisation</dt>
      <dd>{application.organisationName}</dd>
      <dt>Website</dt>
      <dd>{application.website ? <a href={application.website} rel="noopener noreferrer nofollow" target="_blank">{application.website}</a> : <span className="muted">None given</span>}</dd>
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
                <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                  {link}
                </a>
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
  if (history.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="timeline" aria-label="Application history">
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry">
          <p className="timeline__head">
            <strong>{ACTION_LABELS[entry.action]}</strong> <span className="muted">by {entry.actor?.displayName ?? 'Guild'}</span> · <When value={entry.at} empty="—" withTime />
          </p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
