import { definePlugin, type PluginContext } from '@guild/plugin-sdk';
import { orderPaidText, slackMessage, ticketCreatedText } from './messages.js';
import { isSlackWebhookUrl, resolveSettings, type ResolvedSettings, type Settings } from './settings.js';
import { postToSlack } from './slack.js';

// A wrong URL will not fix itself on retry, so it is a warning and a skip, not a failure.
// The URL is never logged: it is a secret (whoever holds it can post to the channel).
function usableSettings(ctx: PluginContext<Settings>): ResolvedSettings | null {
  if (isSlackWebhookUrl(ctx.settings.webhookUrl)) return resolveSettings(ctx.settings);
  ctx.log.warn('webhookUrl is not a Slack incoming webhook (https://hooks.slack.com/services/…); nothing was posted. Fix it in the install settings.');
  return null;
}

export default definePlugin<Settings>({
  events: {
    'order.paid': async (order, ctx) => {
      const settings = usableSettings(ctx);
      if (!settings) return;
      if (order.amount < settings.minimumAmount) {
        ctx.log.debug(`order ${order.orderId} is below the minimum amount; not posted`);
        return;
      }
      await postToSlack(ctx.http, settings.webhookUrl, slackMessage(orderPaidText(order), settings.channel));
      ctx.log.info(`posted order ${order.orderId}`);
    },

    'ticket.created': async (ticket, ctx) => {
      const settings = usableSettings(ctx);
      if (!settings) return;
      if (!settings.notifyTickets || !settings.ticketPriorities.includes(ticket.priority)) {
        ctx.log.debug(`ticket ${ticket.ticketId} (${ticket.priority}) is filtered out; not posted`);
        return;
      }
      await postToSlack(ctx.http, settings.webhookUrl, slackMessage(ticketCreatedText(ticket), settings.channel));
      ctx.log.info(`posted ticket ${ticket.ticketId}`);
    },
  },
});
