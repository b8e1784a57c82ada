import type { Suite } from '../lib/types';

export const suite: Suite = {
  name: 'capture',
  run: async () => ({ figures: [], series: [] }),
};
