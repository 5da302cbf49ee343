import { useId, useRef, useState } from 'react';
import { Button } from '../../components/feedback';
import type { CreatedToken } from './token-api';

/** The one and only time the secret is on screen; it lives in component state until dismissed. */
export function NewTokenSecret({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopy('copied');
    } catch {
      // No clipboard access (permissions, an insecure origin): select the text so Ctrl+C works.
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="secret" role="status" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Token “{token.name}” created</h2>
      <p>
        <strong>Copy it now: you won&rsquo;t see this secret again.</strong> Guild stores only a hash of it. If you lose it, revoke the token and create a
        new one.
      </p>
      <div className="secret__row">
        <label htmlFor={inputId} className="visually-hidden">
          New token secret
        </label>
        <input id={inputId} ref={input} className="secret__value" readOnly value={token.token} onFocus={(e) => e.target.select()} spellCheck={false} />
        <Button type="button" variant="secondary" onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copy === 'failed' && <p className="muted">Could not reach the clipboard; the secret is selected, press Ctrl+C (⌘C) to copy it.</p>}
      <Button type="button" variant="link" onClick={onDismiss}>
        I&rsquo;ve saved it, hide the secret
      </Button>
    </section>
  );
}
