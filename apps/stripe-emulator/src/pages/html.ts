/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Formats minor units for people: `formatMoney(1999, 'usd')` is "$19.99". */
export function formatMoney(amount: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 10 ** digits);
}

/**
 * The frame every hosted page shares: a test-mode banner (these pages are the emulator's, never
 * Stripe's) and plain server-rendered HTML that works without JavaScript. `body` must already be escaped.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1f36; background: #f6f9fc; }
  body { margin: 0; }
  .banner { background: #ffde92; color: #6b4b00; text-align: center; font-size: 13px; padding: 6px; }
  main { max-width: 460px; margin: 40px auto; background: #fff; border-radius: 8px; box-shadow: 0 2px 8px rgba(50,50,93,.12); padding: 32px; }
  h1 { font-size: 22px; margin: 0 0 8px; }
  p.muted, .muted { color: #697386; font-size: 14px; }
  label { display: block; font-size: 14px; font-weight: 500; margin: 16px 0 6px; }
  input, select { width: 100%; box-sizing: border-box; font-size: 16px; padding: 10px 12px; border: 1px solid #cfd7df; border-radius: 6px; }
  .row { display: flex; gap: 12px; } .row > div { flex: 1; }
  button { width: 100%; margin-top: 24px; font-size: 16px; font-weight: 600; padding: 12px; border: 0; border-radius: 6px; background: #635bff; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #635bff; border: 1px solid #635bff; }
  .error { background: #fdecea; color: #a41c1c; border-radius: 6px; padding: 10px 12px; margin-top: 16px; font-size: 14px; }
  table { width: 100%; border-collapse: collapse; font-size: 14px; margin-top: 16px; }
  td { padding: 6px 0; } td.amount { text-align: right; } tr.total td { font-weight: 600; border-top: 1px solid #e3e8ee; padding-top: 10px; }
  a { color: #635bff; }
</style>
</head>
<body>
<div class="banner" role="note">Test mode: Guild's local Stripe emulator. No real money moves.</div>
<main>
${body}
</main>
</body>
</html>`;
}
