import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import { Button } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useNamespaceCheck, type Application, type ApplicationInput } from './application-api';

const FIELDS = ['organisationName', 'website', 'namespace', 'plan', 'links'] as const;
/** The API's namespace refusals are about one field: they go beside it, not above the form. */
const NAMESPACE_CODES = ['NAMESPACE_INVALID', 'NAMESPACE_RESERVED', 'NAMESPACE_TAKEN', 'NAMESPACE_TOO_SIMILAR'];

export interface ApplicationFormValues {
  organisationName: string;
  website: string;
  namespace: string;
  plan: string;
  links: string;
}

export const emptyApplication: ApplicationFormValues = { organisationName: '', website: '', namespace: '', plan: '', links: '' };

export function formValues(application: Application): ApplicationFormValues {
  return {
    organisationName: application.organisationName,
    website: application.website ?? '',
    namespace: application.namespace,
    plan: application.plan,
    links: application.links.join('\n'),
  };
}

/** The body the API expects: trimmed, the namespace lower-cased, one link per non-empty line. */
export function toInput(values: ApplicationFormValues): ApplicationInput {
  const links = values.links
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    organisationName: values.organisationName.trim(),
    website: values.website.trim() || null,
    namespace: values.namespace.trim().toLowerCase(),
    plan: values.plan.trim(),
    links,
  };
}

interface Action {
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary';
  /** Called with the form's values when this button submits the form. */
  run: (values: ApplicationFormValues) => void;
}

interface ApplicationFormProps {
  title: string;
  initial: ApplicationFormValues;
  /** The first action is the form's default (Enter); each is a submit button of its own. */
  actions: Action[];
  pending: string | undefined;
  error: unknown;
  /** The namespace the application already holds: it is not "taken" by the applicant themself. */
  ownNamespace?: string;
}

export function ApplicationForm({ title, initial, actions, pending, error, ownNamespace }: ApplicationFormProps) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof ApplicationFormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action = actions.find((a) => a.label === submitter?.getAttribute('data-action')) ?? actions[0];
    action.run(values);
  };

  const namespaceError = error instanceof ApiError && NAMESPACE_CODES.includes(error.code);
  const { fields } = splitFormError(error, FIELDS);
  const namespaceErrors = namespaceError ? [error.message] : fields.namespace;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="stack">
      <h2>{title}</h2>
      <FormAlert error={namespaceError ? undefined : error} formFields={FIELDS} />
      <Field label="Organisation name" name="organisationName" required maxLength={100} autoComplete="organization" value={values.organisationName} onChange={set('organisationName')} errors={fields.organisationName} />
      <Field label="Website" name="website" type="url" autoComplete="url" placeholder="https://" value={values.website} onChange={set('website')} errors={fields.website} hint="Optional." />
      <Field
        label="Namespace"
        name="namespace"
        required
        maxLength={40}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={values.namespace}
        onChange={set('namespace')}
        errors={namespaceErrors}
        hint={
          <>
            Your plugins are published under it, like <code>@{values.namespace.trim().toLowerCase() || 'acme'}/timesheet-sync</code>. Lowercase letters, digits and
            hyphens. <NamespaceStatus namespace={values.namespace.trim().toLowerCase()} own={ownNamespace} />
          </>
        }
      />
      <TextAreaField
        label="What you plan to build"
        name="plan"
        required
        maxLength={5000}
        rows={6}
        value={values.plan}
        onChange={set('plan')}
        errors={fields.plan}
        hint="The plugins or integrations you have in mind, and who they are for (at least 10 characters)."
      />
      <TextAreaField
        label="Links (one per line)"
        name="links"
        rows={3}
        spellCheck={false}
        value={values.links}
        onChange={set('links')}
        errors={fields.links}
        hint="Optional: up to 10 links to your work, such as a repository or an existing integration."
      />
      <div className="form-actions">
        {actions.map((action) => (
          <Button
            key={action.label}
            type="submit"
            data-action={action.label}
            variant={action.variant ?? 'primary'}
            pending={pending === action.label}
            disabled={pending !== undefined}
            pendingLabel={action.pendingLabel}
          >
            {action.label}
          </Button>
        ))}
      </div>
    </form>
  );
}

/** The live availability check, announced politely once typing pauses. */
function NamespaceStatus({ namespace, own }: { namespace: string; own?: string }) {
  const settled = useDebouncedValue(namespace, 400);
  const isOwn = own !== undefined && settled === own;
  const check = useNamespaceCheck(isOwn ? '' : settled);
  let text = '';
  let tone = '';
  if (!namespace) text = '';
  else if (settled !== namespace || (check.isFetching && !isOwn)) text = 'Checking availability…';
  else if (isOwn) text = `“${namespace}” is the namespace of this application.`;
  else if (check.isError) text = 'Could not check availability right now; it is checked again when you submit.';
  else if (check.data?.available) {
    text = `“${check.data.namespace}” is available.`;
    tone = 'ok';
  } else if (check.data) {
    text = check.data.message ?? `“${check.data.namespace}” is not available.`;
    tone = 'bad';
  }
  return (
    <span role="status" aria-live="polite" className={`namespace-status${tone ? ` namespace-status--${tone}` : ''}`} data-testid="namespace-status">
      {text}
    </span>
  );
}
