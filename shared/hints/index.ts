export { findAmounts, type FindAmountsOptions } from './amounts';
export { findDates } from './dates';
export { guessKind } from './kind';
export { normalizeUrl, siteOf, registrableDomain } from './url';
export { isGenericDomain, domainOf } from './generic';
export { matchVendor, matchClient, organisationName, nameFromDomain } from './match';
export { cleanTitle } from './title';
export { suggestHints, emailDomains, SCAN_LIMIT, type SuggestContext } from './suggest';
export { headlineAmount } from './headline';
