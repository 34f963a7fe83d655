import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { AssistanceEventSchema } from '../src/domain/assistance-event';
import { HouseholdSchema } from '../src/domain/household';
import { PersonSchema } from '../src/domain/person';
import type { Revision } from '../src/domain/revision';
import { revisionError, type RevisionError } from './problems';
import type { Location } from './scope';

/**
 * Where a valid revision gets its location from: a household carries it, a person takes its
 * household's, an event its person's.
 */
export type RevisionLink =
  | { kind: 'located'; location: Location }
  | { kind: 'child-of'; parentKind: 'household' | 'person'; parentId: string };

export type RevisionCheck = { ok: true; link: RevisionLink } | { ok: false; error: RevisionError };

const zodChinese = zhCN().localeError;

function firstIssue(error: z.ZodError): RevisionError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return revisionError('record.invalid', path ? `${path}：${issue.message}` : issue.message, path);
}

/**
 * Checks a revision's `data` against its kind's schema from src/domain (the same one the
 * phone's form uses), with zod's Chinese messages where the schema has none of its own.
 */
export function checkRevision(revision: Revision): RevisionCheck {
  if (revision.data.id !== revision.id) {
    return { ok: false, error: revisionError('record.invalid', 'data.id 与修订的 id 不一致', 'id') };
  }
  switch (revision.kind) {
    case 'household': {
      const parsed = HouseholdSchema.safeParse(revision.data, { error: zodChinese });
      if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
      const { county, township, village } = parsed.data;
      return { ok: true, link: { kind: 'located', location: { county, township, village } } };
    }
    case 'person': {
      const parsed = PersonSchema.safeParse(revision.data, { error: zodChinese });
      if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
      return { ok: true, link: { kind: 'child-of', parentKind: 'household', parentId: parsed.data.householdId } };
    }
    case 'event': {
      const parsed = AssistanceEventSchema.safeParse(revision.data, { error: zodChinese });
      if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
      return { ok: true, link: { kind: 'child-of', parentKind: 'person', parentId: parsed.data.personId } };
    }
  }
}

/** The Chinese reason a person or event cannot be placed: its parent is not on the receiver. */
export function unknownParentError(link: Extract<RevisionLink, { kind: 'child-of' }>): RevisionError {
  return link.parentKind === 'household'
    ? revisionError('scope.unknown_parent', '接收端没有该人员所属的户，请先同步户信息', 'householdId')
    : revisionError('scope.unknown_parent', '接收端没有该服务记录所属的人员，请先同步人员信息', 'personId');
}
