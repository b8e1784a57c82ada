import type { Suite } from '../lib/types';

export const suite: Suite = {
  name: 'server',
  run: async () => ({ figures: [], series: [] }),
};
