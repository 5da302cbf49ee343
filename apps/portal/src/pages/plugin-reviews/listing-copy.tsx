import { ExternalLinkOr } from '../../components/external-link';
import { categoryLabel } from '../plugins/categories';
import { pricingText, type PricingLike } from '../plugins/pricing';
import { mediaUrl, type ListingCopy, type ReviewDetail } from './plugin-review-api';

/** A copy of a listing's details as it would appear, for the reviewer: text, images, links and pricing. */
export function ListingCopyDetails({ copy }: { copy: ListingCopy }) {
  return (
    <div className="listing-copy">
      <div className="media-row">
        {copy.icon ? <img className="listing-icon" src={mediaUrl(copy.icon.sha256)} alt="Proposed icon" /> : <div className="listing-icon listing-icon--empty" aria-hidden="true" />}
        <div>
          <p className="listing-copy__name">{copy.displayName}</p>
          <p className="muted">{copy.summary || 'No summary.'}</p>
        </div>
      </div>
      <dl className="details">
        <dt>Categories</dt>
        <dd>{copy.categories.length ? copy.categories.map(categoryLabel).join(', ') : <span className="muted">None</span>}</dd>
        <dt>Pricing</dt>
        <dd>{pricingText(copy.pricing)}</dd>
        <dt>Support</dt>
        <dd>
          <ExternalLinkOr href={copy.supportUrl} none="None" />
        </dd>
        <dt>Privacy policy</dt>
        <dd>
          <ExternalLinkOr href={copy.privacyPolicyUrl} none="None" />
        </dd>
      </dl>
      <h3>Description</h3>
      {/* Sanitised by the API, exactly as the public page shows it. */}
      {copy.descriptionHtml ? <div className="markdown markdown--boxed" dangerouslySetInnerHTML={{ __html: copy.descriptionHtml }} /> : <p className="muted">No description.</p>}
      {copy.screenshots.length > 0 && (
        <>
          <h3>Screenshots</h3>
          <ul className="screenshots">
            {copy.screenshots.map((shot) => (
              <li key={shot.sha256}>
                <figure>
                  <img src={mediaUrl(shot.sha256)} alt={shot.caption || 'Screenshot'} />
                  {shot.caption && <figcaption>{shot.caption}</figcaption>}
                </figure>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const FIELD_LABELS: Record<string, string> = {
  displayName: 'Display name',
  summary: 'Summary',
  description: 'Description',
  categories: 'Categories',
  icon: 'Icon',
  screenshots: 'Screenshots',
  supportUrl: 'Support URL',
  privacyPolicyUrl: 'Privacy policy URL',
  pricing: 'Pricing',
};

/** Field by field, what approval changes in the public copy. */
export function ListingDiff({ changes }: { changes: NonNullable<ReviewDetail['listingDiff']> }) {
  if (changes.length === 0) return <p className="muted">The proposed copy is the same as the public one.</p>;
  return (
    <ul className="plain-list listing-diff" aria-label="Changed fields">
      {changes.map((change) => (
        <li key={change.field}>
          <strong>{FIELD_LABELS[change.field] ?? change.field}</strong>
          <div className="listing-diff__values">
            <div className="diff__line diff__line--removed">
              <span className="diff__mark" aria-hidden="true">
                −
              </span>
              <span className="visually-hidden">Before: </span>
              {describe(change.field, change.before)}
            </div>
            <div className="diff__line diff__line--added">
              <span className="diff__mark" aria-hidden="true">
                +
              </span>
              <span className="visually-hidden">After: </span>
              {describe(change.field, change.after)}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A field's value as text: prices as money, images by size, lists by their items. */
function describe(field: string, value: unknown): string {
  if (value == null || value === '') return '(none)';
  if (typeof value === 'string') return value;
  if (field === 'pricing' && typeof value === 'object' && 'model' in value) return pricingText(value as PricingLike);
  if (field === 'icon' && typeof value === 'object') return imageText(value);
  if (field === 'screenshots' && Array.isArray(value)) return value.length ? value.map((shot: unknown) => `${imageText(shot)}${captionOf(shot)}`).join('; ') : '(none)';
  if (field === 'categories' && Array.isArray(value)) return value.map((c) => categoryLabel(String(c))).join(', ') || '(none)';
  return JSON.stringify(value);
}

function imageText(value: unknown): string {
  const image = value as { width?: number; height?: number; sha256?: string };
  return `image ${image.width ?? '?'}×${image.height ?? '?'} (${(image.sha256 ?? '').slice(0, 8)})`;
}

function captionOf(value: unknown): string {
  const caption = (value as { caption?: string }).caption;
  return caption ? ` “${caption}”` : '';
}
