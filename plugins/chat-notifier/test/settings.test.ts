import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createTestHost } from '@guild/plugin-sdk/testing';
import { DEFAULTS, WEBHOOK_URL_PATTERN, isSlackWebhookUrl } from '../src/settings.js';

const host = await createTestHost({ dir: fileURLToPath(new URL('..', import.meta.url)), settings: { webhookUrl: 'https://hooks.slack.com/services/T1/B2/x' } });
const properties = host.manifest.settings.properties ?? {};
await host.close();

await test('settings', async (t) => {
  await t.test('applies the defaults the manifest shows in the install form', () => {
    for (const [key, value] of Object.entries(DEFAULTS)) assert.deepEqual(properties[key]?.default, value, key);
  });

  await t.test('checks the webhook URL with the pattern the install form uses', () => {
    assert.equal(properties.webhookUrl?.pattern, WEBHOOK_URL_PATTERN);
  });

  await t.test('accepts Slack incoming webhooks only', () => {
    assert.ok(isSlackWebhookUrl('https://hooks.slack.com/services/T0001/B0002/abcDEF123'));
    for (const url of [
      'https://hooks.slack.com/',
      'https://hooks.slack.com/services/T1?x=https://evil.example.com',
      'https://hooks.slack.com:8443/services/T1/B2/x',
      'https://hooks.slack.com\\@evil.example.com/services/x',
      'HTTPS://hooks.slack.com/services/T1/B2/x',
      ' https://hooks.slack.com/services/T1/B2/x',
      42,
      undefined,
    ]) {
      assert.equal(isSlackWebhookUrl(url), false, String(url));
    }
  });
});
