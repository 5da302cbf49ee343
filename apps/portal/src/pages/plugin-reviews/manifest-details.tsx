import { formatBytes } from '../plugins/bytes';
import type { ReviewDetail } from './plugin-review-api';

type ReviewedVersion = NonNullable<ReviewDetail['version']>;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The manifest's facts a reviewer weighs, and the whole document beneath. */
export function ManifestDetails({ version }: { version: ReviewedVersion }) {
  const { manifest } = version;
  const events = list(manifest.events);
  const functions = list(manifest.functions);
  const settings = manifest.settings as { properties?: Record<string, unknown> } | undefined;
  const limits = manifest.limits as { memoryMb?: number; timeoutMs?: number } | undefined;
  return (
    <>
      <dl className="details" aria-label="Manifest">
        <dt>Name</dt>
        <dd>
          <code>{text(manifest.name)}</code>
        </dd>
        <dt>Version</dt>
        <dd>
          <code>{version.version}</code>
        </dd>
        <dt>Host API</dt>
        <dd>
          <code>{text(manifest.hostApi)}</code>
        </dd>
        <dt>Entry</dt>
        <dd>
          <code>{text(manifest.entry)}</code>
        </dd>
        <dt>Events</dt>
        <dd>{events.length ? events.map((e) => <code key={e} className="tag">{e}</code>) : <span className="muted">None</span>}</dd>
        <dt>Functions</dt>
        <dd>{functions.length ? functions.map((f) => <code key={f} className="tag">{f}</code>) : <span className="muted">None</span>}</dd>
        <dt>Settings</dt>
        <dd>{settings?.properties && Object.keys(settings.properties).length ? Object.keys(settings.properties).map((key) => <code key={key} className="tag">{key}</code>) : <span className="muted">None</span>}</dd>
        <dt>Limits</dt>
        <dd>{limits ? `${limits.memoryMb ?? '—'} MB memory, ${limits.timeoutMs ?? '—'} ms per call` : <span className="muted">Defaults</span>}</dd>
        <dt>Package</dt>
        <dd>
          {formatBytes(version.sizeBytes)} · sha256 <code className="id">{version.sha256}</code>
        </dd>
      </dl>
      <details className="payload">
        <summary>guild-plugin.json</summary>
        <pre>{JSON.stringify(manifest, null, 2)}</pre>
      </details>
    </>
  );
}
