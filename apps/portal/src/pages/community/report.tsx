import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAuth } from '../../auth/auth-store';
import { Alert, Button } from '../../components/feedback';
import { FormActions } from '../../components/form-actions';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import type { ContentKind } from './community-api';

type NewReport = Json<paths['/v1/community/reports']['post']['requestBody']>;
type ReportReason = NewReport['reason'];

const REASONS: ReadonlyArray<{ value: ReportReason; label: string }> = [
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'abuse', label: 'Abusive or offensive' },
  { value: 'off_topic', label: 'Off topic' },
  { value: 'other', label: 'Something else' },
];
const FIELDS = ['reason', 'note'] as const;

/** For signed-in members other than its author: report content to the moderators (a reason, an optional note). */
export function ReportControl({ kind, id, authorId, label }: { kind: ContentKind; id: string; authorId: string; label: string }) {
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const report = useMutation({ mutationFn: async (input: NewReport) => unwrap(await api.POST('/v1/community/reports', { body: input })) });
  if (auth.status !== 'signed-in' || auth.user.id === authorId) return null;
  if (report.isSuccess) {
    return (
      <Alert tone="success">
        Thanks: moderators will look at this {label}.
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant="link" size="small" onClick={() => setOpen(true)}>
        Report {label}
      </Button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ contentType: kind, contentId: id, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  const { fields } = splitFormError(report.error, FIELDS);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Report ${label}`} className="stack subcard">
      <FormAlert error={report.error} formFields={FIELDS} />
      <SelectField label="Reason" name="reason" options={REASONS} value={reason} onChange={(e) => setReason(e.target.value as ReportReason)} errors={fields.reason} />
      <TextAreaField label="Note (optional)" name="note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} errors={fields.note} hint="Only moderators read it." />
      <FormActions submit="Send report" pendingLabel="Reporting…" pending={report.isPending} size="small" onCancel={() => setOpen(false)} />
    </form>
  );
}
