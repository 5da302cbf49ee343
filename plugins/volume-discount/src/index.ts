import { definePlugin } from '@guild/plugin-sdk';
import { volumeDiscounts } from './discounts.js';
import type { Settings } from './settings.js';

export default definePlugin<Settings>({
  functions: {
    'cart.discounts': (cart, ctx) => {
      const discounts = volumeDiscounts(cart, ctx.settings);
      ctx.log.debug(`${discounts.length} of ${cart.lines.length} lines discounted`);
      return { discounts };
    },
  },
});
