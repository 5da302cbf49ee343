import { useState } from 'react';
import { Link } from 'react-router';
import { CreateTokenForm } from './create-token-form';
import { NewTokenSecret } from './new-token-secret';
import type { CreatedToken } from './token-api';
import { TokenList } from './token-list';

export function TokensPage() {
  const [created, setCreated] = useState<CreatedToken>();
  return (
    <section className="card">
      <p className="breadcrumb">
        <Link to="/profile">Profile</Link> / API tokens
      </p>
      <h1>API tokens</h1>
      <p className="muted">
        A token acts as you, but only on the API routes its scopes allow. Use one per script or CI pipeline, so you can revoke it alone.
      </p>
      {created && <NewTokenSecret token={created} onDismiss={() => setCreated(undefined)} />}
      <CreateTokenForm onCreated={setCreated} />
      <h2>Your tokens</h2>
      <TokenList />
    </section>
  );
}
