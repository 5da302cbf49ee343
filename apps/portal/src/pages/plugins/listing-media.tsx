import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, ErrorAlert } from '../../components/feedback';
import { Field } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { uploadUrls, useDeleteScreenshot, useRefreshListing, useUpdateListing, type ListingDetails, type ListingRef } from './plugin-api';
import { useUpload } from './upload';
import { UploadProgressBar } from './upload-progress';

const IMAGE_TYPES = 'image/png,image/jpeg,image/webp';
const MAX_SCREENSHOTS = 8;

/** The draft's icon and screenshots: each image is checked by the API (type, size, dimensions) as it arrives. */
export function ListingMedia({ listing, draft }: { listing: ListingRef; draft: ListingDetails }) {
  return (
    <section className="card" aria-labelledby="media-title">
      <h2 id="media-title" className="card__title">
        Icon and screenshots
      </h2>
      <IconUpload listing={listing} draft={draft} />
      <Screenshots listing={listing} draft={draft} />
    </section>
  );
}

function IconUpload({ listing, draft }: { listing: ListingRef; draft: ListingDetails }) {
  const refresh = useRefreshListing(listing);
  const upload = useUpload<unknown>(refresh);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const onChange = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    void upload.start(file.name, { method: 'PUT', url: uploadUrls.icon(listing), form });
    if (input.current) input.current.value = '';
  };
  return (
    <div className="media-block">
      <h3>Icon</h3>
      <div className="media-row">
        {draft.iconUrl ? <img className="listing-icon" src={draft.iconUrl} alt={`${draft.displayName} icon`} /> : <div className="listing-icon listing-icon--empty" aria-hidden="true" />}
        <div className="field">
          <label htmlFor={id}>{draft.iconUrl ? 'Replace the icon' : 'Upload an icon'}</label>
          <input id={id} ref={input} type="file" accept={IMAGE_TYPES} disabled={upload.state.status === 'uploading'} onChange={(e) => onChange(e.target.files?.[0])} aria-describedby={`${id}-hint`} />
          <p className="field__hint" id={`${id}-hint`}>
            PNG, JPEG or WebP, square, 64 to 1024 pixels, at most 256 KB.
          </p>
        </div>
      </div>
      <UploadProgressBar state={upload.state} label="Icon upload progress" checking="Checking the image…" onCancel={upload.cancel} />
      {upload.state.status === 'failed' && <ErrorAlert error={upload.state.error} />}
    </div>
  );
}

function Screenshots({ listing, draft }: { listing: ListingRef; draft: ListingDetails }) {
  // Held here, not in the editor: the editor starts afresh from each saved version of the screenshots, and a save makes one.
  const update = useUpdateListing(listing);
  const screenshots = draft.screenshots;
  return (
    <div className="media-block">
      <h3>Screenshots</h3>
      {screenshots.length === 0 ? <p className="muted">No screenshots yet. Buyers decide faster with two or three.</p> : <ScreenshotEditor key={screenshots.map((s) => `${s.sha256}:${s.caption}`).join('|')} listing={listing} draft={draft} update={update} />}
      {screenshots.length < MAX_SCREENSHOTS ? <AddScreenshot listing={listing} /> : <p className="muted">That is the most a listing may show ({MAX_SCREENSHOTS}); delete one to add another.</p>}
    </div>
  );
}

/** Captions and order of the current screenshots, saved together; delete is immediate. */
function ScreenshotEditor({ listing, draft, update }: { listing: ListingRef; draft: ListingDetails; update: ReturnType<typeof useUpdateListing> }) {
  const remove = useDeleteScreenshot(listing);
  const [items, setItems] = useState(() => draft.screenshots.map((s) => ({ sha256: s.sha256, caption: s.caption, url: s.url })));
  // Captions are saved trimmed, so spaces alone are no change.
  const changed = items.some((item, index) => item.sha256 !== draft.screenshots[index]?.sha256 || item.caption.trim() !== draft.screenshots[index]?.caption);
  const move = (from: number, to: number) =>
    setItems((current) => {
      const next = [...current];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item);
      return next;
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ screenshots: items.map(({ sha256, caption }) => ({ sha256, caption: caption.trim() })) });
  };
  const fieldNames = items.map((_, index) => `screenshots.${index}.caption`);
  const { fields } = splitFormError(update.error, fieldNames);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Screenshots" className="stack">
      <FormAlert error={update.error} formFields={fieldNames} />
      <ErrorAlert error={remove.error} />
      <ol className="screenshots-editor">
        {items.map((item, index) => (
          <li key={item.sha256} className="screenshot-item">
            <img src={item.url} alt={item.caption || `Screenshot ${index + 1}`} className="screenshot-thumb" />
            <div className="screenshot-item__fields">
              <Field
                label={`Caption of screenshot ${index + 1}`}
                maxLength={140}
                value={item.caption}
                onChange={(e) => setItems((current) => current.map((s, i) => (i === index ? { ...s, caption: e.target.value } : s)))}
                errors={fields[`screenshots.${index}.caption`]}
              />
              <div className="form-actions">
                <Button type="button" variant="secondary" size="small" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move screenshot ${index + 1} up`}>
                  ↑
                </Button>
                <Button type="button" variant="secondary" size="small" disabled={index === items.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move screenshot ${index + 1} down`}>
                  ↓
                </Button>
                <Button
                  type="button"
                  variant="danger"
                  size="small"
                  pending={remove.isPending && remove.variables === item.sha256}
                  pendingLabel="Deleting…"
                  disabled={remove.isPending}
                  onClick={() => {
                    update.reset();
                    remove.mutate(item.sha256);
                  }}
                  aria-label={`Delete screenshot ${index + 1}`}
                >
                  Delete
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {update.isSuccess && !changed && <Alert tone="success">Captions and order are saved.</Alert>}
      {changed && (
        <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
          Save captions and order
        </Button>
      )}
    </form>
  );
}

function AddScreenshot({ listing }: { listing: ListingRef }) {
  const refresh = useRefreshListing(listing);
  const upload = useUpload<unknown>(refresh);
  const [caption, setCaption] = useState('');
  const [file, setFile] = useState<File>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    // Text fields first: the API reads the fields that come before the file.
    if (caption.trim()) form.append('caption', caption.trim());
    form.append('file', file);
    void upload.start(file.name, { method: 'POST', url: uploadUrls.screenshots(listing), form }).then(() => {
      setCaption('');
      setFile(undefined);
      if (input.current) input.current.value = '';
    });
  };
  const busy = upload.state.status === 'uploading';
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a screenshot" className="stack add-screenshot">
      <div className="field">
        <label htmlFor={id}>Screenshot</label>
        <input id={id} ref={input} type="file" accept={IMAGE_TYPES} disabled={busy} onChange={(e) => setFile(e.target.files?.[0])} aria-describedby={`${id}-hint`} />
        <p className="field__hint" id={`${id}-hint`}>
          PNG, JPEG or WebP, 320 to 3840 pixels wide, at most 2 MB.
        </p>
      </div>
      <Field label="Caption" maxLength={140} value={caption} disabled={busy} onChange={(e) => setCaption(e.target.value)} />
      <div>
        <Button type="submit" variant="secondary" disabled={!file} pending={busy} pendingLabel="Uploading…">
          Add screenshot
        </Button>
      </div>
      <UploadProgressBar state={upload.state} label="Screenshot upload progress" checking="Checking the image…" onCancel={upload.cancel} />
      {upload.state.status === 'failed' && <ErrorAlert error={upload.state.error} />}
    </form>
  );
}
