import { useId, useState, type FormEvent } from 'react';
import { Alert, Button } from '../../components/feedback';
import { Field, FieldErrors } from '../../components/field';
import { FormAlert, splitFormError } from '../../components/form-errors';
import { CATEGORIES, CATEGORY_LABELS, MAX_CATEGORIES, type Category } from './categories';
import { MarkdownEditor } from './markdown-editor';
import { useUpdateListing, type ListingChanges, type ListingDetails, type ListingRef } from './plugin-api';
import { minorAmount, PRICING_FIELDS, PricingFields, type PricingDraft } from './pricing-fields';

const FIELDS = ['displayName', 'summary', 'description', 'categories', 'supportUrl', 'privacyPolicyUrl', ...PRICING_FIELDS] as const;

interface FormState {
  displayName: string;
  summary: string;
  description: string;
  categories: Category[];
  supportUrl: string;
  privacyPolicyUrl: string;
  pricing: PricingDraft;
}

function fromDraft(draft: ListingDetails): FormState {
  const { pricing } = draft;
  const text = (amount: number | null | undefined) => (amount == null ? '' : String(amount));
  return {
    displayName: draft.displayName,
    summary: draft.summary,
    description: draft.description,
    categories: [...draft.categories],
    supportUrl: draft.supportUrl ?? '',
    privacyPolicyUrl: draft.privacyPolicyUrl ?? '',
    pricing: { model: pricing.model, currency: pricing.currency ?? 'USD', amount: text(pricing.amount), monthlyAmount: text(pricing.monthlyAmount), yearlyAmount: text(pricing.yearlyAmount) },
  };
}

type PricingInput =
  | { model: 'free' }
  | { model: 'one_time'; currency: string; amount: number | undefined }
  | { model: 'subscription'; currency: string; monthlyAmount: number | null; yearlyAmount: number | null };

function toPricing(draft: PricingDraft): ListingChanges['pricing'] {
  const input: PricingInput =
    draft.model === 'free'
      ? { model: 'free' }
      : draft.model === 'one_time'
        ? { model: 'one_time', currency: draft.currency, amount: minorAmount(draft.amount) }
        : { model: 'subscription', currency: draft.currency, monthlyAmount: minorAmount(draft.monthlyAmount) ?? null, yearlyAmount: minorAmount(draft.yearlyAmount) ?? null };
  // An empty amount or an unknown currency is sent as it is: the API's field error then shows beside the field.
  return input as ListingChanges['pricing'];
}

/** The draft's text fields and pricing; saved as a whole (images have their own section). */
export function ListingForm({ listing, draft }: { listing: ListingRef; draft: ListingDetails }) {
  const update = useUpdateListing(listing);
  const [form, setForm] = useState(() => fromDraft(draft));
  const [saved, setSaved] = useState(false);
  const ids = { categories: useId() };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const toggleCategory = (category: Category, on: boolean) => set('categories', on ? [...form.categories, category] : form.categories.filter((c) => c !== category));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const changes: ListingChanges = {
      displayName: form.displayName.trim(),
      summary: form.summary.trim(),
      description: form.description,
      categories: form.categories,
      supportUrl: form.supportUrl.trim() || null,
      privacyPolicyUrl: form.privacyPolicyUrl.trim() || null,
      pricing: toPricing(form.pricing),
    };
    update.mutate(changes, {
      onSuccess: () => setSaved(true),
    });
  };
  const { fields } = splitFormError(update.error, FIELDS);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the listing" className="stack">
      <FormAlert error={update.error} formFields={FIELDS} />
      <Field label="Display name" name="displayName" required maxLength={60} value={form.displayName} onChange={(e) => set('displayName', e.target.value)} errors={fields.displayName} />
      <Field label="Summary" name="summary" maxLength={160} value={form.summary} onChange={(e) => set('summary', e.target.value)} errors={fields.summary} hint="One sentence, up to 160 characters, shown in the catalog." />
      <MarkdownEditor
        label="Description"
        name="description"
        maxLength={20_000}
        value={form.description}
        onChange={(value) => set('description', value)}
        errors={fields.description}
        hint="Markdown. Raw HTML is shown as text; scripts and unsafe links are removed."
      />
      <fieldset className={`field${fields.categories ? ' field--invalid' : ''}`} aria-describedby={`${ids.categories}-hint`}>
        <legend>Categories</legend>
        <p className="field__hint" id={`${ids.categories}-hint`}>
          Up to {MAX_CATEGORIES}.
        </p>
        <div className="category-choices">
          {CATEGORIES.map((category) => {
            const checked = form.categories.includes(category);
            return (
              <div className="checkbox" key={category}>
                <input
                  type="checkbox"
                  id={`${ids.categories}-${category}`}
                  checked={checked}
                  disabled={!checked && form.categories.length >= MAX_CATEGORIES}
                  onChange={(e) => toggleCategory(category, e.target.checked)}
                />
                <label htmlFor={`${ids.categories}-${category}`}>{CATEGORY_LABELS[category]}</label>
              </div>
            );
          })}
        </div>
        {fields.categories && <FieldErrors messages={fields.categories} />}
      </fieldset>
      <Field label="Support URL" name="supportUrl" type="url" placeholder="https://" value={form.supportUrl} onChange={(e) => set('supportUrl', e.target.value)} errors={fields.supportUrl} hint="Where buyers get help: an https page or a contact form." />
      <Field label="Privacy policy URL" name="privacyPolicyUrl" type="url" placeholder="https://" value={form.privacyPolicyUrl} onChange={(e) => set('privacyPolicyUrl', e.target.value)} errors={fields.privacyPolicyUrl} />
      <PricingFields value={form.pricing} onChange={(pricing) => set('pricing', pricing)} errors={fields} />
      {saved && !update.isPending && <Alert tone="success">The draft is saved.</Alert>}
      <div>
        <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
          Save draft
        </Button>
      </div>
    </form>
  );
}
