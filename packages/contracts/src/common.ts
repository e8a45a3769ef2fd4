/** Wire shapes shared by every slice: dates, the error envelope, pages and the page label. */
import { z } from 'zod';

export const IsoDate = z.iso.date();
export const Uuid = z.uuid();
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');
export const Decimal = z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'a decimal amount such as 1250.00');

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** The page high-water mark: the banner for everything the response carries. */
export const PageLabel = z.object({ banner: z.string(), colour: z.string(), textColour: z.string() });
export type PageLabel = z.infer<typeof PageLabel>;

/** Every successful response is `{ data, meta }`. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ data, meta: z.object({ pageLabel: PageLabel }) });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
    /** Opaque, signed, bound to the subject, route and filters; valid 15 minutes (ACCESS.md §5.7). */
    nextCursor: z.string().nullable().optional(),
  });

/** A label as a user chooses it in a form; the server canonicalises it. */
export const LabelInput = z.object({
  level: z.string().min(1),
  restrictive: z.array(z.string()).default([]),
  releasableTo: z.array(z.string().min(2)).min(1, 'release to at least one nation or group'),
  handling: z.array(z.string()).default([]),
});
export type LabelInput = z.infer<typeof LabelInput>;

/** A record's marking as shown beside it. */
export const Marking = z.object({ labelId: Uuid, portion: z.string() });
