import type { EmailHeaders, Mailbox } from '../../../shared/domain';

const names = (people: Mailbox[]) => people.map((m) => m.name || m.address).join(', ');

/**
 * "to A, B · cc C · bcc D" for an e-mail's recipients, each list only when it has people. Plain text: captured
 * content is untrusted. Records saved before bcc existed have none, so a missing list counts as empty.
 */
export function recipientsLine(email: Pick<EmailHeaders, 'to' | 'cc'> & { bcc?: Mailbox[] }): string {
  const parts: string[] = [];
  if (email.to.length > 0) parts.push(`to ${names(email.to)}`);
  if (email.cc.length > 0) parts.push(`cc ${names(email.cc)}`);
  if (email.bcc && email.bcc.length > 0) parts.push(`bcc ${names(email.bcc)}`);
  return parts.join(' · ');
}
