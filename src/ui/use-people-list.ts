import Dexie, { type ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRow } from '../../workers/client';
import { changedKeysOf, touchesPreferences } from '../db/changed-tables';
import { useServices } from './services';
import { forwardChanges } from './use-analysis';

/** The tables the people list and search are made of (设置 for the survey state's working age). */
const PEOPLE_TABLES = ['people', 'households', 'settings'] as const;
/** Rows asked of the worker at a time. */
const PAGE = 200;

/**
 * A number that goes up whenever people, households or the preferences change, in this tab or
 * any other. The worker hears which records changed first, on the channel the next question
 * takes, so asking again finds the change.
 */
export function usePeopleChanges(): number {
  const { analysis, db } = useServices();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onMutated = (parts: ObservabilitySet) => {
      const changed = changedKeysOf(parts, db.name, PEOPLE_TABLES);
      if (!changed.people && !changed.households && !touchesPreferences(changed)) return;
      forwardChanges(parts, analysis, db.name);
      setVersion((previous) => previous + 1);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on.storagemutated.unsubscribe(onMutated);
  }, [analysis, db]);
  return version;
}

function pagesCovering(start: number, end: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(start / PAGE); page * PAGE < Math.max(end, start + 1); page++) pages.push(page);
  return pages;
}

interface Loaded {
  /** The village and change version the pages were asked for. */
  village: string;
  version: number;
  total: number;
  villages: string[];
  pages: ReadonlyMap<number, readonly PersonRow[]>;
}

/**
 * Everyone (or one village's people), by village and name, fetched from the worker a page at a
 * time as the list scrolls: only the rows on screen cross between threads. After a change the
 * pages on screen are asked for again and replace the old ones together.
 */
export function usePeoplePages(village: string, version: number) {
  const { analysis } = useServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const asked = useRef({ village, version, pages: new Set<number>(), visible: [0, PAGE] as [number, number] });

  const fetchPages = useCallback(
    (pages: number[]) => {
      const state = asked.current;
      const { village: forVillage, version: forVersion } = state;
      pages.forEach((page) => state.pages.add(page));
      void Promise.all(pages.map((page) => analysis.search.list({ village: forVillage }, page * PAGE, PAGE))).then((answers) => {
        if (state.village !== forVillage || state.version !== forVersion) return;
        const last = answers.at(-1)!;
        setLoaded((current) => {
          const kept = current?.village === forVillage && current.version === forVersion ? current.pages : [];
          return { village: forVillage, version: forVersion, total: last.total, villages: last.villages, pages: new Map([...kept, ...pages.map((page, index) => [page, answers[index]!.rows] as const)]) };
        });
      });
    },
    [analysis],
  );

  useEffect(() => {
    const state = asked.current;
    if (state.village !== village) state.visible = [0, PAGE];
    state.village = village;
    state.version = version;
    state.pages = new Set();
    fetchPages(pagesCovering(...state.visible));
  }, [village, version, fetchPages]);

  const show = useCallback(
    (start: number, end: number) => {
      const state = asked.current;
      state.visible = [start, end];
      const missing = pagesCovering(start, end).filter((page) => !state.pages.has(page));
      if (missing.length > 0) fetchPages(missing);
    },
    [fetchPages],
  );

  // Until the new village's first answer, its list is not known; after a change, the old pages stand in.
  const current = loaded?.village === village ? loaded : null;
  const rowAt = (index: number) => current?.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  return { total: current?.total ?? null, villages: loaded?.villages ?? [], rowAt, show };
}
