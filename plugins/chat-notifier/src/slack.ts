import type { PluginHttp } from '@guild/plugin-sdk';
import type { SlackMessage } from './messages.js';

const MAX_REASON = 200;

/**
 * Posts one message. Anything but 2xx throws, so the invocation fails and the platform retries
 * the event; Slack's answer (`no_service`, `channel_not_found`, …) says what to fix.
 */
export async function postToSlack(http: PluginHttp, webhookUrl: string, message: SlackMessage): Promise<void> {
  const response = await http.fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  if (response.ok) return;
  const reason = (await response.text()).trim().slice(0, MAX_REASON);
  const retryAfter = response.headers.get('retry-after');
  throw new Error(
    `the Slack webhook answered HTTP ${response.status}${reason ? ` (${reason})` : ''}${retryAfter ? `; retry after ${retryAfter} s` : ''}`,
  );
}
