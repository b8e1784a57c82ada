/**
 * The header labels webmail prints before people ("From:", "À :", "Cci :"), in the languages the adapters have
 * seen. Bcc is listed apart from cc: French "Cci", Spanish "CCO" and Italian "Ccn" are blind copies.
 */
export type HeaderField = 'from' | 'to' | 'cc' | 'bcc';

const WORDS: Record<HeaderField, string> = {
  from: 'from|de|von|da|van|från|fra|od|от|发件人|差出人',
  to: 'to|à|a|an|para|aan|til|till|do|кому|收件人|宛先',
  cc: 'cc|kopie|копия|抄送',
  bcc: 'bcc|cci|cco|ccn|bkopie|blindkopie|скрытая копия|密送',
};

/** "From:" at the start of a label such as an aria-label ("De : Julie Tremblay"). */
export const LABEL_PREFIX: Record<HeaderField, RegExp> = {
  from: new RegExp(`^\\s*(${WORDS.from})\\s*[:：]\\s*`, 'i'),
  to: new RegExp(`^\\s*(${WORDS.to})\\s*[:：]\\s*`, 'i'),
  cc: new RegExp(`^\\s*(${WORDS.cc})\\s*[:：]\\s*`, 'i'),
  bcc: new RegExp(`^\\s*(${WORDS.bcc})\\s*[:：]\\s*`, 'i'),
};

/** Which field a whole label cell names ("cc:", "Bcc", "cci :"), or null. */
export function fieldOfLabel(text: string): HeaderField | null {
  const t = text.trim();
  for (const field of ['from', 'to', 'cc', 'bcc'] as const) {
    if (new RegExp(`^(${WORDS[field]})\\s*[:：]?$`, 'i').test(t)) return field;
  }
  return null;
}
