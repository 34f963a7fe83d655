import { hasIntentionRow, hasNoIntentionRow, isEmployedRow, type LedgerRow } from './ledger-row';
import { REGION_BUCKET_SETS } from './region-buckets';
import { LABOUR_ABILITIES, NO_INTENTION_REASONS } from './survey-options';

/**
 * The 23 figures of one row of the summary table 柳州市脱贫家庭劳动力就业帮扶汇总表
 * (seed 000 附件2-2), defined in CONTRACTS「fieldbook summary」. Each is a plain count (or sum)
 * of what the detail rows say, contradictions included: the summary reports, the checks judge.
 */
export interface SummaryFigures {
  /** 劳动力总人数: every detail row. */
  labourers: number;
  /** 普通劳动力人数: 劳动能力情况 = 普通劳动力. */
  ordinaryLabour: number;
  /** 半劳动力、弱劳动力人数: 劳动能力情况 = 半劳动力 or 弱劳动力. */
  partialLabour: number;
  /** 无劳动力、丧失劳动力人数: 劳动能力情况 = 无劳动力 or 丧失劳动力. */
  noLabour: number;
  /** 监测对象人数: 是否监测对象 = 是. */
  monitored: number;
  /** 年内累计就业6个月以上人数: 年内累计就业时长（月） ≥ 6. */
  stablyEmployed: number;
  /** 就业 小计: 就业区域 given, whatever its value. */
  employed: number;
  /** 就业区域 = 广东. */
  employedGuangdong: number;
  /** 就业区域 = 非广东区外. */
  employedOutsideRegion: number;
  /** 就业区域 = 区内市外. */
  employedInRegionOutsideCity: number;
  /** 就业区域 = 市内县外. */
  employedInCityOutsideCounty: number;
  /** 就业区域 = 县内. */
  employedInCounty: number;
  /** 有就业意愿人数: any of 就业意向 / 就业意向单位性质 / 薪酬期望值 / 近期打算 given. */
  withIntention: number;
  /** 无就业意向 小计: 无就业意向原因 given, whatever its value. */
  withoutIntention: number;
  /** 无就业意向原因 = 升学. */
  noIntentionStudying: number;
  /** 无就业意向原因 = 重病. */
  noIntentionIllness: number;
  /** 无就业意向原因 = 照顾家庭. */
  noIntentionFamilyCare: number;
  /** 无就业意向原因 = 务农. */
  noIntentionFarming: number;
  /** 无就业意向原因 = 其他, or any reason outside the option list. */
  noIntentionOther: number;
  /** 职业指导服务人次: sum of 职业指导服务次数. */
  guidanceSessions: number;
  /** 一对一岗位推介人次: sum of 一对一岗位推介次数. */
  referralSessions: number;
  /** 参加就业见习人数: 是否参加就业见习 = 是. */
  internships: number;
  /** 参加技能培训人数: 是否参加技能培训 = 是. */
  trainees: number;
}

export type SummaryFigureKey = keyof SummaryFigures;

export interface SummaryColumn {
  key: SummaryFigureKey;
  /** The column's own header cell (lowest header row) as 附件2-2 words it. */
  label: string;
  /** The top header row's merged cell above it, if any. */
  group?: string;
  /** The middle header row's merged cell above it, if any. */
  subgroup?: string;
}

/** The 23 figure columns of 附件2-2 in sheet order (after 序号 and 县（区）, before 备注). */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: 'labourers', label: '劳动力总人数', group: '劳动力情况' },
  { key: 'ordinaryLabour', label: '普通劳动力人数', group: '劳动力情况', subgroup: '劳动能力情况' },
  { key: 'partialLabour', label: '半劳动力、弱劳动力人数', group: '劳动力情况', subgroup: '劳动能力情况' },
  { key: 'noLabour', label: '无劳动力、丧失劳动力人数', group: '劳动力情况', subgroup: '劳动能力情况' },
  { key: 'monitored', label: '监测对象人数', group: '劳动力情况' },
  { key: 'stablyEmployed', label: '年内累计就业6个月以上人数' },
  { key: 'employed', label: '小计', group: '就业情况' },
  { key: 'employedGuangdong', label: '广东', group: '就业情况' },
  { key: 'employedOutsideRegion', label: '非广东区外', group: '就业情况' },
  { key: 'employedInRegionOutsideCity', label: '区内市外', group: '就业情况' },
  { key: 'employedInCityOutsideCounty', label: '市内县外', group: '就业情况' },
  { key: 'employedInCounty', label: '县内', group: '就业情况' },
  { key: 'withIntention', label: '有就业意愿人数', group: '未就业情况' },
  { key: 'withoutIntention', label: '小计', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'noIntentionStudying', label: '升学', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'noIntentionIllness', label: '重病', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'noIntentionFamilyCare', label: '照顾家庭', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'noIntentionFarming', label: '务农', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'noIntentionOther', label: '其他', group: '未就业情况', subgroup: '无就业意向' },
  { key: 'guidanceSessions', label: '职业指导服务人次', group: '就业帮扶情况' },
  { key: 'referralSessions', label: '一对一岗位推介人次', group: '就业帮扶情况' },
  { key: 'internships', label: '参加就业见习人数', group: '就业帮扶情况' },
  { key: 'trainees', label: '参加技能培训人数', group: '就业帮扶情况' },
];

export type SummaryLevel = '县' | '乡' | '村';

export interface SummaryGroup {
  /** The group's own name: the county, township or village cell. */
  name: string;
  county: string;
  /** Set when grouping by 乡 or 村. */
  township?: string;
  /** Set when grouping by 村. */
  village?: string;
  figures: SummaryFigures;
}

export interface LedgerSummary {
  /** The 合计 row: all rows, equal to the sum of the groups. */
  total: SummaryFigures;
  groups: SummaryGroup[];
}

/** 附件2-2's region columns are the Guangxi buckets whatever region set the app is configured with. */
const REGION_KEYS: ReadonlyMap<string, SummaryFigureKey> = tableOf({
  广东: 'employedGuangdong',
  非广东区外: 'employedOutsideRegion',
  区内市外: 'employedInRegionOutsideCity',
  市内县外: 'employedInCityOutsideCounty',
  县内: 'employedInCounty',
} satisfies Record<(typeof REGION_BUCKET_SETS.guangxi.buckets)[number], SummaryFigureKey>);

const REASON_KEYS: ReadonlyMap<string, SummaryFigureKey> = tableOf({
  升学: 'noIntentionStudying',
  重病: 'noIntentionIllness',
  照顾家庭: 'noIntentionFamilyCare',
  务农: 'noIntentionFarming',
  其他: 'noIntentionOther',
} satisfies Record<(typeof NO_INTENTION_REASONS)[number], SummaryFigureKey>);

const LABOUR_KEYS: ReadonlyMap<string, SummaryFigureKey> = tableOf({
  普通劳动力: 'ordinaryLabour',
  半劳动力: 'partialLabour',
  弱劳动力: 'partialLabour',
  无劳动力: 'noLabour',
  丧失劳动力: 'noLabour',
} satisfies Record<(typeof LABOUR_ABILITIES)[number], SummaryFigureKey>);

/** A Map, so that a cell such as 'constructor' finds nothing rather than Object.prototype's. */
function tableOf(table: Record<string, SummaryFigureKey>): ReadonlyMap<string, SummaryFigureKey> {
  return new Map(Object.entries(table));
}

/** Every figure 0. */
export function emptyFigures(): SummaryFigures {
  return {
    labourers: 0,
    ordinaryLabour: 0,
    partialLabour: 0,
    noLabour: 0,
    monitored: 0,
    stablyEmployed: 0,
    employed: 0,
    employedGuangdong: 0,
    employedOutsideRegion: 0,
    employedInRegionOutsideCity: 0,
    employedInCityOutsideCounty: 0,
    employedInCounty: 0,
    withIntention: 0,
    withoutIntention: 0,
    noIntentionStudying: 0,
    noIntentionIllness: 0,
    noIntentionFamilyCare: 0,
    noIntentionFarming: 0,
    noIntentionOther: 0,
    guidanceSessions: 0,
    referralSessions: 0,
    internships: 0,
    trainees: 0,
  };
}

/** The 23 figures in sheet order, as a summary row's cells. */
export function toFigureArray(figures: SummaryFigures): number[] {
  return SUMMARY_COLUMNS.map((c) => figures[c.key]);
}

/**
 * The 汇总表 from detail rows: a 合计 and one group per distinct 县, 乡 (within its 县) or 村
 * (within its 乡 and 县). Groups come in order of first appearance, as the office typed its
 * ledger and as 附件2-2 lists counties (融水县 before 三江县): zh-CN collation would reorder
 * them against the paper. A blank name is a group of its own, named ''.
 */
export function summarizeLedger(rows: readonly LedgerRow[], by: SummaryLevel): LedgerSummary {
  const total = emptyFigures();
  const groups = new Map<string, SummaryGroup>();
  for (const row of rows) {
    const county = row.county.trim();
    const township = row.township.trim();
    const village = row.village.trim();
    const place = by === '县' ? [county] : by === '乡' ? [county, township] : [county, township, village];
    const key = JSON.stringify(place);
    let group = groups.get(key);
    if (!group) {
      group = { name: place[place.length - 1]!, county, figures: emptyFigures() };
      if (by !== '县') group.township = township;
      if (by === '村') group.village = village;
      groups.set(key, group);
    }
    addRow(group.figures, row);
    addRow(total, row);
  }
  return { total, groups: [...groups.values()] };
}

function addRow(figures: SummaryFigures, row: LedgerRow): void {
  figures.labourers += 1;

  const labourKey = LABOUR_KEYS.get(row.labourAbility.trim());
  if (labourKey) figures[labourKey] += 1;
  if (isYes(row.monitored)) figures.monitored += 1;

  const months = parseNumber(row.monthsEmployed);
  if (months !== undefined && months >= 6) figures.stablyEmployed += 1;

  // A region outside the five buckets still makes the person employed: it counts in 小计 only,
  // so 小计 can exceed the sum of the buckets, and value.unknown points at the row.
  if (isEmployedRow(row)) {
    figures.employed += 1;
    const regionKey = REGION_KEYS.get(row.employmentRegion.trim());
    if (regionKey) figures[regionKey] += 1;
  }

  if (hasIntentionRow(row)) figures.withIntention += 1;

  // Unlike regions, the reasons have a catch-all 其他, and a reason outside the list is some other
  // reason: it counts in 其他 too, so the reason columns always add up to 小计.
  if (hasNoIntentionRow(row)) {
    figures.withoutIntention += 1;
    figures[REASON_KEYS.get(row.noIntentionReason.trim()) ?? 'noIntentionOther'] += 1;
  }

  figures.guidanceSessions += parseNumber(row.guidanceCount) ?? 0;
  figures.referralSessions += parseNumber(row.referralCount) ?? 0;
  if (isYes(row.internship)) figures.internships += 1;
  if (isYes(row.training)) figures.trainees += 1;
}

function isYes(cell: string): boolean {
  return cell.trim() === '是';
}

/**
 * The number a cell starts with, tolerating full-width digits and a trailing unit
 * (「6个月」「６」「2次」); undefined when it does not start with one.
 */
function parseNumber(cell: string): number | undefined {
  const ascii = cell.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const match = /^\d+(?:\.\d+)?/.exec(ascii);
  return match ? Number(match[0]) : undefined;
}
