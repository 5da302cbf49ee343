import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, fractionDigits } from '../src/money.js';

// The sandbox has no Intl; Node has, so here the hand-made formatter is held against it.
const SAME_AS_INTL = ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'INR', 'ILS', 'VND', 'PHP', 'CAD', 'AUD', 'NZD', 'HKD', 'MXN', 'BRL', 'CNY', 'TWD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'SGD', 'ZAR', 'KWD', 'BHD', 'JOD', 'OMR', 'TND', 'CLP', 'ISK', 'UGX'];
const AMOUNTS = [0, 5, 99, 100, 123_450, 1_000_000, 987_654_321, Number.MAX_SAFE_INTEGER];

await test('formatMoney', async (t) => {
  for (const currency of SAME_AS_INTL) {
    await t.test(`formats ${currency} as Intl.NumberFormat('en-US') does`, () => {
      const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency });
      const digits = fractionDigits(currency);
      assert.equal(intl.resolvedOptions().maximumFractionDigits, digits);
      // Within double precision only: Intl gets a float, formatMoney the exact integer.
      for (const amount of AMOUNTS.filter((value) => value < 2 ** 53 / 10 ** digits / 10)) {
        assert.equal(formatMoney(amount, currency), intl.format(amount / 10 ** digits), `${amount} ${currency}`);
      }
    });
  }

  await t.test('keeps ISO 4217 minor units where CLDR shows fewer digits', () => {
    assert.equal(formatMoney(123_456, 'HUF'), 'HUF\u00a01,234.56');
    assert.equal(formatMoney(123_456, 'IQD'), 'IQD\u00a0123.456');
  });

  await t.test('formats the largest amount exactly', () => {
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR'), '€90,071,992,547,409.91');
  });

  await t.test('names currencies it has no symbol for by their code', () => {
    assert.equal(formatMoney(250, 'XYZ'), 'XYZ\u00a02.50');
  });
});
