import { useId } from 'react';
import { Button } from '../../components/feedback';
import { formatBytes } from './bytes';
import type { UploadState } from './upload';

/**
 * A running upload's progress bar, and what happens after the last byte: the server still checks
 * the file (a package is loaded in the sandbox), so "100 %" alone would look stuck. The bar stays
 * at 100 % once the upload is done, beside what came of it.
 */
export function UploadProgressBar<T>({ state, label, checking, onCancel }: { state: UploadState<T>; label: string; checking: string; onCancel?: () => void }) {
  const id = useId();
  if (state.status === 'idle') return null;
  const { loaded, total } = state.status === 'uploading' ? state.progress : { loaded: 1, total: 1 };
  const percent = total > 0 ? Math.round((loaded / total) * 100) : 0;
  const sent = state.status === 'uploading' && total > 0 && loaded >= total;
  const text =
    state.status === 'uploading'
      ? sent
        ? `Uploaded ${state.fileName}. ${checking}`
        : `Uploading ${state.fileName}: ${percent} %${total > 0 ? ` (${formatBytes(loaded)} of ${formatBytes(total)})` : ''}`
      : state.status === 'done'
        ? `Uploaded ${state.fileName}.`
        : `Upload of ${state.fileName} failed.`;
  return (
    <div className={`upload-progress upload-progress--${state.status}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <progress id={id} max={100} value={percent} aria-valuetext={`${percent} %`} />
      <p className="upload-progress__text" role="status" aria-live="polite">
        {state.status === 'uploading' && sent && <span className="spinner spinner--inline" aria-hidden="true" />} {text}
      </p>
      {state.status === 'uploading' && !sent && onCancel && (
        <Button type="button" variant="link" size="small" onClick={onCancel}>
          Cancel upload
        </Button>
      )}
    </div>
  );
}
