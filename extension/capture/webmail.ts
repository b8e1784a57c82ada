/** Which webmail a URL belongs to, by host: the adapters' DOM hooks only make sense there. */
export type Webmail = 'gmail' | 'outlook';

const OUTLOOK_HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
]);

export function webmailOf(url: string): Webmail | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === 'mail.google.com') return 'gmail';
  if (OUTLOOK_HOSTS.has(host)) return 'outlook';
  return null;
}
