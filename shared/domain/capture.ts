import { z } from 'zod';
import { Id, Instant } from './common';
import { CaptureImage } from './image';
import { MAX_IMAGES_PER_CAPTURE } from './image-limits';

export const CaptureKind = z.enum(['page', 'selection', 'email', 'pdf', 'file']);
export type CaptureKind = z.infer<typeof CaptureKind>;

export const Mailbox = z.object({ name: z.string().max(300).default(''), address: z.string().max(320) });
export type Mailbox = z.infer<typeof Mailbox>;

export const EmailHeaders = z.object({
  subject: z.string().max(2000),
  from: Mailbox.nullable(),
  to: z.array(Mailbox),
  cc: z.array(Mailbox).default([]),
  /** Only known when the page shows it: Gmail's header details list bcc on messages the account sent. */
  bcc: z.array(Mailbox).default([]),
  /** Absolute instant the message was sent, never "2 hours ago". Null when the page gave no usable date. */
  date: Instant.nullable(),
  messageId: z.string().max(1000).nullable(),
  threadId: z.string().max(1000).nullable(),
  attachments: z.array(z.object({ name: z.string().max(500), size: z.string().max(50).nullable().default(null) })),
  /** Which webmail or file it came from. */
  provider: z.enum(['gmail', 'outlook', 'eml']),
});
export type EmailHeaders = z.infer<typeof EmailHeaders>;

export const CaptureSource = z.object({
  url: z.string().max(8000).nullable(),
  title: z.string().max(2000),
  /** Host name or site name, for display (`portal.acme-cloud.com`). */
  site: z.string().max(300),
});

/** What an extractor produces: everything but where it is filed and who clipped it. */
export const CaptureDraft = z.object({
  kind: CaptureKind,
  source: CaptureSource,
  /** The content as Markdown. Untrusted: render only sanitised. */
  markdown: z.string(),
  excerpt: z.string().max(1000),
  email: EmailHeaders.nullable().default(null),
  pdf: z.object({ pageCount: z.number().int().nonnegative() }).nullable().default(null),
  file: z
    .object({ name: z.string().max(500), type: z.string().max(200), size: z.number().int().nonnegative() })
    .nullable()
    .default(null),
  /** Extraction notes for the user, e.g. "article extraction failed; full page kept". */
  warnings: z.array(z.string()).default([]),
  /**
   * Images kept with the capture (see image.ts). Absent rather than empty when there are none, so captures made
   * before images were kept, and those without any, read and export the same.
   */
  images: z
    .array(CaptureImage)
    .max(MAX_IMAGES_PER_CAPTURE + 1)
    .optional(),
});
export type CaptureDraft = z.infer<typeof CaptureDraft>;

export const Capture = CaptureDraft.extend({
  id: Id,
  itemId: Id,
  clientId: Id,
  /** SHA-256 (hex) of the Markdown. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Normalised source URL, for duplicate detection. */
  urlKey: z.string().nullable(),
  capturedAt: Instant,
  capturedBy: z.string().min(1),
  /**
   * The earlier capture of the same page or message on the same item that this one is a newer version of. Evidence
   * is never rewritten: a re-capture is a new capture naming the one it replaces, and both stay. Optional, not
   * defaulted: captures made before versions were named stay in stored form.
   */
  replaces: Id.nullable().optional(),
});
export type Capture = z.infer<typeof Capture>;
