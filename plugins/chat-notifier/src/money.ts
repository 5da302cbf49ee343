// QuickJS has no Intl, so amounts are formatted by hand the way
// Intl.NumberFormat('en-US', { style: 'currency' }) does for the currencies listed here.

// ISO 4217 exponents that are not 2. Amounts arrive in ISO minor units, so these decide the
// divisor even where CLDR displays fewer digits (HUF, IQD).
const FRACTION_DIGITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const SYMBOLS: Record<string, string> = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', KRW: '₩', INR: '₹', ILS: '₪', VND: '₫', PHP: '₱',
  CAD: 'CA$', AUD: 'A$', NZD: 'NZ$', HKD: 'HK$', MXN: 'MX$', BRL: 'R$', CNY: 'CN¥', TWD: 'NT$',
};

const own = (table: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(table, key);

export function fractionDigits(currency: string): number {
  return own(FRACTION_DIGITS, currency) ? FRACTION_DIGITS[currency] : 2;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `formatMoney(123450, 'EUR')` → `€1,234.50`; `formatMoney(5000, 'CHF')` → `CHF 50.00` (no-break space). */
export function formatMoney(minorAmount: number, currency: string): string {
  const digits = fractionDigits(currency);
  const divisor = 10 ** digits;
  // Integer arithmetic: amounts are safe integers, and dividing first would round in binary.
  const whole = groupThousands(String(Math.floor(minorAmount / divisor)));
  const fraction = digits > 0 ? `.${String(minorAmount % divisor).padStart(digits, '0')}` : '';
  const number = `${whole}${fraction}`;
  return own(SYMBOLS, currency) ? `${SYMBOLS[currency]}${number}` : `${currency}\u00a0${number}`;
}
