import { useState } from 'react';
import { Button, ErrorAlert } from '../../components/feedback';
import { fetchPackage, type ListingRef } from './plugin-api';

/** Hands a Blob to the browser as a download named `fileName`. */
function saveAs(blob: Blob, fileName: string): void {
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** A version's .tgz, for the partner and reviewers. */
export function DownloadPackageButton({ listing, version }: { listing: ListingRef; version: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const fileName = `${listing.plugin}-${version}.tgz`;
  const onClick = () => {
    setPending(true);
    setError(undefined);
    fetchPackage(listing, version)
      .then((blob) => saveAs(blob, fileName))
      .catch(setError)
      .finally(() => setPending(false));
  };
  return (
    <>
      <Button type="button" variant="secondary" size="small" pending={pending} pendingLabel="Downloading…" onClick={onClick}>
        Download {fileName}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
