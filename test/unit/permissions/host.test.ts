import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostPattern, requestHost } from '../../../extension/permissions/host';

describe('host permission patterns', () => {
  it('drop the port, which Firefox refuses in a match pattern', () => {
    expect(hostPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://sync.northwind-msp.com')).toBe('https://sync.northwind-msp.com/*');
    expect(hostPattern('https://files.vendor.example:8443/quotes/q.pdf')).toBe('https://files.vendor.example/*');
  });

  it('a refused or failing request answers false instead of throwing', async () => {
    fakeBrowser.permissions.request = () => Promise.reject(new Error('may only be called from a user input handler'));
    await expect(requestHost('https://sync.example.com')).resolves.toBe(false);
  });
});
