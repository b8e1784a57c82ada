import { describe, expect, it } from 'vitest';
import { cleanTitle, readerTitle } from '../../../shared/hints/title';

describe('page titles as a reader sees them', () => {
  it('cuts the site after a guillemet, a slash or a double colon, as after a dash or a bar', () => {
    expect(cleanTitle('Rotate API keys » Cascade VoIP Docs', 'docs.cascadevoip.com')).toBe('Rotate API keys');
    expect(cleanTitle('Quote NS-88169 :: Ironclad Customer Area', 'portal.ironcladdp.ca')).toBe('Quote NS-88169');
    expect(cleanTitle('Fibre 1 Gbit/s circuit / TelNova', 'telnova.net')).toBe('Fibre 1 Gbit/s circuit');
  });

  it('cuts a leading site name from a page title only when what follows says at least as much', () => {
    const sites = [null, 'www.thechannelreport.com'];
    const title = 'The Channel Report · How one credit union cut its IT spend';
    expect(readerTitle({ title, heading: null, sites })).toBe('How one credit union cut its IT spend');
    expect(readerTitle({ title: 'Acme Cloud – Pricing', heading: null, sites: [null, 'portal.acme-cloud.com'] })).toBe(
      'Acme Cloud – Pricing',
    );
    // Subjects and document titles keep a leading company name.
    expect(cleanTitle(title, 'www.thechannelreport.com')).toBe(title);
  });

  it('cuts section names any site uses ("Blog", "Page 2") after the site', () => {
    expect(cleanTitle('Printer fleet, lease or buy? - Page 2 - SysAdmin Forums', 'www.sysadminforums.net')).toBe(
      'Printer fleet, lease or buy?',
    );
    expect(cleanTitle('The hidden cost of SaaS — Blog — CIO Desk', 'www.ciodesk.com')).toBe('The hidden cost of SaaS');
  });

  it('reads og:title when the <title> is only the site name', () => {
    const parts = { title: 'The Channel Report', og: 'Backup vendors raise prices', heading: null };
    expect(readerTitle({ ...parts, sites: [null, 'www.thechannelreport.com'] })).toBe('Backup vendors raise prices');
  });

  it("prefers the heading over the title's unknown section, and ignores a heading that is the site's logo", () => {
    const sites = [null, 'portal.northstarmsp.com'];
    expect(
      readerTitle({ title: 'Quote NS-69843 | Quotes | Northstar Service Hub', heading: 'Quote NS-69843', sites }),
    ).toBe('Quote NS-69843');
    expect(readerTitle({ title: 'Master Services Agreement | Northstar', heading: 'Northstar MSP', sites })).toBe(
      'Master Services Agreement',
    );
    // A heading only the title extends, without a separator, still gives way to the title.
    expect(
      readerTitle({
        title: 'Managed Services Proposal for Harbour Logistics',
        heading: 'Managed Services Proposal',
        sites,
      }),
    ).toBe('Managed Services Proposal for Harbour Logistics');
  });
});
