import { useState } from 'react';
import { refreshSession } from '../../api/client';
import { ApiError } from '../../api/errors';
import { authStore } from '../../auth/auth-store';
import { Button, ErrorAlert } from '../../components/feedback';

/**
 * Fetches a protected file with the bearer token (a plain link would not carry it: the token lives
 * in memory only) and hands it to the browser as a download.
 */
async function download(url: string, fileName: string): Promise<void> {
  const get = (token: string | undefined) => fetch(url, { credentials: 'include', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let response = await get(authStore.getSnapshot().accessToken);
  if (response.status === 401) {
    const token = await refreshSession();
    if (token) response = await get(token);
  }
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** A version's .tgz, for the partner and reviewers. */
export function DownloadPackageButton({ namespace, plugin, version }: { namespace: string; plugin: string; version: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const url = `/v1/plugins/${encodeURIComponent(namespace)}/${encodeURIComponent(plugin)}/versions/${encodeURIComponent(version)}/package`;
  const onClick = () => {
    setPending(true);
    setError(undefined);
    download(url, `${plugin}-${version}.tgz`)
      .catch(setError)
      .finally(() => setPending(false));
  };
  return (
    <>
      <Button type="button" variant="secondary" size="small" pending={pending} pendingLabel="Downloading…" onClick={onClick}>
        Download {plugin}-{version}.tgz
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
