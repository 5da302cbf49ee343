import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button } from '../../components/feedback';
import { uploadUrls, useRefreshListing, type ListingRef, type Version } from './plugin-api';
import { useUpload } from './upload';
import { UploadProgressBar } from './upload-progress';
import { UploadRefusal } from './validation-report';

/** Largest package the API accepts (PACKAGE_LIMITS.maxCompressedBytes); checked here only to save a pointless upload. */
const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

/**
 * Uploads a version's .tgz with a progress bar. The API validates it (the same checks as
 * `guild-plugin validate`, the sandbox included) before keeping anything; a refusal lists every
 * problem found.
 */
export function VersionUpload({ listing }: { listing: ListingRef }) {
  const refresh = useRefreshListing(listing);
  const upload = useUpload<Version>(refresh);
  const [file, setFile] = useState<File>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const tooLarge = file !== undefined && file.size > MAX_PACKAGE_BYTES;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || tooLarge) return;
    const form = new FormData();
    form.append('package', file, file.name);
    void upload.start(file.name, { method: 'POST', url: uploadUrls.versions(listing), form }).then(() => {
      setFile(undefined);
      if (input.current) input.current.value = '';
    });
  };
  const busy = upload.state.status === 'uploading';

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Upload a version" className="stack version-upload">
      <div className={`field${tooLarge ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>Package (.tgz)</label>
        <input
          id={id}
          ref={input}
          type="file"
          accept=".tgz,.tar.gz,application/gzip,application/x-gzip"
          disabled={busy}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            upload.reset();
          }}
          aria-describedby={`${id}-hint`}
        />
        <p className="field__hint" id={`${id}-hint`}>
          Made with <code>npx guild-plugin pack</code>; its version must be higher than every earlier one. Or publish from CI with <code>npx guild-plugin publish</code> and an API token with the <code>plugins:publish</code> scope.
        </p>
        {tooLarge && <p className="field__errors">The file is larger than the 5 MB a package may be.</p>}
      </div>
      <div>
        <Button type="submit" disabled={!file || tooLarge} pending={busy} pendingLabel="Uploading…">
          Upload version
        </Button>
      </div>
      <UploadProgressBar state={upload.state} label="Package upload progress" checking="Guild is checking the package (manifest, files, and a trial load in the sandbox)…" onCancel={upload.cancel} />
      {upload.state.status === 'done' && (
        <Alert tone="success" title={`Version ${upload.state.result.version} is uploaded.`}>
          It passed the automated checks and is waiting for a reviewer. You will be notified of the decision.
        </Alert>
      )}
      {upload.state.status === 'failed' && <UploadRefusal error={upload.state.error} />}
    </form>
  );
}
