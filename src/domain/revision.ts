import { z } from 'zod';

export const RECORD_KINDS = ['household', 'person', 'event'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * One version of one record as it travels from phone to receiver (../shared/CONTRACTS.md,
 * 同步协议). `data` is validated against the record kind's own schema where it is applied.
 */
export const RevisionSchema = z.object({
  rev: z.string().min(1).max(64),
  parent: z.string().min(1).max(64).nullable(),
  kind: z.enum(RECORD_KINDS),
  id: z.string().min(1).max(64),
  hlc: z.string().min(1).max(128),
  device: z.string().min(1).max(64),
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

export type Revision = z.infer<typeof RevisionSchema>;
