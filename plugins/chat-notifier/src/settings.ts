import type { EventInput } from '@guild/plugin-sdk';

export type TicketPriority = EventInput<'ticket.created'>['priority'];

/** What the buyer fills in at install (guild-plugin.json → settings). */
export interface Settings {
  webhookUrl: string;
  channel?: string;
  minimumAmount?: number;
  notifyTickets?: boolean;
  ticketPriorities?: TicketPriority[];
}

export type ResolvedSettings = Required<Omit<Settings, 'channel'>> & Pick<Settings, 'channel'>;

// The platform validates settings against the manifest but does not fill in its defaults, so
// the same values live here; a test keeps the two in step.
export const DEFAULTS = {
  minimumAmount: 0,
  notifyTickets: true,
  ticketPriorities: ['high', 'urgent'] satisfies TicketPriority[],
} as const;

/**
 * A Slack incoming webhook and nothing else. The same pattern is in the manifest; it is checked
 * again here because settings saved under an older manifest, or edited by hand, skip the form.
 */
export const WEBHOOK_URL_PATTERN = '^https://hooks\\.slack\\.com/services/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$';
const webhookUrl = new RegExp(WEBHOOK_URL_PATTERN);

export function isSlackWebhookUrl(value: unknown): value is string {
  return typeof value === 'string' && webhookUrl.test(value);
}

export function resolveSettings(settings: Readonly<Settings>): ResolvedSettings {
  return {
    webhookUrl: settings.webhookUrl,
    ...(settings.channel ? { channel: settings.channel } : {}),
    minimumAmount: settings.minimumAmount ?? DEFAULTS.minimumAmount,
    notifyTickets: settings.notifyTickets ?? DEFAULTS.notifyTickets,
    ticketPriorities: settings.ticketPriorities ?? [...DEFAULTS.ticketPriorities],
  };
}
