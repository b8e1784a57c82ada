import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl, registrableDomain, siteOf } from '../../../shared/hints';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Portal.Acme-Cloud.COM/Quotes/Q-1042', 'https://portal.acme-cloud.com/Quotes/Q-1042'],
    ['https://acme.com:443/pricing', 'https://acme.com/pricing'],
    ['http://acme.com:80/pricing', 'http://acme.com/pricing'],
    ['https://acme.com:8443/pricing', 'https://acme.com:8443/pricing'],
    ['https://acme.com/pricing#enterprise', 'https://acme.com/pricing'],
    ['https://acme.com/pricing/', 'https://acme.com/pricing'],
    ['https://acme.com/pricing//', 'https://acme.com/pricing'],
    ['https://acme.com/', 'https://acme.com/'],
    ['https://acme.com', 'https://acme.com/'],
    ['https://acme.com/p?utm_source=news&utm_medium=email&id=7', 'https://acme.com/p?id=7'],
    ['https://acme.com/p?UTM_Campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&_hsenc=5&_hsmi=6', 'https://acme.com/p'],
    ['https://acme.com/p?mkt_tok=a&ref=b&ref_src=c&igshid=d&si=e&page=2', 'https://acme.com/p?page=2'],
    ['https://acme.com/p?b=2&a=1&a=0', 'https://acme.com/p?a=0&a=1&b=2'],
    ['https://acme.com/%7euser/a%2fb', 'https://acme.com/~user/a%2Fb'],
    ['https://acme.com/caf%c3%a9/é', 'https://acme.com/caf%C3%A9/%C3%A9'],
    ['https://acme.com/p?q=a%20b', 'https://acme.com/p?q=a+b'],
    ['https://user:secret@acme.com/p', 'https://acme.com/p'],
    ['https://acme.com./p', 'https://acme.com/p'],
    ['  https://acme.com/p  ', 'https://acme.com/p'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps the fragment for Gmail and Outlook, where it names the message', () => {
    expect(normalizeUrl('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmpv')).toBe(
      'https://mail.google.com/mail/u/0#inbox/FMfcgzQXJWDsKmpv',
    );
    expect(normalizeUrl('https://outlook.live.com/owa/?path=/mail/inbox#id=AAQk')).toBe(
      'https://outlook.live.com/owa?path=%2Fmail%2Finbox#id=AAQk',
    );
    expect(normalizeUrl('https://mail.google.com/mail/u/0/#inbox/A')).not.toBe(
      normalizeUrl('https://mail.google.com/mail/u/0/#inbox/B'),
    );
  });

  it.each(['ftp://acme.com/file', 'mailto:jane@acme.com', 'javascript:alert(1)', 'not a url', '', 'https://'])(
    'rejects %s',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );

  const url = fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] });
  const trackingName = fc.oneof(
    fc.constantFrom(
      'fbclid',
      'gclid',
      'mc_cid',
      'mc_eid',
      '_hsenc',
      '_hsmi',
      'mkt_tok',
      'ref',
      'ref_src',
      'igshid',
      'si',
    ),
    fc.string({ minLength: 1, maxLength: 8 }).map((s) => `utm_${s}`),
  );
  const withParams = (base: string, params: Array<[string, string]>) => {
    const u = new URL(base);
    u.search = '';
    u.hash = '';
    for (const [k, v] of params) u.searchParams.append(k, v);
    return u.toString();
  };

  it('is idempotent', () => {
    fc.assert(
      fc.property(url, (u) => {
        const once = normalizeUrl(u);
        expect(once).not.toBeNull();
        expect(normalizeUrl(once!)).toBe(once);
      }),
    );
  });

  it('never lets a tracking parameter through', () => {
    fc.assert(
      fc.property(url, fc.array(fc.tuple(trackingName, fc.string())), (u, tracking) => {
        const out = new URL(normalizeUrl(withParams(u, tracking))!);
        for (const name of out.searchParams.keys()) {
          expect(name.toLowerCase().startsWith('utm_')).toBe(false);
          expect(tracking.some(([t]) => t === name)).toBe(false);
        }
      }),
    );
  });

  it('gives the same key to URLs differing only by tracking parameters, fragment or parameter order', () => {
    const param = fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.string()).filter(([k]) => !/^(ref|si)$/.test(k));
    fc.assert(
      fc.property(
        url.filter((u) => !/^https?:\/\/(mail\.google\.com|outlook\.)/.test(u)),
        fc.uniqueArray(param, { selector: ([k]) => k }),
        fc.array(fc.tuple(trackingName, fc.string())),
        fc.string(),
        (u, params, tracking, fragment) => {
          const plain = withParams(u, params);
          const noisy = `${withParams(u, [...tracking, ...[...params].reverse()])}#${encodeURIComponent(fragment)}`;
          expect(normalizeUrl(noisy)).toBe(normalizeUrl(plain));
        },
      ),
    );
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.acme-cloud.com/pricing', 'acme-cloud.com'],
    ['https://portal.acme-cloud.com/q/1', 'portal.acme-cloud.com'],
    ['portal.acme-cloud.com', 'portal.acme-cloud.com'],
    ['https://WWW.Acme.com', 'acme.com'],
  ])('%s → %s', (input, expected) => {
    expect(siteOf(input)).toBe(expected);
  });
  it.each(['mailto:jane@acme.com', 'about:blank', ''])('%s has no site', (input) => {
    expect(siteOf(input)).toBeNull();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['portal.acme-cloud.com', 'acme-cloud.com'],
    ['acme-cloud.com', 'acme-cloud.com'],
    ['mail.acme.co.uk', 'acme.co.uk'],
    ['billing.acme.com.au', 'acme.com.au'],
    ['www.acme.co.nz', 'acme.co.nz'],
    ['portail.acme.qc.ca', 'acme.qc.ca'],
    ['www.tbs-sct.gc.ca', 'tbs-sct.gc.ca'],
    ['x.mcn.gouv.qc.ca', 'mcn.gouv.qc.ca'],
    ['shop.acme.com.br', 'acme.com.br'],
    ['www.acme.co.jp', 'acme.co.jp'],
    ['a.b.acme.ca', 'acme.ca'],
    ['Portal.ACME.com.', 'acme.com'],
    ['localhost', 'localhost'],
    ['192.168.0.10', '192.168.0.10'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});
