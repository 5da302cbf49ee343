import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-store';
import { safeNext } from '../auth/require-auth';
import { useSignUp } from '../auth/use-session';
import { Button } from '../components/feedback';
import { Field } from '../components/field';
import { FormAlert, splitFormError } from '../components/form-errors';

const FIELDS = ['email', 'password', 'displayName'] as const;

export function SignUpPage() {
  const auth = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signUp = useSignUp();
  const [form, setForm] = useState({ email: '', displayName: '', password: '' });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  // Signed in (just now, by a bookmark, or by the silent restore): carry on to where they were going.
  if (auth.status === 'signed-in') return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate({ email: form.email.trim(), displayName: form.displayName.trim(), password: form.password });
  };
  const { fields } = splitFormError(signUp.error, FIELDS);

  return (
    <section className="card card--narrow">
      <h1>Create your Guild account</h1>
      <p className="muted">
        Already have one? <Link to={`/sign-in${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>.
      </p>
      <form onSubmit={onSubmit} noValidate aria-label="Sign up">
        <FormAlert error={signUp.error} formFields={FIELDS} />
        <Field label="Email" type="email" name="email" autoComplete="email" required value={form.email} onChange={set('email')} errors={fields.email} />
        <Field label="Display name" name="displayName" autoComplete="nickname" required maxLength={80} value={form.displayName} onChange={set('displayName')} errors={fields.displayName} hint="Shown on your reviews, answers and listings." />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set('password')}
          errors={fields.password}
          hint="At least 10 characters. A passphrase of a few unrelated words works well."
        />
        <Button type="submit" pending={signUp.isPending} pendingLabel="Creating account…">
          Sign up
        </Button>
      </form>
    </section>
  );
}
