import type { Suite } from '../lib/types';

export const suite: Suite = {
  name: 'log',
  run: async () => ({ figures: [], series: [] }),
};
