import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-store';
import { safeNext } from '../auth/require-auth';
import { useSignIn } from '../auth/use-session';
import { Alert, Button } from '../components/feedback';
import { Field } from '../components/field';
import { FormAlert, splitFormError } from '../components/form-errors';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const auth = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Signed in (just now, by a bookmark, or by the silent restore): carry on to where they were going.
  if (auth.status === 'signed-in') return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  const { fields } = splitFormError(signIn.error, FIELDS);

  return (
    <section className="card card--narrow">
      <h1>Sign in</h1>
      <p className="muted">
        New to Guild? <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>.
      </p>
      {params.get('next') && !signIn.error && (
        <Alert tone="info">Sign in to continue to that page; you will be taken back there.</Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Sign in">
        <FormAlert error={signIn.error} formFields={FIELDS} />
        <Field label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} errors={fields.email} />
        <Field label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} errors={fields.password} />
        <Button type="submit" pending={signIn.isPending} pendingLabel="Signing in…">
          Sign in
        </Button>
      </form>
    </section>
  );
}
