import { useId } from 'react';
import { FieldErrors } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { CURRENCIES, formatMoney, minorDigits } from './money';

/** The pricing part of the listing form, as typed: amounts are integer minor units, kept as text while edited. */
export interface PricingDraft {
  model: 'free' | 'one_time' | 'subscription';
  currency: string;
  amount: string;
  monthlyAmount: string;
  yearlyAmount: string;
}

export const PRICING_FIELDS = ['pricing', 'pricing.model', 'pricing.currency', 'pricing.amount', 'pricing.monthlyAmount', 'pricing.yearlyAmount'] as const;

const MODELS: { model: PricingDraft['model']; label: string; description: string }[] = [
  { model: 'free', label: 'Free', description: 'Any member can install it.' },
  { model: 'one_time', label: 'One-time purchase', description: 'Buyers pay once per workspace.' },
  { model: 'subscription', label: 'Subscription', description: 'Monthly, yearly, or both.' },
];

/** A typed amount as the API wants it: whole minor units, or undefined (left empty) so the API can say what is missing. */
export function minorAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function PricingFields({ value, onChange, errors }: { value: PricingDraft; onChange: (next: PricingDraft) => void; errors: Record<string, string[]> }) {
  const id = useId();
  const set = (patch: Partial<PricingDraft>) => onChange({ ...value, ...patch });
  const modelErrors = [...(errors.pricing ?? []), ...(errors['pricing.model'] ?? [])];
  return (
    <fieldset className={`field pricing${modelErrors.length ? ' field--invalid' : ''}`}>
      <legend>Pricing</legend>
      {MODELS.map((option) => (
        <div className="checkbox" key={option.model}>
          <input
            type="radio"
            name={`${id}-model`}
            id={`${id}-${option.model}`}
            aria-describedby={`${id}-${option.model}-description`}
            checked={value.model === option.model}
            onChange={() => set({ model: option.model })}
          />
          <label htmlFor={`${id}-${option.model}`}>{option.label}</label>
          <span className="checkbox__description" id={`${id}-${option.model}-description`}>
            {option.description}
          </span>
        </div>
      ))}
      {modelErrors.length > 0 && <FieldErrors messages={modelErrors} />}
      {value.model !== 'free' && (
        <div className="pricing__amounts">
          <SelectField
            label="Currency"
            name="currency"
            value={value.currency}
            onChange={(e) => set({ currency: e.target.value })}
            options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
            errors={errors['pricing.currency']}
          />
          {value.model === 'one_time' && <AmountField label="Price" value={value.amount} currency={value.currency} onChange={(amount) => set({ amount })} errors={errors['pricing.amount']} />}
          {value.model === 'subscription' && (
            <>
              <AmountField label="Monthly price" value={value.monthlyAmount} currency={value.currency} onChange={(monthlyAmount) => set({ monthlyAmount })} errors={errors['pricing.monthlyAmount']} optional />
              <AmountField label="Yearly price" value={value.yearlyAmount} currency={value.currency} onChange={(yearlyAmount) => set({ yearlyAmount })} errors={errors['pricing.yearlyAmount']} optional />
            </>
          )}
        </div>
      )}
      <p className="field__hint">This is a draft: buyers see prices once a reviewer approves them, and paid plugins are sold when Guild&rsquo;s checkout opens.</p>
    </fieldset>
  );
}

/** An amount typed in minor units (cents, pence; yen have none), shown as money while typed. */
function AmountField({ label, value, currency, onChange, errors, optional = false }: { label: string; value: string; currency: string; onChange: (value: string) => void; errors?: string[]; optional?: boolean }) {
  const id = useId();
  const amount = minorAmount(value);
  const digits = minorDigits(currency);
  const unit = digits === 0 ? `whole ${currency}` : `minor units (1/${10 ** digits} of a ${currency})`;
  const shown = amount === undefined ? (optional ? 'Leave empty to not offer it.' : 'Required.') : Number.isNaN(amount) ? 'Whole numbers only.' : `= ${formatMoney(amount, currency)}`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      />
      <p className="field__hint" id={`${id}-hint`}>
        In {unit}. <output className="money-preview">{shown}</output>
      </p>
      {invalid && <FieldErrors id={`${id}-error`} messages={errors!} />}
    </div>
  );
}
