import { createContext, useContext } from 'react';
import type { Finding } from '../../domain/finding';

/** The findings to show at each field, keyed by field name. */
export const FindingsContext = createContext<ReadonlyMap<string, readonly Finding[]>>(new Map());

const NONE: readonly Finding[] = [];

export function useFieldFindings(field: string): readonly Finding[] {
  return useContext(FindingsContext).get(field) ?? NONE;
}
