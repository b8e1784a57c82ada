import { describe, expect, it } from 'vitest';
import { isGenericDomain, matchClient, matchVendor, nameFromDomain, organisationName } from '../../../shared/hints';
import { client, vendor } from './fixtures';

const acme = vendor('v-acme', 'c-north', 'Acme Cloud', ['acme-cloud.com']);
const portal = vendor('v-portal', 'c-north', 'Acme Portal Team', ['portal.acme-cloud.com']);
const bell = vendor('v-bell', 'c-north', 'Bell', ['bell.ca']);
const google = vendor('v-google', 'c-north', 'Google Workspace', ['google.com']);

describe('matchVendor', () => {
  it('matches a known vendor by the sender domain or a parent of it', () => {
    expect(matchVendor(['billing.acme-cloud.com'], 'Acme Cloud Billing', [bell, acme])).toEqual({
      vendorId: 'v-acme',
      name: 'Acme Cloud',
      domain: 'acme-cloud.com',
      why: "sender domain billing.acme-cloud.com is Acme Cloud's",
    });
  });

  it('prefers the most specific vendor domain', () => {
    expect(matchVendor(['portal.acme-cloud.com'], null, [acme, portal])?.vendorId).toBe('v-portal');
    expect(matchVendor(['portal.acme-cloud.com'], null, [acme, portal])?.why).toBe(
      "site portal.acme-cloud.com is Acme Portal Team's",
    );
  });

  it('tries candidates in order: sender first, then the page', () => {
    expect(matchVendor(['bell.ca', 'acme-cloud.com'], '', [acme, bell])?.vendorId).toBe('v-bell');
    expect(matchVendor(['gmail.com', 'acme-cloud.com'], 'Jane', [acme, bell])).toMatchObject({
      vendorId: 'v-acme',
      why: "site acme-cloud.com is Acme Cloud's",
    });
  });

  it('proposes a new vendor named from an organisation-like sender name', () => {
    expect(matchVendor(['mail.acme-cloud.com'], 'Acme Cloud Renewals Team', [bell])).toEqual({
      vendorId: null,
      name: 'Acme Cloud',
      domain: 'acme-cloud.com',
      why: 'new vendor from acme-cloud.com',
    });
    expect(matchVendor(['northwind-it.com'], 'Northwind IT Inc.', [])?.name).toBe('Northwind IT Inc.');
  });

  it('names a new vendor from its domain when the sender is a person', () => {
    expect(matchVendor(['acme-cloud.com'], 'Jane Smith', [])?.name).toBe('Acme Cloud');
    expect(matchVendor(['acme-cloud.co.uk'], null, [])?.name).toBe('Acme Cloud');
  });

  it('never proposes free-mail, webmail, file-sharing or local hosts as a vendor', () => {
    const generic = [
      'gmail.com',
      'outlook.com',
      'hotmail.com',
      'hotmail.fr',
      'live.com',
      'yahoo.com',
      'yahoo.ca',
      'icloud.com',
      'proton.me',
      'office.com',
      'google.com',
      'mail.google.com',
      'outlook.office.com',
      'outlook.live.com',
      'docs.google.com',
      'drive.google.com',
      'dropbox.com',
      'localhost',
      '10.0.0.4',
    ];
    for (const d of generic) expect(isGenericDomain(d), d).toBe(true);
    expect(matchVendor(generic, 'Jane Smith', [])).toBeNull();
  });

  it('matches a generic domain only when a vendor lists it exactly', () => {
    expect(matchVendor(['google.com'], 'Google Workspace', [google])?.vendorId).toBe('v-google');
    expect(matchVendor(['docs.google.com'], null, [google])).toBeNull();
  });

  it('returns null without usable domains', () => {
    expect(matchVendor([], null, [acme])).toBeNull();
    expect(matchVendor(['not a domain!'], null, [acme])).toBeNull();
  });
});

describe('organisationName and nameFromDomain', () => {
  it.each([
    ['Acme Cloud Billing', 'acme-cloud.com', 'Acme Cloud'],
    ['"Acme Cloud"', 'acme-cloud.com', 'Acme Cloud'],
    ['Jane from Acme', 'acme.com', 'Acme'],
    ['Fortinet Sales', 'fortinet.com', 'Fortinet'],
    ['Jane Smith', 'acme.com', null],
    ['jane@acme.com', 'acme.com', null],
    ['', 'acme.com', null],
  ])('%s at %s → %s', (display, domain, expected) => {
    expect(organisationName(display, domain)).toBe(expected);
  });

  it('title-cases the registered label', () => {
    expect(nameFromDomain('portal.acme-cloud.com')).toBe('Acme Cloud');
    expect(nameFromDomain('northwind_it.ca')).toBe('Northwind It');
  });
});

describe('matchClient', () => {
  const north = client('c-north', 'Northwind', ['northwind.ca']);
  const contoso = client('c-contoso', 'Contoso', ['contoso.com', 'contoso-portal.com']);
  const family = client('c-family', 'Family Shop', ['gmail.com']);

  it('matches a recipient domain, or a sub-domain of a known domain', () => {
    expect(matchClient(['acme-cloud.com', 'it.northwind.ca'], [contoso, north])).toEqual({
      clientId: 'c-north',
      why: "it.northwind.ca is Northwind's",
    });
  });

  it('matches the page host', () => {
    expect(matchClient(['mail.google.com', 'contoso-portal.com'], [north, contoso])?.clientId).toBe('c-contoso');
  });

  it('takes the first candidate that matches', () => {
    expect(matchClient(['contoso.com', 'northwind.ca'], [north, contoso])?.clientId).toBe('c-contoso');
  });

  it('only matches a free-mail domain listed exactly, never a webmail sub-domain of it', () => {
    expect(matchClient(['gmail.com'], [family])?.clientId).toBe('c-family');
    expect(matchClient(['mail.google.com', 'acme.com'], [north, contoso])).toBeNull();
  });

  it('returns null when nothing matches', () => {
    expect(matchClient(['acme-cloud.com'], [north, contoso])).toBeNull();
    expect(matchClient([], [north])).toBeNull();
  });
});
