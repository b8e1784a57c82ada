/**
 * The material the corpus generator writes pages from: vendors, people, headlines and sentence templates with
 * slots ({vendor}, {product}, {n}, {price}, {date}, {client}, {person}). Kept apart from the page templates so a
 * page's main text and its chrome draw on the same IT-governance vocabulary, as on real sites.
 */
export interface Vendor {
  name: string;
  domain: string;
  portal: string;
}

export const VENDORS: Vendor[] = [
  { name: 'Acme Cloud', domain: 'acmecloud.com', portal: 'Acme Portal' },
  { name: 'Ironclad Data Protection', domain: 'ironcladdp.ca', portal: 'Ironclad Customer Area' },
  { name: 'Bluepeak IT', domain: 'bluepeak-it.com', portal: 'Bluepeak IT Client Portal' },
  { name: 'TelNova Business', domain: 'telnova.net', portal: 'My TelNova Business' },
  { name: 'Northstar MSP', domain: 'northstarmsp.com', portal: 'Northstar Service Hub' },
  { name: 'Keystone SaaS', domain: 'keystonesaas.io', portal: 'Keystone Billing' },
  { name: 'Cascade VoIP', domain: 'cascadevoip.com', portal: 'Cascade VoIP Account Center' },
  { name: 'Granite Peak Hardware', domain: 'granitepeak.com', portal: 'Granite Peak Partner Portal' },
  { name: 'Lumenfield Networks', domain: 'lumenfield.net', portal: 'Lumenfield MyAccount' },
  { name: 'Copperline Fibre', domain: 'copperline.ca', portal: 'Copperline Espace client' },
];

export const PRODUCTS = [
  'Managed backup',
  'Endpoint protection',
  'Fibre 1 Gbit/s circuit',
  'Managed firewall',
  'Helpdesk block of hours',
  'Microsoft 365 E3 seats',
  'SIP trunk channels',
  'Offsite replication',
  'Vulnerability scanning',
  'Wi-Fi access points',
  'Rack UPS replacement',
  'Email security gateway',
];

export const PEOPLE = [
  'Maya Chen', 'Olivier Tremblay', 'Priya Natarajan', 'Daniel Okafor', 'Sofia Almeida', 'Liam Gauthier',
  'Hannah Brooks', 'Kenji Watanabe', 'Fatima Haddad', 'Marcus Lindqvist', 'Chloé Bouchard', 'Ethan Novak',
]; // prettier-ignore

export const CLIENTS = [
  'Harbour Logistics',
  'Maple Dental Group',
  'Riverside Credit Union',
  'Northwind Foods',
  'Cedar Law LLP',
];

export const FORUM_HANDLES = [
  'sysadmin_kate', 'rjgreen', 'NetOpsNate', 'backup-guy-42', 'mwalters', 'tech_lara', 'pfsense_fan', 'dkowalski',
  'it-anna', 'SeanOps', 'grumpy_admin', 'jmiller_msp', 'ChrisP', 'helpdesk_hero',
]; // prettier-ignore

export const ARTICLE_HEADLINES = [
  'Why mid-sized firms are rethinking their managed service contracts',
  'Backup vendors raise prices as storage costs climb',
  'What a virtual CIO actually does for a 50-person company',
  'Five clauses to read twice before renewing a telecom contract',
  'Ransomware insurance now demands proof of tested restores',
  'The hidden cost of auto-renewing SaaS subscriptions',
  'How one credit union cut its IT spend without cutting service',
  'Fibre outages expose the weak spots in small-business continuity plans',
  'Microsoft licensing changes: what small tenants need to know',
  'Vendor consolidation is back, and it is not always a good idea',
  'A practical guide to running a quarterly IT governance meeting',
  'Endpoint protection renewals: compare before you sign',
  'Why your MSP should report on uptime credits every month',
  'The case for documenting every IT decision',
  'Regional telecoms bet on business fibre as copper lines retire',
  'Inside the rush to replace ageing on-premises servers',
  'Cyber insurers tighten rules on multi-factor authentication',
  'When a price increase notice arrives, here is what to do first',
  'Handing over IT governance at the end of a mandate',
  'Small clinics struggle with the cost of compliance audits',
  'Is a three-year commitment ever worth the discount?',
  'Hardware lead times ease, but prices stay high',
];

export const DOCS_HEADLINES = [
  'Configure retention policies',
  'Restore a single mailbox',
  'Set up single sign-on with SAML',
  'Rotate API keys',
  'Migrating from version 3 to version 4',
  'Install the backup agent on Linux',
  'Troubleshoot failed replication jobs',
  'Manage user roles and permissions',
  'Export usage reports',
  'Connect a SIP trunk to your PBX',
  'Firewall rules reference',
  'Schedule maintenance windows',
  'Enable two-factor authentication',
  'Understanding storage tiers and billing',
];

export const FORUM_HEADLINES = [
  'Backup failing after update',
  'SIP trunk drops calls every 30 minutes',
  'Best way to migrate 40 mailboxes to a new tenant?',
  'Firewall firmware 7.2 broke our VPN',
  'Replication job stuck at 99%',
  'Anyone else seeing price increases from their MSP?',
  'Licence true-up surprise, how do you handle it?',
  'UPS keeps beeping after battery replacement',
  'Endpoint agent using 100% CPU on Windows 11',
  'How do you document vendor decisions for the board?',
  'Fibre install delayed three months, options?',
  'Restore test failed on encrypted volume',
  'Printer fleet contract, lease or buy?',
  'Wi-Fi roaming issues with new access points',
];

/** General sentences for articles; slots are filled per page. */
export const ARTICLE_SENTENCES = [
  'For many organisations the renewal date arrives before anyone has read the contract again.',
  '{vendor} told customers in a letter dated {date} that prices would rise by {n} per cent.',
  'The increase applies to {product} and takes effect at the next renewal.',
  '"We had ninety days of notice and used about ten of them," said {person}, who advises {client}.',
  'Analysts say the pressure comes from higher storage, energy and labour costs across the sector.',
  'Smaller customers rarely negotiate, even when their usage has fallen since the original agreement.',
  'A governance meeting that reviews vendors every quarter catches most of these changes early.',
  'The contract allowed termination for convenience with sixty days of written notice.',
  'Several providers now bundle monitoring and patching into a single monthly fee per device.',
  'That makes comparisons harder, because each quote draws the line between included and billable work differently.',
  '{person} recommends keeping a one-page summary of every agreement: term, notice period, value and owner.',
  'In the survey, {n} per cent of respondents could not say when their main service contract would renew.',
  'Uptime credits are often written into the agreement but almost never claimed.',
  'The board wanted a single recommendation, not a list of options without a preference.',
  'Insurers increasingly ask for evidence that backups are tested, not just configured.',
  'A restore test once a quarter is the minimum most underwriters will accept.',
  '{client} moved its phones to {vendor} last spring and kept the old lines for a month as a fallback.',
  'The migration took longer than planned because the number porting request was rejected twice.',
  'Licensing changes tend to land in the middle of a budget year, which leaves little room to react.',
  'Documenting why a decision was made matters as much as the decision itself when staff change.',
  'The cheapest quote was not the one with the lowest total cost over three years.',
  'Hardware prices have stabilised, but lead times for network gear are still measured in weeks.',
  'Some vendors offer a discount for a three-year commitment, with steep penalties for leaving early.',
  '{vendor} said the new pricing reflects investment in its security operations centre.',
  'Customers on legacy plans will be moved automatically unless they choose a different tier.',
  'Experts advise reading the limitation of liability clause before anything else.',
  'The audit found {n} devices that no longer appeared in any inventory.',
  'A clear owner for each vendor relationship prevented most of the surprises.',
  'Decisions that cannot wait until the next meeting should be flagged as urgent items.',
  'The firm now reviews its provider list at every second governance meeting.',
  'Without a record of the original quote, the team had no basis to dispute the invoice.',
  'Most notices are sent by e-mail to an address nobody monitors.',
  'Renewal clauses that extend the term automatically are common in telecom and security contracts.',
  'The committee approved the proposal on the condition that exit costs be capped.',
  'A written handover at the end of a mandate saves the next adviser weeks of reconstruction.',
  'Price increases above inflation are negotiable more often than customers assume.',
  'The project was split into two phases so that the budget could be approved in separate years.',
  'Security questionnaires from insurers now run to more than forty questions.',
  'Several clinics said the audit cost more than the equipment it reviewed.',
  'Cloud backup pricing usually combines a per-seat fee with a charge for storage above a threshold.',
];

export const DOCS_SENTENCES = [
  'This page explains how to {task} from the administration console or the command line.',
  'You need the Administrator role to change these settings.',
  'Changes take effect within five minutes and apply to every device in the policy group.',
  'If the option is greyed out, check that your subscription includes the feature.',
  'Retention is counted from the date of the last successful backup, not from the date of creation.',
  'The agent reports its status every sixty seconds; a device that misses three reports is marked offline.',
  'Use a service account rather than a personal account so that access survives staff changes.',
  'Keys older than ninety days are flagged in the security report.',
  'The export contains one row per user and per day, in UTC.',
  'Rules are evaluated from top to bottom and the first match wins.',
  'A restore to the original location overwrites newer versions of the same files.',
  'To restore to a different location, choose Browse and select an empty folder.',
  'Jobs that fail three times in a row send an alert to the contacts on the account.',
  'Storage above the included quota is billed per gigabyte at the end of the month.',
  'The identity provider must send the user principal name as the NameID.',
  'Maintenance windows are set in the time zone of the site, not of the administrator.',
  'Version 4 removes the legacy polling API; move to webhooks before upgrading.',
  'Bandwidth throttling applies only during business hours as defined in the site settings.',
  'Deleted items are kept for thirty days before they are purged permanently.',
  'Each trunk supports up to {n} simultaneous channels depending on your plan.',
];

export const DOCS_TASKS = [
  'configure retention',
  'restore data',
  'manage keys',
  'set up the integration',
  'export reports',
];

export const FORUM_SENTENCES = [
  'Same problem here since the update last Tuesday.',
  'Have you checked the agent log? It usually says which volume it choked on.',
  'We opened a ticket with {vendor} and they said a fix is coming in the next release.',
  'Rolling back to the previous version fixed it for us, but that is not a long-term answer.',
  'Can you post the exact error message from the job history?',
  'It turned out to be the antivirus locking the snapshot files.',
  'Check the MTU on the VPN tunnel, we had the same symptoms with 1500.',
  'Our MSP quoted {price} to fix it, which seems steep for a configuration change.',
  'Marking this as solved, thanks everyone for the help.',
  'I would not trust a restore that has never been tested end to end.',
  'We moved to a different provider after the second price increase in a year.',
  'Did you try re-registering the device in the console?',
  'The release notes mention a known issue with encrypted volumes.',
  'Support told us to wait for the hotfix and disable the scheduled job until then.',
  'In our case the certificate had expired on the appliance.',
  'Following, we are seeing this on {n} sites.',
  'This worked for me: stop the service, clear the cache folder, start it again.',
  'Honestly the contract terms are the bigger issue than the technical one.',
  'We document every vendor change in a decision log so the board can see why.',
  'Update: the vendor confirmed it is a bug on their side.',
];

export const COMMENT_SENTENCES = [
  'Great article, this matches what we saw at our last renewal.',
  'I disagree with the point about three-year terms, they saved us a lot.',
  'Would love a follow-up on how to negotiate with telecom providers.',
  'We learned this the hard way when our backup contract auto-renewed.',
  'Thanks for sharing, forwarding this to our finance team.',
  'The part about uptime credits is so true, nobody claims them.',
  'Does anyone have a template for the one-page contract summary?',
  'Our insurer asked for restore tests last year too.',
];

export const TERMS_SENTENCES = [
  'The Initial Term begins on the Effective Date and continues for {n} months.',
  'This Agreement renews automatically for successive twelve-month terms unless either party gives written notice of non-renewal at least sixty days before the end of the then-current term.',
  'Fees are invoiced annually in advance and are payable within thirty days of the invoice date.',
  'Provider may increase the Fees at renewal by giving Customer at least ninety days of written notice.',
  "Provider's total liability under this Agreement shall not exceed the Fees paid in the twelve months preceding the claim.",
  'Either party may terminate this Agreement for material breach that remains uncured thirty days after written notice.',
  'Customer Data remains the property of Customer and will be returned or deleted within thirty days of termination.',
  'Service credits are the sole remedy for failure to meet the Service Level Agreement.',
  'Provider will notify Customer of any security incident affecting Customer Data within seventy-two hours.',
  'Neither party may assign this Agreement without the prior written consent of the other party.',
  'This Agreement is governed by the laws of the Province of Ontario.',
  'Scheduled maintenance is excluded from availability calculations when announced at least five days in advance.',
];

export const RENEWAL_SENTENCES = [
  'Your subscription to {product} is due for renewal on {date}.',
  'No action is needed if you wish to continue: the renewal will be processed automatically.',
  'From the next term, the price per unit will change as shown below.',
  'To change the quantity or cancel, contact your account manager at least thirty days before the renewal date.',
  'The new pricing reflects increased infrastructure and support costs.',
  'Customers who renew for three years before {date} keep their current unit price.',
  'Your current contract number and billing contact are listed below for reference.',
  'Thank you for choosing {vendor}. We look forward to continuing to support {client}.',
];

export const PRICING_FEATURES = [
  'Daily backups with 30-day retention', 'Unlimited restores', '24/7 phone support', 'Named account manager',
  'Monthly uptime report', 'Ransomware detection', 'Offsite replication', 'Single sign-on', 'Audit log export',
  'Priority response within 1 hour', 'Quarterly business review', 'Onboarding assistance',
]; // prettier-ignore

export const FAQ = [
  ['Can I change plans later?', 'Yes. Upgrades apply immediately and downgrades take effect at the next renewal.'],
  [
    'Is there a minimum term?',
    'Monthly plans have no minimum term; annual plans are billed for twelve months in advance.',
  ],
  [
    'What happens if I exceed my storage?',
    'Storage above the plan quota is billed per gigabyte at the end of the month.',
  ],
  ['Do you offer discounts for non-profits?', 'Registered charities receive fifteen per cent off any annual plan.'],
  ['How do I cancel?', 'Give written notice to your account manager at least thirty days before the renewal date.'],
];
