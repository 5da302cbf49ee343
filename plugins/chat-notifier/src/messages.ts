import type { EventInput } from '@guild/plugin-sdk';
import { formatMoney } from './money.js';

/** The body of a Slack incoming-webhook request. */
export interface SlackMessage {
  text: string;
  channel?: string;
}

// Ticket subjects and tags are customer text: escaping them keeps `<!channel>` from pinging
// everyone and `<https://…|label>` from forging links (Slack escapes only &, < and >).
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function orderPaidText(order: EventInput<'order.paid'>): string {
  const lines = order.lineCount === 1 ? '1 line' : `${order.lineCount} lines`;
  return `:moneybag: Order \`${order.orderId}\` paid: *${formatMoney(order.amount, order.currency)}* (${lines}, customer \`${order.customerId}\`)`;
}

// The ticket body stays out of chat: it carries customer data the channel may not be entitled to.
export function ticketCreatedText(ticket: EventInput<'ticket.created'>): string {
  const tags = ticket.tags.length > 0 ? `\nTags: ${ticket.tags.map(escapeSlack).join(', ')}` : '';
  return `:ticket: New *${ticket.priority}* ticket \`${ticket.ticketId}\`: ${escapeSlack(ticket.subject)}${tags}`;
}

export function slackMessage(text: string, channel: string | undefined): SlackMessage {
  return channel ? { text, channel } : { text };
}
