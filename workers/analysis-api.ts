import type { FieldbookDatabase } from '../src/db/database';
import { countUnsyncedRevisions } from '../src/db/outbox';
import type { StoredCallbackDraw } from '../src/db/database';
import type { ChangedKeys } from '../src/db/changed-tables';
import { formatLocalDate } from '../src/domain/dates';
import type { TargetGroup } from '../src/domain/targets';
import type { AssistanceAnalysis, CallbackRow } from './assistance-analysis';
import type { PeopleSearch, PersonRow } from './people-search';
import type { ReportFile, ReportRequest } from './reports';
import type { FindingRow, FindingsFilter, FindingsSummary, OwedFilter, OwedList, ProgressDashboard, ProgressSeries, RecordAnalysis } from './record-analysis';
import type { LoadProgress, RecordModel } from './record-model';

export type { CallbackRow } from './assistance-analysis';
export type { PersonRow } from './people-search';
export type { ReportFile, ReportHeader, ReportRequest } from './reports';
export type { FindingRow, FindingsFilter, FindingsSummary, GroupProgress, OwedList, ProgressDashboard, ProgressSeries, UnitProgress } from './record-analysis';
export type { LoadProgress } from './record-model';

/** The size of the data in the worker's memory and how long it took to get there. */
export interface ModelStats {
  households: number;
  people: number;
  events: number;
  /** Reading every record out of IndexedDB. */
  loadMs: number;
  /** Checking every record and summing up, the first time. */
  analysisMs: number;
  /** The last incremental update after a change. */
  lastUpdateMs: number;
}

/** The figures on the home screen. */
export interface OverviewCounts {
  households: number;
  people: number;
  /** People whose survey has a 调查时间. */
  surveyed: number;
  /** Revisions not yet accepted by the receiver. */
  pendingSync: number;
}

/**
 * The analysis API, grouped by area. The worker exposes it through comlink; the UI reaches it
 * only through `workers/client.ts`. Every call reads the database itself, so no records are
 * shipped through postMessage.
 */
export interface AnalysisApi {
  model: {
    /**
     * Reads every record into the worker's memory, once; later calls wait for the same load.
     * Every other whole-data-set question waits for it too, so the UI calls this first to show
     * progress.
     */
    load(onProgress?: (progress: LoadProgress) => void): Promise<ModelStats>;
    /**
     * Changes the UI has seen (Dexie's notice, as keys), so the next answer — a figure, a search
     * or a page of a list — includes them.
     */
    noteChanges(changed: ChangedKeys): Promise<void>;
    /** Runs every check on every record again, as on a 设置 change or a new day; returns how long it took (ms). */
    recompute(): Promise<number>;
    stats(): Promise<ModelStats>;
  };
  findings: {
    /** 疑点 counts by check and by village. */
    summary(): Promise<FindingsSummary>;
    /** One page of 疑点, by township, village, level and name. */
    list(filter: FindingsFilter, offset: number, limit: number): Promise<{ rows: FindingRow[]; total: number }>;
    /** The 疑点 of one person or household (duplicates across the data set included). */
    of(kind: 'person' | 'household', id: string): Promise<FindingRow[]>;
  };
  progress: {
    /** 转移就业 against targets and milestones for every township and village, this year up to today. */
    dashboard(year: number): Promise<ProgressDashboard>;
    /** Weekly cumulative counts for the chart; no township means everyone. */
    series(year: number, group: TargetGroup, unit: { township?: string; village?: string }): Promise<ProgressSeries>;
  };
  overview: {
    /** Counts of households, people and surveyed people on this phone. */
    counts(): Promise<OverviewCounts>;
  };
  search: {
    /**
     * People matching a name, pinyin (initials or full, in any reading of a character that has
     * several), ID or phone fragment or household number, best first, at most `limit` (50). An
     * empty query finds no one: `list` pages through everyone.
     */
    people(query: string, limit?: number): Promise<PersonRow[]>;
    /**
     * One page of everyone (or of one village's people) by village and name, how many that is
     * in all, and every village; a screen asks for the rows it shows, a few hundred at a time.
     */
    list(filter: { village?: string }, offset: number, limit: number): Promise<{ rows: PersonRow[]; total: number; villages: string[] }>;
    /** The ids of everyone in the filter, in list order (「全选本村」). */
    ids(filter: { village?: string }): Promise<string[]>;
  };
  services: {
    /**
     * 「待帮扶」: everyone still owed part of the package, nearest deadline first, optionally
     * filtered; at most `limit` rows travel back (a county office may owe tens of thousands).
     */
    owed(filter?: OwedFilter, limit?: number, offset?: number): Promise<OwedList>;
  };
  callbacks: {
    /** Draws and stores a new 电话回访 sample with this seed (same seed and data → same sample). */
    draw(seed: string): Promise<StoredCallbackDraw>;
    /** The latest draw and, for each person in it, whether the call is recorded. */
    latest(): Promise<{ draw: StoredCallbackDraw; rows: CallbackRow[] } | null>;
  };
  reports: {
    /**
     * An official workbook (明细表 附件2-1, 汇总表 附件2-2, 月报表 附件1) built from every record
     * on the phone, as .xlsx bytes transferred back (not copied) with a Chinese file name. The
     * Excel code loads on first use, inside the worker.
     */
    build(request: ReportRequest): Promise<ReportFile>;
  };
}

export function createAnalysisApi(db: FieldbookDatabase, today: () => string = () => formatLocalDate(new Date())): AnalysisApi {
  // Set once the model is in memory: from then on the home counts come from it, not IndexedDB.
  let inMemory: RecordModel | undefined;
  let loaded: Promise<{ model: RecordModel; analysis: RecordAnalysis; timings: Pick<ModelStats, 'loadMs' | 'analysisMs'> }> | undefined;
  const progressListeners = new Set<(progress: LoadProgress) => void>();
  // The model and its checks carry the record schemas and rules: a chunk of their own, so the
  // worker's first chunk (part of the first screen's budget) stays small.
  const loadModel = () =>
    (loaded ??= (async () => {
      const [{ RecordModel }, { RecordAnalysis }] = await Promise.all([import('./record-model'), import('./record-analysis')]);
      const started = performance.now();
      const model = await RecordModel.load(db, (progress) => progressListeners.forEach((listener) => listener(progress)));
      const loadMs = performance.now() - started;
      const analysis = new RecordAnalysis(model, today);
      inMemory = model;
      return { model, analysis, timings: { loadMs, analysisMs: analysis.lastUpdateMs } };
    })().catch((error: unknown) => {
      // Let the next question try again rather than fail for the rest of the session.
      loaded = undefined;
      throw error;
    }));
  const ready = async () => {
    const state = await loadModel();
    await state.model.settled();
    return state;
  };
  const statsOf = ({ model, analysis, timings }: Awaited<ReturnType<typeof ready>>): ModelStats => ({
    households: model.households.size,
    people: model.people.size,
    events: model.eventCount,
    ...timings,
    lastUpdateMs: analysis.lastUpdateMs,
  });

  // The home screen needs only counts; search brings the pinyin dictionary, so it loads on first use.
  let peopleSearch: Promise<PeopleSearch> | undefined;
  const loadPeopleSearch = () => (peopleSearch ??= import('./people-search').then((module) => module.createPeopleSearch(db)));
  let assistance: Promise<AssistanceAnalysis> | undefined;
  const loadAssistance = () => (assistance ??= import('./assistance-analysis').then((module) => module.createAssistanceAnalysis(db, async () => (await ready()).model)));

  return {
    model: {
      async load(onProgress) {
        if (onProgress) progressListeners.add(onProgress);
        try {
          return statsOf(await ready());
        } finally {
          if (onProgress) progressListeners.delete(onProgress);
        }
      },
      async noteChanges(changed) {
        // People search keeps an index of its own (it answers before the model is loaded); before
        // either is first used there is nothing to bring up to date.
        if (peopleSearch) (await peopleSearch).noteChanges(changed);
        if (loaded) await (await loaded).model.apply(changed);
      },
      async recompute() {
        const { analysis } = await ready();
        analysis.recomputeAll();
        return analysis.lastUpdateMs;
      },
      async stats() {
        return statsOf(await ready());
      },
    },
    findings: {
      async summary() {
        return (await ready()).analysis.findingsSummary();
      },
      async list(filter, offset, limit) {
        return (await ready()).analysis.findingsList(filter, offset, limit);
      },
      async of(kind, id) {
        return (await ready()).analysis.findingsOf(kind, id);
      },
    },
    progress: {
      async dashboard(year) {
        return (await ready()).analysis.dashboard(year);
      },
      async series(year, group, unit) {
        return (await ready()).analysis.series(year, group, unit);
      },
    },
    overview: {
      async counts() {
        // IndexedDB's count() walks the whole table (about a second for 100,000 people), so once
        // the model is loaded the counts are its own; before that (just after a start) IndexedDB's.
        if (inMemory) {
          const model = inMemory;
          await model.settled();
          return { households: model.households.size, people: model.people.size, surveyed: model.surveyedPeople, pendingSync: await countUnsyncedRevisions(db) };
        }
        return db.transaction('r', [db.households, db.people, db.outbox], async (tx) => {
          const [households, people, surveyed, pendingSync] = await Promise.all([
            db.households.count(),
            db.people.count(),
            db.people.where('surveyedAt').above('').count(),
            countUnsyncedRevisions(tx),
          ]);
          return { households, people, surveyed, pendingSync };
        });
      },
    },
    search: {
      async people(query, limit = 50) {
        return (await loadPeopleSearch()).people(query, limit);
      },
      async list(filter, offset, limit) {
        return (await loadPeopleSearch()).list(filter, offset, limit);
      },
      async ids(filter) {
        return (await loadPeopleSearch()).ids(filter);
      },
    },
    services: {
      async owed(filter = {}, limit = Infinity, offset = 0) {
        return (await ready()).analysis.owedList(filter, limit, offset);
      },
    },
    callbacks: {
      async draw(seed) {
        return (await loadAssistance()).drawCallbacks(seed);
      },
      async latest() {
        return (await loadAssistance()).latestCallbacks();
      },
    },
    reports: {
      async build(request) {
        const { buildReport } = await import('./reports');
        return buildReport(db, request);
      },
    },
  };
}
