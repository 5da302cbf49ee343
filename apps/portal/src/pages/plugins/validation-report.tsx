import { ApiError, errorMessage } from '../../api/errors';
import type { components } from '../../api/schema';
import { Alert } from '../../components/feedback';
import { Table } from '../../components/table';
import { When } from '../../components/when';
import { formatBytes } from './bytes';

/** One problem the validator found (the API's `details.issues[]` and a report's `warnings[]`). */
export interface PackageIssue {
  code: string;
  message: string;
  path?: string | null;
  pointer?: string | null;
}

/** The issues of a refused package, when the error is one (`details.issues`); empty otherwise. */
export function refusalIssues(error: unknown): PackageIssue[] {
  if (!(error instanceof ApiError)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((issue): issue is PackageIssue => typeof (issue as Partial<PackageIssue>)?.code === 'string' && typeof (issue as Partial<PackageIssue>).message === 'string');
}

export function IssueTable({ label, issues }: { label: string; issues: PackageIssue[] }) {
  return (
    <Table label={label} columns={['Code', 'Where', 'Problem']} compact>
      {issues.map((issue, index) => (
        <tr key={`${issue.code}-${index}`}>
          <td>
            <code>{issue.code}</code>
          </td>
          <td className="id">
            {issue.path ? (
              <code>
                {issue.path}
                {issue.pointer ? `#${issue.pointer}` : ''}
              </code>
            ) : (
              <span className="muted">the package</span>
            )}
          </td>
          <td>{issue.message}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Why an upload failed: for a refused package, every issue the validator found; otherwise the error's message. */
export function UploadRefusal({ error }: { error: unknown }) {
  const issues = refusalIssues(error);
  if (issues.length === 0) return <Alert title="The upload failed.">{errorMessage(error)}</Alert>;
  return (
    <section className="validation-report validation-report--refused" aria-label="Validation report">
      <Alert title="The package was refused. Nothing of it was kept.">
        <p>Fix every problem below, then upload again.</p>
      </Alert>
      <IssueTable label="Problems found in the package" issues={issues} />
    </section>
  );
}

/** What the validator recorded about an accepted package (the same report on the partner's and the reviewer's pages). */
export type ValidationReportView = components['schemas']['ValidationReportView'];

/** An accepted package's report: the checks it passed, its warnings and its files. */
export function ValidationReport({ report }: { report: ValidationReportView }) {
  return (
    <section className="validation-report" aria-label="Validation report">
      <p>
        Passed every check <When value={report.validatedAt} empty="" withTime />: {formatBytes(report.package.compressedBytes)} compressed, {formatBytes(report.package.uncompressedBytes)} unpacked, {report.package.files.length}{' '}
        {report.package.files.length === 1 ? 'file' : 'files'}.
      </p>
      {report.warnings.length > 0 ? <IssueTable label="Warnings" issues={report.warnings} /> : <p className="muted">No warnings.</p>}
      <details>
        <summary>Checks run</summary>
        <ul>
          {report.checks.map((check) => (
            <li key={check}>{check}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Files in the package</summary>
        <ul className="plain-list">
          {report.package.files.map((file) => (
            <li key={file.path}>
              <code>{file.path}</code> <span className="muted">{formatBytes(file.bytes)}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
