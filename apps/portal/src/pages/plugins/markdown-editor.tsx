import { useId, useState } from 'react';
import { Button, ErrorAlert, Loading } from '../../components/feedback';
import { TextAreaField } from '../../components/text-area-field';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useMarkdownPreview } from './plugin-api';

interface MarkdownEditorProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  errors?: string[];
  hint?: string;
}

/**
 * A Markdown textarea with a live preview beside it. The preview is the API's rendering, sanitised
 * exactly as the listing page will be, so what the partner sees here is what buyers get.
 */
export function MarkdownEditor({ label, name, value, onChange, maxLength, errors, hint }: MarkdownEditorProps) {
  const [previewing, setPreviewing] = useState(false);
  const previewId = useId();
  return (
    <div className="markdown-editor">
      <TextAreaField label={label} name={name} rows={10} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} errors={errors} hint={hint} />
      <Button type="button" variant="secondary" size="small" aria-expanded={previewing} aria-controls={previewId} onClick={() => setPreviewing((on) => !on)}>
        {previewing ? 'Hide preview' : 'Preview'}
      </Button>
      <div id={previewId}>{previewing && <MarkdownPreview markdown={value} label={`${label} preview`} />}</div>
    </div>
  );
}

function MarkdownPreview({ markdown, label }: { markdown: string; label: string }) {
  const settled = useDebouncedValue(markdown, 300);
  const preview = useMarkdownPreview(settled, settled.trim().length > 0);
  return (
    <section className="markdown-preview" aria-label={label}>
      {!settled.trim() ? (
        <p className="muted">Nothing to preview yet.</p>
      ) : preview.isPending ? (
        <Loading label="Rendering the preview…" />
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} />
      ) : (
        // Sanitised by the API (no script, no event handlers, no javascript: links).
        <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.data }} />
      )}
    </section>
  );
}
