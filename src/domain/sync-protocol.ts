import { z } from 'zod';
import { RevisionSchema, type Revision } from './revision';

/**
 * The sync protocol of ../shared/CONTRACTS.md: a phone POSTs batches of revisions to any HTTP
 * endpoint; a receiver may answer per revision. Shared by the phone's client and the receiver.
 */
export const SyncBatchSchema = z.object({
  batch: z.string().min(1).max(64),
  device: z.string().min(1).max(64),
  sentAt: z.iso.datetime(),
  revisions: z.array(RevisionSchema).max(5000),
});
export type SyncBatch = z.infer<typeof SyncBatchSchema>;

export const REVISION_STATUSES = ['stored', 'duplicate', 'rejected'] as const;

export const RevisionResultSchema = z.object({
  rev: z.string(),
  status: z.enum(REVISION_STATUSES),
  error: z.object({ code: z.string(), message: z.string(), path: z.string().optional() }).optional(),
});
export type RevisionResult = z.infer<typeof RevisionResultSchema>;

export const SyncResponseSchema = z.object({ results: z.array(RevisionResultSchema) });
export type SyncResponse = z.infer<typeof SyncResponseSchema>;

export const ChangesResponseSchema = z.object({
  revisions: z.array(RevisionSchema),
  cursor: z.string(),
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponseSchema>;

/** What the phone does with a receiver's answer to one batch. */
export type BatchOutcome =
  | { kind: 'accepted'; results: Map<string, RevisionResult> }
  | { kind: 'unauthorized' }
  | { kind: 'too-large' }
  | { kind: 'rejected'; message: string }
  | { kind: 'retry'; retryAfterMs?: number; message: string };

/**
 * Reads a receiver's answer per the contract: any 2xx without a results body means every
 * revision is stored; 401/403 ask for a token; 413 split; 408, 429 and 5xx retry; other 4xx
 * reject the batch as a whole.
 */
export function interpretBatchResponse(
  status: number,
  body: unknown,
  revisions: readonly Pick<Revision, 'rev'>[],
  retryAfter?: string | null,
): BatchOutcome {
  if (status >= 200 && status < 300) {
    const parsed = SyncResponseSchema.safeParse(body);
    const results = new Map<string, RevisionResult>();
    for (const { rev } of revisions) results.set(rev, { rev, status: 'stored' });
    if (parsed.success) for (const result of parsed.data.results) if (results.has(result.rev)) results.set(result.rev, result);
    return { kind: 'accepted', results };
  }
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (status === 413) return { kind: 'too-large' };
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', retryAfterMs: parseRetryAfter(retryAfter), message: `接收端暂时不可用（HTTP ${status}）` };
  }
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return { kind: 'rejected', message: typeof message === 'string' ? message : `接收端拒绝了这批数据（HTTP ${status}）` };
}

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: 2 s, 4 s, 8 s … capped at 5 minutes. */
export function computeBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The current version of a record among concurrent revisions: highest hybrid logical clock,
 * device id as tiebreak (the clock string ends in the device id, so text order does both).
 * Every phone and the receiver pick the same one.
 */
export function pickCurrentRevision<T extends Pick<Revision, 'hlc' | 'device'>>(revisions: readonly T[]): T | undefined {
  let current: T | undefined;
  for (const revision of revisions) {
    if (!current || revision.hlc > current.hlc || (revision.hlc === current.hlc && revision.device > current.device)) current = revision;
  }
  return current;
}
