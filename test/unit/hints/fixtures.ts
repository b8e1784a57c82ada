import type { Client, Vendor } from '../../../shared/domain';
import { REGISTRY_CLIENT_DEFAULTS, REGISTRY_VENDOR_DEFAULTS } from '../../../cli/clients-file';

/** A client and a vendor as the hints corpus's registry gives them: the same defaults `npm run clip --clients` fills. */
export function client(id: string, name: string, domains: string[]): Client {
  return { id, name, domains, ...REGISTRY_CLIENT_DEFAULTS };
}

export function vendor(id: string, clientId: string, name: string, domains: string[]): Vendor {
  return { id, clientId, name, domains, ...REGISTRY_VENDOR_DEFAULTS, contacts: [] };
}
