import { definePlugin } from '@guild/plugin-sdk';
import { classify } from './classify.js';
import { DEFAULT_MINIMUM_CONFIDENCE, DEFAULT_RULES, type Settings } from './settings.js';

const classifyWith = (ticket: { subject: string; body: string }, settings: Readonly<Settings>) =>
  classify(ticket, settings.rules ?? DEFAULT_RULES, settings.minimumConfidence ?? DEFAULT_MINIMUM_CONFIDENCE);

export default definePlugin<Settings>({
  functions: {
    // No storage here: the offering waits on this answer, and it must work with or without `storage` granted.
    'ticket.classify': (ticket, ctx) => {
      const result = classifyWith(ticket, ctx.settings);
      ctx.log.debug(`ticket ${ticket.ticketId}: ${result.category} (${result.confidence})`);
      return result;
    },
  },
  events: {
    // Counts this plugin's own verdict, whatever other classifiers answered for the same ticket.
    'ticket.created': async (ticket, ctx) => {
      const { category } = classifyWith(ticket, ctx.settings);
      await Promise.all([ctx.storage.increment(`count:${category}`), ctx.storage.increment('count:total')]);
      ctx.log.info(`ticket ${ticket.ticketId} counted as ${category}`);
    },
  },
});
