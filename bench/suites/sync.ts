import type { Suite } from '../lib/types';

export const suite: Suite = {
  name: 'sync',
  run: async () => ({ figures: [], series: [] }),
};
