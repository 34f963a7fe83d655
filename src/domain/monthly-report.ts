import { activeServices, type AssistanceEvent, type ServiceEvent, type ServiceType } from './assistance-event';
import type { Household } from './household';
import type { Person } from './person';
import { isAtWork } from './person-rules';

/**
 * The figures of 河源市就业技能精准扶贫组织化程度工作月报表 (seed 002 附件1) for each month
 * of a year and the period's 累计, from the app's records. Every definition, and where the
 * records can only approximate the paper's meaning, is written down in docs/monthly-report.md.
 */
export interface MonthlyFigures {
  /** 与扶贫办核对建档人数: month — first recorded in the month; 累计 — on record at the period's end. */
  registered: number;
  /** 已上门调查人数: 调查时间 in the month (累计: in the period). */
  surveyed: number;
  /** 政策宣传人数: distinct people with a 政策宣讲 in force dated in the month. */
  informed: number;
  /** 通过举办专项招聘活动解决贫困劳动力就业人数: distinct people with a 招聘活动 marked 已录用. */
  hiredAtRecruitment: number;
  /** 建立车间数量: the app records no workshops; left for the clerk. */
  workshops: null;
  /** 车间 安置贫困劳动力就业人数: the app records no workshops; left for the clerk. */
  workshopPlacements: null;
  /** 岗位设置数: 公益性岗位 spells held at some time in the month. */
  publicPosts: number;
  /** 公益性岗位 安置贫困劳动力就业人数: distinct people holding one of those spells. */
  publicPostHolders: number;
  /** 技能培训人数: distinct people with a 技能培训 in force dated in the month. */
  skillsTrainees: number;
  /** 创业培训人数: distinct people with a 创业培训 in force dated in the month. */
  startupTrainees: number;
  /** 已就业人数: at work (外出务工 / 就近就业) at the month's end. */
  employed: number;
  /** 进行跟踪服务人数: of those, people with a 跟踪回访 in force dated in the month. */
  followedUp: number;
  /** 与扶贫部门确认更新贫困劳动力就业工作信息人数: records last updated in the month (an approximation). */
  confirmed: number;
}

export type MonthlyFigureKey = keyof MonthlyFigures;

export interface MonthlyReportColumn {
  key: MonthlyFigureKey;
  /** The 序号 row's number above the column (1–7). */
  serial: number;
  /** The group header, where the seed has one. */
  group?: string;
  /** The column's own header, as seed 002 附件1 words it. */
  label: string;
}

/** The 13 figure columns of 附件1 in sheet order, after 日期. */
export const MONTHLY_REPORT_COLUMNS: readonly MonthlyReportColumn[] = [
  { key: 'registered', serial: 1, group: '建档立卡贫困劳动力', label: '与扶贫办核对建档人数' },
  { key: 'surveyed', serial: 1, group: '建档立卡贫困劳动力', label: '已上门调查人数' },
  { key: 'informed', serial: 1, group: '建档立卡贫困劳动力', label: '政策宣传人数' },
  { key: 'hiredAtRecruitment', serial: 2, label: '通过举办专项招聘活动解决贫困劳动力就业人数' },
  { key: 'workshops', serial: 3, group: '建立乡镇（村）就业扶贫车间', label: '建立车间数量' },
  { key: 'workshopPlacements', serial: 3, group: '建立乡镇（村）就业扶贫车间', label: '安置贫困劳动力就业人数' },
  { key: 'publicPosts', serial: 4, group: '公益性岗位安置', label: '岗位设置数' },
  { key: 'publicPostHolders', serial: 4, group: '公益性岗位安置', label: '安置贫困劳动力就业人数' },
  { key: 'skillsTrainees', serial: 5, group: '培训贫困劳动力', label: '技能培训人数' },
  { key: 'startupTrainees', serial: 5, group: '培训贫困劳动力', label: '创业培训人数' },
  { key: 'employed', serial: 6, group: '已转移就业贫困劳动力跟踪服务', label: '已就业人数' },
  { key: 'followedUp', serial: 6, group: '已转移就业贫困劳动力跟踪服务', label: '进行跟踪服务人数' },
  { key: 'confirmed', serial: 7, label: '与扶贫部门确认更新贫困劳动力就业工作信息人数' },
];

export interface MonthlyReportRow {
  /** YYYY-MM */
  month: string;
  /** The 日期 cell: 2026年5月. */
  label: string;
  figures: MonthlyFigures;
}

export interface MonthlyReport {
  year: number;
  months: MonthlyReportRow[];
  /** The 累计 row over the months shown. */
  total: MonthlyFigures;
}

export interface MonthlyReportInput {
  households: readonly Household[];
  people: readonly Person[];
  events: readonly AssistanceEvent[];
}

export interface MonthlyReportOptions {
  year: number;
  /** First and last month shown, 1–12; the whole year by default. */
  fromMonth?: number;
  toMonth?: number;
  /**
   * The office's offset from UTC, for the days of the records' timestamps (createdAt,
   * updatedAt are UTC): China Standard Time, +08:00, by default.
   */
  utcOffsetMinutes?: number;
}

/** Every figure 0, the workshops empty. */
export function emptyMonthlyFigures(): MonthlyFigures {
  return {
    registered: 0,
    surveyed: 0,
    informed: 0,
    hiredAtRecruitment: 0,
    workshops: null,
    workshopPlacements: null,
    publicPosts: 0,
    publicPostHolders: 0,
    skillsTrainees: 0,
    startupTrainees: 0,
    employed: 0,
    followedUp: 0,
    confirmed: 0,
  };
}

/** Whom the 月报表 counts: members of 脱贫户 and of 监测户. */
export function isCountedHousehold(household: Pick<Household, 'povertyAlleviated' | 'monitored'>): boolean {
  return household.povertyAlleviated || household.monitored;
}

interface Period {
  from: string;
  to: string;
}

const CHINA_STANDARD_TIME = 8 * 60;

export function computeMonthlyReport(input: MonthlyReportInput, options: MonthlyReportOptions): MonthlyReport {
  const { year } = options;
  const fromMonth = options.fromMonth ?? 1;
  const toMonth = options.toMonth ?? 12;
  if (!(Number.isInteger(fromMonth) && Number.isInteger(toMonth) && fromMonth >= 1 && toMonth <= 12 && fromMonth <= toMonth)) {
    throw new RangeError(`months must run within 1–12, got ${fromMonth}–${toMonth}`);
  }
  const offsetMs = (options.utcOffsetMinutes ?? CHINA_STANDARD_TIME) * 60_000;
  const localDay = (timestamp: string) => new Date(Date.parse(timestamp) + offsetMs).toISOString().slice(0, 10);

  const countedHouseholds = new Set(input.households.filter(isCountedHousehold).map((household) => household.id));
  const people = input.people.filter((person) => countedHouseholds.has(person.householdId));
  const personIds = new Set(people.map((person) => person.id));
  const services = activeServices(input.events.filter((event) => personIds.has(event.personId)));
  const servedIn = (type: ServiceType, period: Period, also: (service: ServiceEvent) => boolean = () => true) =>
    new Set(services.filter((service) => service.type === type && within(service.date, period) && also(service)).map((service) => service.personId));

  const figuresFor = (period: Period, isTotal: boolean): MonthlyFigures => {
    const spells = people.flatMap((person) =>
      person.publicPosts.filter((spell) => spell.startDate <= period.to && (!spell.exitDate || spell.exitDate >= period.from)).map(() => person.id),
    );
    const employed = people.filter((person) => isAtWork(person) && startOfEmployment(person, localDay) <= period.to);
    const followedUp = servedIn('跟踪回访', period);
    return {
      registered: people.filter((person) => (isTotal ? localDay(person.createdAt) <= period.to : within(localDay(person.createdAt), period))).length,
      surveyed: people.filter((person) => person.surveyedAt !== undefined && within(person.surveyedAt, period)).length,
      informed: servedIn('政策宣讲', period).size,
      hiredAtRecruitment: servedIn('招聘活动', period, (service) => service.type === '招聘活动' && service.hired).size,
      workshops: null,
      workshopPlacements: null,
      publicPosts: spells.length,
      publicPostHolders: new Set(spells).size,
      skillsTrainees: servedIn('技能培训', period).size,
      startupTrainees: servedIn('创业培训', period).size,
      employed: employed.length,
      followedUp: employed.filter((person) => followedUp.has(person.id)).length,
      confirmed: people.filter((person) => within(localDay(person.updatedAt), period)).length,
    };
  };

  const months: MonthlyReportRow[] = [];
  for (let month = fromMonth; month <= toMonth; month += 1) {
    months.push({ month: `${year}-${pad2(month)}`, label: `${year}年${month}月`, figures: figuresFor(monthPeriod(year, month), false) });
  }
  const total = figuresFor({ from: monthPeriod(year, fromMonth).from, to: monthPeriod(year, toMonth).to }, true);
  return { year, months, total };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function monthPeriod(year: number, month: number): Period {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad2(month)}-01`, to: `${year}-${pad2(month)}-${pad2(lastDay)}` };
}

/** Both YYYY-MM-DD, so text order is date order. */
function within(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * The day the current job began, as far as the record says: 就业时间 when it reads as a year
 * and month (2026-03-01, 2026-03, 2026年3月, 20260301), else the survey day, else the day the
 * person was recorded.
 */
function startOfEmployment(person: Person, localDay: (timestamp: string) => string): string {
  const match = /^(\d{4})\D?(\d{1,2})(?:\D?(\d{1,2}))?/.exec(person.employedSince.trim());
  if (match) {
    const month = Number(match[2]);
    const day = match[3] ? Number(match[3]) : 1;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${match[1]}-${pad2(month)}-${pad2(day)}`;
  }
  return person.surveyedAt ?? localDay(person.createdAt);
}
