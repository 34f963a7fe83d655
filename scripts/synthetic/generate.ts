/**
 * Seeded synthetic data for benchmarks: households of 1–7 members in the towns of 柳州市柳江区,
 * their labour surveys and the assistance they received, shaped exactly as the app stores them
 * (the output of the domain schemas, defaults filled). The same seed, size and report date give
 * the same records, in Node and in the browser alike.
 *
 * The mix follows the seeds: about two thirds at work, spread over the Guangxi region buckets
 * (广东 / 非广东区外 / 区内市外 / 市内县外 / 县内); the rest want work (and are owed the 251 package)
 * or say why not (升学 / 重病 / 照顾家庭 / 务农 / 其他); a few are not surveyed yet. About 1 % carry
 * the cadres' usual mistakes (an employed person also marked 重病, a typed age that contradicts the
 * ID number, a duplicate ID number, a short phone number), so the checks have something to find.
 */
import type { AssistanceEvent, ServiceType } from '../../src/domain/assistance-event';
import { addMonths } from '../../src/domain/dates';
import { HouseholdSchema, MONITOR_TYPES, type Household } from '../../src/domain/household';
import { computeAge, computeIdCheckCharacter } from '../../src/domain/id-card';
import { PersonSchema, type Person } from '../../src/domain/person';
import type { PublicPostSpell } from '../../src/domain/public-post';
import {
  DESIRED_TRADES,
  EDUCATION_LEVELS,
  NO_INTENTION_REASONS,
  STARTUP_SUPPORT_POLICIES,
  WAGE_BANDS,
} from '../../src/domain/survey-options';
import { isZeroEmploymentHousehold } from '../../src/domain/zero-employment';
import { createRandom, drawUuid, weighted, type Random } from './random';
import * as words from './vocabulary';

export interface DataSetSize {
  households: number;
  people: number;
  events: number;
}

/** One phone: a township. */
export const PHONE_SIZE: DataSetSize = { households: 5_000, people: 15_000, events: 75_000 };
/** A county office. */
export const OFFICE_SIZE: DataSetSize = { households: 30_000, people: 100_000, events: 500_000 };

export interface GenerateOptions {
  seed: string;
  size: DataSetSize;
  /** YYYY-MM-DD: ages, survey dates and months employed are as of this day. */
  reportDate?: string;
  /** Town names from seed 000 附件1; all eight unless given. A phone carries one. */
  towns?: readonly string[];
  /** Share of people with one of the cadres' usual mistakes; 0.01 unless given. */
  mistakeRate?: number;
}

/** A household with its members and their events, as the generator streams them. */
export interface GeneratedHousehold {
  household: Household;
  people: Person[];
  events: AssistanceEvent[];
}

export interface DataSet {
  households: Household[];
  people: Person[];
  events: AssistanceEvent[];
}

export const DEFAULT_REPORT_DATE = '2026-06-30';
const REGION_SET = 'guangxi';

const Role = { Head: 0, Spouse: 1, Child: 2, Parent: 3, Relative: 4 } as const;
type Role = (typeof Role)[keyof typeof Role];

const Status = { Employed: 0, WantsWork: 1, NoIntention: 2, NotSurveyed: 3 } as const;
type Status = (typeof Status)[keyof typeof Status];

/** Persons decided before any record is written, so the events can be shared out exactly. */
interface Plan {
  householdSizes: Uint8Array;
  roles: Uint8Array;
  ages: Uint8Array;
  /** 1 男, 0 女 */
  males: Uint8Array;
  statuses: Uint8Array;
  eventCounts: Uint32Array;
}

const SIZE_WEIGHTS = [10, 20, 26, 22, 13, 6, 3];

/** Household sizes 1–7 tilted so their mean is people / households. */
function tiltedSizeWeights(mean: number): number[] {
  const meanOf = (tilt: number) => {
    let total = 0;
    let weightedSum = 0;
    SIZE_WEIGHTS.forEach((weight, index) => {
      const tilted = weight * tilt ** (index + 1);
      total += tilted;
      weightedSum += tilted * (index + 1);
    });
    return weightedSum / total;
  };
  let low = 1e-3;
  let high = 1e3;
  for (let step = 0; step < 60; step++) {
    const middle = Math.sqrt(low * high);
    if (meanOf(middle) < mean) low = middle;
    else high = middle;
  }
  const tilt = Math.sqrt(low * high);
  return SIZE_WEIGHTS.map((weight, index) => weight * tilt ** (index + 1));
}

function drawStatus(random: Random, age: number, role: Role): Status {
  if (random.chance(0.03)) return Status.NotSurveyed;
  const roll = random.next();
  if (age <= 22 && role === Role.Child) return roll < 0.4 ? Status.NoIntention : roll < 0.9 ? Status.Employed : Status.WantsWork;
  if (age <= 50) return roll < 0.83 ? Status.Employed : roll < 0.94 ? Status.WantsWork : Status.NoIntention;
  if (age <= 60) return roll < 0.64 ? Status.Employed : roll < 0.8 ? Status.WantsWork : Status.NoIntention;
  return roll < 0.3 ? Status.Employed : roll < 0.36 ? Status.WantsWork : Status.NoIntention;
}

const ROLES_BY_SIZE: readonly (readonly Role[])[] = [
  [Role.Head],
  [Role.Head, Role.Spouse],
  [Role.Head, Role.Spouse, Role.Child],
  [Role.Head, Role.Spouse, Role.Child, Role.Child],
  [Role.Head, Role.Spouse, Role.Child, Role.Child, Role.Parent],
  [Role.Head, Role.Spouse, Role.Child, Role.Child, Role.Parent, Role.Parent],
  [Role.Head, Role.Spouse, Role.Child, Role.Child, Role.Parent, Role.Parent, Role.Relative],
];
const EVENT_WEIGHT: Record<Status, number> = { 0: 4, 1: 8, 2: 1.5, 3: 0.3 };

function plan(seed: string, size: DataSetSize): Plan {
  if (size.people < size.households || size.people > size.households * 7) throw new Error('people must be 1–7 per household');
  const random = createRandom(`${seed}/plan`);
  const drawSize = weighted(tiltedSizeWeights(size.people / size.households).map((weight, index) => [index + 1, weight] as const));
  const householdSizes = new Uint8Array(size.households);
  let total = 0;
  for (let index = 0; index < size.households; index++) total += householdSizes[index] = drawSize(random);
  while (total !== size.people) {
    const index = random.int(0, size.households - 1);
    const current = householdSizes[index]!;
    const step = total < size.people && current < 7 ? 1 : total > size.people && current > 1 ? -1 : 0;
    householdSizes[index] = current + step;
    total += step;
  }

  const roles = new Uint8Array(size.people);
  const ages = new Uint8Array(size.people);
  const males = new Uint8Array(size.people);
  const statuses = new Uint8Array(size.people);
  const weights = new Float64Array(size.people);
  let person = 0;
  let weightTotal = 0;
  for (const householdSize of householdSizes) {
    const headAge = Math.round(25 + 43 * random.next() ** 1.2);
    const headMale = random.chance(0.8);
    ROLES_BY_SIZE[householdSize - 1]!.forEach((role, position) => {
      let age = headAge;
      let male = random.chance(0.5);
      if (role === Role.Head) male = headMale;
      if (role === Role.Spouse) {
        age = headAge + random.int(-6, 4);
        male = !headMale;
      }
      if (role === Role.Child) age = Math.max(16, headAge - random.int(20, 32) - (position - 2) * random.int(1, 4));
      if (role === Role.Parent) {
        age = Math.min(82, headAge + random.int(22, 30));
        male = position === 4 ? headMale : !headMale;
      }
      if (role === Role.Relative) age = Math.max(16, headAge + random.int(-10, 10));
      age = Math.max(16, Math.min(82, age));
      const status = drawStatus(random, age, role);
      roles[person] = role;
      ages[person] = age;
      males[person] = male ? 1 : 0;
      statuses[person] = status;
      weightTotal += weights[person] = EVENT_WEIGHT[status] * (0.4 + 1.2 * random.next());
      person++;
    });
  }
  // Share the events out in proportion to the weights, by rounding the running total: the counts
  // add up to exactly size.events.
  const eventCounts = new Uint32Array(size.people);
  let running = 0;
  let given = 0;
  for (let index = 0; index < size.people; index++) {
    running += weights[index]!;
    const due = index === size.people - 1 ? size.events : Math.round((running * size.events) / weightTotal);
    eventCounts[index] = due - given;
    given = due;
  }
  return { householdSizes, roles, ages, males, statuses, eventCounts };
}

// Dates as day numbers (days since 1970-01-01, UTC) for cheap arithmetic.
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const stampOf = (day: number, random: Random) => new Date(day * 86_400_000 + random.int(8 * 3600, 19 * 3600) * 1000 + random.int(0, 999)).toISOString();

const emptyPerson = PersonSchema.parse({ id: 'x', householdId: 'x', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' });
const emptyHousehold = HouseholdSchema.parse({ id: 'x', head: 'x', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' });

const drawSurname = weighted(words.SURNAMES);
const drawEthnicity = weighted(words.ETHNICITIES);
const drawNativeRegion = weighted(words.NATIVE_ID_REGIONS);
const drawMarriedInRegion = weighted(words.MARRIED_IN_ID_REGIONS);
const drawGuangdongCity = weighted(words.GUANGDONG_CITIES);
const drawDeltaPlace = weighted(words.YANGTZE_DELTA.map(([city, province, weight]) => [[city, province] as const, weight] as const));
const drawEmployerKind = weighted(words.EMPLOYER_KINDS.map((kind) => [kind, kind.weight] as const));
const drawBucket = weighted([['广东', 30], ['非广东区外', 9], ['区内市外', 16], ['市内县外', 18], ['县内', 27]] as const);
const drawMigrantForm = weighted([['单位就业', 80], ['灵活就业', 12], ['个体经营', 4], ['其他就业', 4]] as const);
const drawLocalForm = weighted([['单位就业', 45], ['灵活就业', 20], ['公益性岗位安置', 15], ['个体经营', 8], ['自主创业', 7], ['其他就业', 5]] as const);
const drawMigrantWage = weighted([['1000元-2000元', 5], ['2000元-3000元', 15], ['3000元-4000元', 35], ['4000元-5000元', 30], ['5000元以上', 15]] as const);
const drawLocalWage = weighted([['1000元-2000元', 25], ['2000元-3000元', 40], ['3000元-4000元', 25], ['4000元-5000元', 8], ['5000元以上', 2]] as const);
const drawChannel = weighted([['自发', 35], ['亲朋好友介绍', 35], ['人力资源保障部门组织', 20], ['其他部门组织', 5], ['其他', 5]] as const);
const drawNotWorkingReason = weighted([['缺乏技能', 35], ['缺少信息', 25], ['嫌工资少', 10], ['年龄偏大', 20], ['只愿务农', 10]] as const);
const drawIdealWorkplace = weighted([['省外', 30], ['省内市外', 15], ['市内县外', 20], ['县内乡外', 20], ['乡内', 15]] as const);
const drawIntendedEmployer = weighted([['民营企业', 70], ['国有企业', 15], ['机关事业', 5], ['其他', 10]] as const);
const drawDesiredEmployer = weighted([['民营企业就业', 60], ['国有企业就业', 15], ['个体工商就业', 15], ['外商投资企业', 5], ['其他类型就业', 5]] as const);
const drawEmployedEvent = weighted<ServiceType>([['跟踪回访', 35], ['政策宣讲', 20], ['岗位推介', 15], ['技能培训', 10], ['职业指导', 10], ['招聘活动', 7], ['创业培训', 3]]);
const drawIdleEvent = weighted<ServiceType>([['政策宣讲', 50], ['跟踪回访', 35], ['职业指导', 15]]);
const WANTS_WORK_SEQUENCE: readonly ServiceType[] = ['职业指导', '岗位推介', '岗位推介', '职业指导', '岗位推介', '岗位推介', '岗位推介', '技能培训', '招聘活动', '政策宣讲', '跟踪回访'];
const TOWN_WEIGHTS: Record<string, number> = { 百朋镇: 12096, 成团镇: 9492, 穿山镇: 12543, 进德镇: 10431, 拉堡镇: 4141, 里高镇: 9770, 三都镇: 8631, 土博镇: 12896 };

interface Contact {
  name: string;
  phone: string;
}

interface Place {
  town: (typeof words.TOWNS)[number];
  village: string;
  villageIndex: number;
  contacts: Contact[];
}

class RecordMaker {
  private readonly random: Random;
  private readonly reportDay: number;
  private readonly year: number;
  private readonly reportMonth: number;
  private readonly usedIds = new Set<string>();
  private readonly issuedIds: string[] = [];
  private readonly householdSequence = new Map<string, number>();
  private readonly drawPlace: (random: Random) => Place;

  constructor(
    seed: string,
    private readonly reportDate: string,
    townNames: readonly string[],
    private readonly mistakeRate: number,
  ) {
    this.random = createRandom(`${seed}/records`);
    this.reportDay = dayOf(reportDate);
    this.year = Number(reportDate.slice(0, 4));
    this.reportMonth = Number(reportDate.slice(5, 7));
    const towns = words.TOWNS.filter((town) => townNames.includes(town.name));
    if (towns.length === 0) throw new Error(`no known town among ${townNames.join(', ')}`);
    const contactRandom = createRandom(`${seed}/contacts`);
    const places = towns.flatMap((town) =>
      town.villages.map((village, villageIndex) => [
        { town, village, villageIndex, contacts: Array.from({ length: 4 }, () => ({ name: this.drawName(contactRandom, contactRandom.chance(0.6), 40), phone: this.drawMobile(contactRandom) })) },
        (TOWN_WEIGHTS[town.name] ?? 1) / town.villages.length,
      ] as const),
    );
    this.drawPlace = weighted(places);
  }

  household(plan: Plan, householdIndex: number, firstPerson: number): GeneratedHousehold {
    const random = this.random;
    const place = this.drawPlace(random);
    const sequence = (this.householdSequence.get(place.village) ?? 0) + 1;
    this.householdSequence.set(place.village, sequence);
    const monitored = random.chance(0.15);
    const monitorType = monitored ? random.pick(MONITOR_TYPES) : undefined;
    const headSurname = drawSurname(random);
    const ethnicity = drawEthnicity(random);
    const contact = random.pick(place.contacts);
    const household: Household = {
      ...emptyHousehold,
      id: drawUuid(random),
      county: words.DISTRICT.name,
      township: place.town.name,
      village: place.village,
      group: random.chance(0.5) ? `${random.int(1, 12)}组` : random.pick(words.HAMLETS),
      number: `${words.DISTRICT.code}${place.town.code}${String(place.villageIndex + 1).padStart(3, '0')}${String(sequence).padStart(4, '0')}`,
      povertyAlleviated: !monitored || monitorType === '脱贫不稳定户' || random.chance(0.3),
      monitored,
      relocated: random.chance(0.08),
    };
    if (monitored) {
      household.monitorType = monitorType;
      household.riskRemoved = random.chance(0.6);
    }

    const people: Person[] = [];
    const events: AssistanceEvent[] = [];
    const size = plan.householdSizes[householdIndex]!;
    for (let member = 0; member < size; member++) {
      const index = firstPerson + member;
      const person = this.person(plan, index, household, { headSurname, ethnicity, contact });
      people.push(person);
      this.events(person, plan.statuses[index] as Status, plan.ages[index]!, plan.eventCounts[index]!, events);
    }
    const head = people[0]!;
    household.head = head.name;
    const firstDay = Math.min(...people.map((person) => dayOf(person.createdAt.slice(0, 10))));
    household.createdAt = stampOf(firstDay, random);
    household.updatedAt = people.reduce((latest, person) => (person.updatedAt > latest ? person.updatedAt : latest), household.createdAt);
    if (isZeroEmploymentHousehold(people)) {
      household.zeroEmploymentSince = people.reduce((earliest, person) => (person.surveyedAt && person.surveyedAt < earliest ? person.surveyedAt : earliest), this.reportDate);
    }
    return { household, people, events };
  }

  private person(plan: Plan, index: number, household: Household, family: { headSurname: string; ethnicity: string; contact: Contact }): Person {
    const random = this.random;
    const role = plan.roles[index] as Role;
    const age = plan.ages[index]!;
    const male = plan.males[index] === 1;
    const status = plan.statuses[index] as Status;
    const sex = male ? '男' : '女';
    const marriedIn = role === Role.Spouse && random.chance(0.35);
    const sharesSurname = role === Role.Head || role === Role.Child || (role === Role.Parent && male) || (role === Role.Relative && random.chance(0.5));
    const birthDay = this.drawBirthDay(age);
    const idNumber = this.drawIdNumber(marriedIn ? drawMarriedInRegion(random) : drawNativeRegion(random), birthDay, male);
    const isStudent = status === Status.NoIntention && age <= 22 && role === Role.Child;
    const surveyed = status !== Status.NotSurveyed;
    const surveyedDay = this.reportDay - (random.chance(0.88) ? random.int(0, 150) : random.int(190, 330));
    const createdDay = surveyedDay - random.int(0, 400);

    const person: Person = {
      ...emptyPerson,
      trainingReceived: [],
      certificates: [],
      startupSupport: [],
      notWorkingReasons: [],
      desiredTraining: [],
      desiredTrades: [],
      publicPosts: [],
      id: drawUuid(random),
      householdId: household.id,
      name: `${sharesSurname ? family.headSurname : drawSurname(random)}${this.drawGivenName(random, male, age)}`,
      sex,
      age,
      ethnicity: marriedIn ? drawEthnicity(random) : random.chance(0.9) ? family.ethnicity : drawEthnicity(random),
      householdRegistration: random.chance(0.97) ? '农业' : '非农',
      phone: this.drawPhone(random, isStudent),
      idNumber,
      createdAt: stampOf(createdDay, random),
      updatedAt: '',
    };
    person.updatedAt = surveyed ? stampOf(surveyedDay, random) : person.createdAt;
    if (person.updatedAt < person.createdAt) person.updatedAt = person.createdAt;
    if (!surveyed) return person;

    person.education = this.drawEducation(random, age, isStudent);
    person.health = age > 60 ? random.pick(['健康', '健康', '体弱', '体弱', '残疾'] as const) : random.chance(0.9) ? '健康' : random.chance(0.6) ? '体弱' : '残疾';
    person.maritalStatus = role === Role.Spouse || (role === Role.Head && random.chance(0.85)) || role === Role.Parent ? (age > 70 && random.chance(0.3) ? '丧偶' : '已婚') : age < 24 ? '未婚' : random.pick(['未婚', '已婚', '已婚', '离异'] as const);
    person.politicalStatus = age <= 28 && random.chance(0.25) ? '共青团员' : random.chance(0.05) ? '中共党员' : random.chance(0.01) ? '其他' : '群众';
    const training = random.next();
    person.trainingReceived = training < 0.55 ? ['从未接受过培训'] : training < 0.9 ? ['技能培训'] : training < 0.95 ? ['创业培训'] : ['技能培训', '创业培训'];
    const certificate = random.next();
    person.certificates = certificate < 0.75 ? ['无'] : certificate < 0.9 ? ['初级职业资格证书'] : certificate < 0.95 ? ['中级职业资格证书'] : ['其他'];
    person.isStudent = isStudent ? '是' : '否';
    person.labourAbility = isStudent ? '无劳动力' : age > 60 ? (random.chance(0.6) ? '半劳动力' : '弱劳动力') : random.chance(0.9) ? '普通劳动力' : '半劳动力';
    person.surveyor = family.contact.name;
    person.surveyedAt = dateOf(surveyedDay);
    person.assistanceContact = family.contact.name;
    person.assistanceContactPhone = family.contact.phone;
    if (isStudent) person.schoolAndMajor = random.pick(['柳州职业技术学院 汽车检测与维修', '广西科技大学 机械设计', '柳州铁道职业技术学院 铁道运输', '柳江区职业技术学校 电子商务', '柳州市第一中学']);

    if (status === Status.Employed) this.fillEmployment(person, household, random);
    else this.fillNotWorking(person, status, age, isStudent, random);
    this.addMistake(person, random);
    return person;
  }

  private fillEmployment(person: Person, household: Household, random: Random): void {
    const bucket = drawBucket(random);
    const kind = drawEmployerKind(random);
    const started = this.reportDay - random.int(30, 2000);
    const months = random.chance(0.7) ? this.reportMonth : random.int(1, this.reportMonth);
    person.workStatus = bucket === '县内' ? '就近就业' : '外出务工';
    person.employmentRegion = { set: REGION_SET, value: bucket };
    person.monthsEmployedThisYear = months;
    person.employedSince = dateOf(started);
    person.workTime = dateOf(started).slice(0, 7);
    person.industry = kind.industry;
    if (bucket !== '县内') {
      person.migrantSince = dateOf(started - random.int(0, 1500)).slice(0, 7);
      person.migrationChannel = drawChannel(random);
      person.employmentForm = drawMigrantForm(random);
      person.monthlyWage = drawMigrantWage(random);
    } else {
      person.employmentForm = drawLocalForm(random);
      person.monthlyWage = drawLocalWage(random);
    }
    let cityPrefix = '';
    if (bucket === '广东') {
      const city = drawGuangdongCity(random);
      cityPrefix = `${city}市`;
      Object.assign(person, { migrantRegion: '珠三角地区', migrantCity: city, workProvince: '广东省', workCity: cityPrefix } satisfies Partial<Person>);
    } else if (bucket === '非广东区外') {
      if (random.chance(0.75)) {
        const [city, province] = drawDeltaPlace(random);
        cityPrefix = city === '上海' ? '上海市' : '';
        Object.assign(person, { migrantRegion: '长三角地区', migrantCity: city, workProvince: province } satisfies Partial<Person>);
      } else {
        const [province, city, county] = random.pick(words.OTHER_PROVINCES);
        cityPrefix = city;
        Object.assign(person, { migrantRegion: '其他地区', migrantOtherProvince: province, migrantOtherCity: city, migrantOtherCounty: county, workProvince: province, workCity: city, workCounty: county } satisfies Partial<Person>);
      }
    } else if (bucket === '区内市外') {
      const [city, county] = random.pick(words.GUANGXI_CITIES);
      cityPrefix = city;
      Object.assign(person, { migrantRegion: '其他地区', migrantOtherProvince: '广西壮族自治区', migrantOtherCity: city, migrantOtherCounty: county, workProvince: '广西壮族自治区', workCity: city, workCounty: county } satisfies Partial<Person>);
    } else if (bucket === '市内县外') {
      const district = random.pick(words.LIUZHOU_DISTRICTS);
      cityPrefix = '柳州市';
      Object.assign(person, { migrantRegion: '其他地区', migrantOtherProvince: '广西壮族自治区', migrantOtherCity: '柳州市', migrantOtherCounty: district, workProvince: '广西壮族自治区', workCity: '柳州市', workCounty: district } satisfies Partial<Person>);
    } else {
      const township = random.chance(0.7) ? household.township : random.pick(words.TOWNS).name;
      cityPrefix = `柳州市${words.DISTRICT.name}`;
      Object.assign(person, { workProvince: '广西壮族自治区', workCity: '柳州市', workCounty: words.DISTRICT.name, workTownship: township } satisfies Partial<Person>);
    }

    const post = random.pick(kind.posts);
    if (person.employmentForm === '公益性岗位安置') {
      const title = random.pick(words.PUBLIC_POSTS);
      const spell: PublicPostSpell = {
        id: drawUuid(random),
        employer: `${household.village}村民委员会`,
        post: title,
        monthlySubsidy: random.pick([500, 600, 800, 1000]),
        startDate: dateOf(started),
        fundingSource: random.pick(words.FUNDING_SOURCES),
      };
      person.publicPosts = [spell];
      person.employerName = spell.employer;
      person.employerAndPost = `${spell.employer} ${title}`;
      person.industry = '居民服务和商业服务业';
    } else if (person.employmentForm === '自主创业' || person.employmentForm === '个体经营') {
      person.startupProject = random.pick(words.STARTUP_PROJECTS);
      person.employerAndPost = person.startupProject;
      if (person.employmentForm === '自主创业' && random.chance(0.5)) person.startupSupport = [random.pick(STARTUP_SUPPORT_POLICIES)];
    } else if (person.employmentForm === '灵活就业') {
      person.flexibleJob = random.pick(words.FLEXIBLE_JOBS);
      person.employerAndPost = person.flexibleJob;
    } else {
      const employer = bucket === '县内' && random.chance(0.3) ? `${household.township}${random.pick(words.WORKSHOPS)}` : `${cityPrefix}${random.pick(words.EMPLOYER_BRANDS)}${kind.word}`;
      person.employerName = employer;
      person.employerAndPost = `${employer} ${post}`;
    }
  }

  private fillNotWorking(person: Person, status: Status, age: number, isStudent: boolean, random: Random): void {
    person.workStatus = isStudent ? '其他' : random.chance(0.6) ? '在家务农' : '其他';
    person.monthsEmployedThisYear = 0;
    person.notWorkingSince = person.surveyedAt;
    if (status === Status.WantsWork) {
      const reason = drawNotWorkingReason(random);
      person.notWorkingReasons = random.chance(0.3) ? [...new Set([reason, drawNotWorkingReason(random)])] : [reason];
      person.hasIntention = '是';
      person.idealWorkplace = drawIdealWorkplace(random);
      person.desiredEmploymentForm = random.pick(['单位就业', '单位就业', '灵活就业', '自主创业'] as const);
      person.desiredEmployerType = drawDesiredEmployer(random);
      person.wageRequirement = random.pick(WAGE_BANDS.slice(1, 4));
      person.wantsStartup = random.chance(0.1) ? '是' : '否';
      if (person.wantsStartup === '是') person.desiredStartupProject = random.pick(words.STARTUP_PROJECTS);
      person.wantsTraining = random.chance(0.6) ? '是' : '否';
      if (person.wantsTraining === '是') {
        person.desiredTraining = ['技能培训'];
        person.desiredTrades = [random.pick(DESIRED_TRADES.slice(0, -1))];
      }
      person.intendedRegion = { set: REGION_SET, value: drawBucket(random) };
      person.intendedEmployerType = drawIntendedEmployer(random);
      person.expectedPay = random.pick(['3000元', '3500元', '4000元', '4000元以上', '5000元']);
      person.nearTermPlan = random.pick(words.NEAR_TERM_PLANS);
      if (random.chance(0.15)) {
        const kind = drawEmployerKind(random);
        person.returnedAt = dateOf(this.reportDay - random.int(30, 300)).slice(0, 7);
        person.employerBeforeReturn = `${random.pick(words.GUANGDONG_CITIES)[0]}市${random.pick(words.EMPLOYER_BRANDS)}${kind.word}`;
        person.occupationBeforeReturn = random.pick(kind.posts);
        person.industryBeforeReturn = kind.industry;
      }
      return;
    }
    person.hasIntention = '否';
    const reason = isStudent ? '升学' : age > 60 ? random.pick(['务农', '重病', '照顾家庭', '其他', '务农'] as const) : random.pick(NO_INTENTION_REASONS.slice(1));
    person.noIntentionReason = reason;
    if (reason === '重病') {
      person.labourAbility = random.chance(0.5) ? '丧失劳动力' : '弱劳动力';
      person.health = random.chance(0.5) ? '残疾' : '体弱';
    }
    if (reason === '其他') person.noIntentionReasonOther = random.pick(['年龄较大', '残疾', '在家带孙子']);
    person.notWorkingReasons = reason === '重病' ? ['无劳动能力'] : reason === '务农' ? ['只愿务农'] : reason === '升学' ? [] : ['不愿就业'];
  }

  /** The cadres' usual slips, as the seeds describe them. */
  private addMistake(person: Person, random: Random): void {
    if (!random.chance(this.mistakeRate)) return;
    const kind = random.int(0, 3);
    if (kind === 0 && person.workStatus === '外出务工') person.noIntentionReason = '重病';
    else if (kind === 1 && person.age !== undefined) person.age += 1;
    else if (kind === 2 && this.issuedIds.length > 1) person.idNumber = this.issuedIds[random.int(0, this.issuedIds.length - 2)]!;
    else person.phone = `139${random.int(1000, 9999)}`;
  }

  private events(person: Person, status: Status, age: number, count: number, into: AssistanceEvent[]): void {
    if (count === 0) return;
    const random = this.random;
    const firstDay = Math.max(dayOf(person.createdAt.slice(0, 10)), this.reportDay - 330);
    const days = Array.from({ length: count }, () => random.int(firstDay, this.reportDay)).sort((a, b) => a - b);
    const services: string[] = [];
    for (let position = 0; position < count; position++) {
      const day = days[position]!;
      const common = { id: drawUuid(random), personId: person.id, date: dateOf(day), assistanceContact: person.assistanceContact, note: '', createdAt: stampOf(day, random) };
      if (services.length > 0 && random.chance(0.01)) {
        const voided = services.splice(random.int(0, services.length - 1), 1)[0]!;
        into.push({ ...common, type: '作废', voids: voided, reason: random.pick(words.VOID_REASONS) });
        continue;
      }
      let type: ServiceType =
        status === Status.WantsWork
          ? (WANTS_WORK_SEQUENCE[position] ?? drawEmployedEvent(random))
          : status === Status.Employed
            ? drawEmployedEvent(random)
            : status === Status.NoIntention
              ? drawIdleEvent(random)
              : '政策宣讲';
      if (type === '技能培训' && status === Status.WantsWork && age <= 24 && random.chance(0.4)) type = '就业见习';
      into.push(this.service(type, common, random));
      services.push(common.id);
    }
  }

  private service(type: ServiceType, common: Omit<Extract<AssistanceEvent, { type: '政策宣讲' }>, 'type'>, random: Random): AssistanceEvent {
    switch (type) {
      case '岗位推介': {
        const kind = drawEmployerKind(random);
        const city = random.chance(0.5) ? `${drawGuangdongCity(random)}市` : '柳州市';
        return { ...common, type, company: `${city}${random.pick(words.EMPLOYER_BRANDS)}${kind.word}`, post: random.pick(kind.posts) };
      }
      case '技能培训':
        return { ...common, type, course: random.pick(words.SKILL_COURSES) };
      case '创业培训':
        return { ...common, type, course: random.pick(words.STARTUP_COURSES) };
      case '就业见习':
        return { ...common, type, place: random.pick(words.INTERNSHIP_PLACES) };
      case '招聘活动':
        return { ...common, type, eventName: `${this.year}年${random.pick(words.JOB_FAIRS)}`, hired: random.chance(0.1) };
      case '跟踪回访':
        return random.chance(0.1)
          ? {
              ...common,
              type,
              result: random.pick(words.FOLLOW_UP_RESULTS),
              callback: {
                workAddress: '',
                employer: '',
                phone: '',
                wage: random.pick(['3000元', '3500元', '4200元']),
                knowsTransportSubsidy: random.chance(0.7),
                receivedTransportSubsidy: random.chance(0.4),
                knowsJobRetentionSubsidy: random.chance(0.6),
                receivedJobRetentionSubsidy: random.chance(0.3),
                satisfaction: random.pick(['满意', '满意', '基本满意'] as const),
              },
            }
          : { ...common, type, result: random.pick(words.FOLLOW_UP_RESULTS) };
      case '政策宣讲':
      case '职业指导':
        return { ...common, type };
    }
  }

  private drawBirthDay(age: number): number {
    // The birthday `age` years before the report date, minus up to a year less a day.
    const anniversary = addMonths(this.reportDate, -12 * age);
    const birthDay = dayOf(anniversary) - this.random.int(0, 364);
    const birthDate = dateOf(birthDay);
    return computeAge(birthDate, this.reportDate) === age ? birthDay : dayOf(anniversary);
  }

  private drawIdNumber(region: string, birthDay: number, male: boolean): string {
    const birth = dateOf(birthDay).replaceAll('-', '');
    for (;;) {
      const order = this.random.int(0, 99) * 10 + this.random.int(0, 4) * 2 + (male ? 1 : 0);
      const first17 = `${region}${birth}${String(order).padStart(3, '0')}`;
      const idNumber = `${first17}${computeIdCheckCharacter(first17)}`;
      if (this.usedIds.has(idNumber)) continue;
      this.usedIds.add(idNumber);
      this.issuedIds.push(idNumber);
      return idNumber;
    }
  }

  private drawName(random: Random, male: boolean, age: number): string {
    return `${drawSurname(random)}${this.drawGivenName(random, male, age)}`;
  }

  private drawGivenName(random: Random, male: boolean, age: number): string {
    const pools = words.GIVEN_NAMES[male ? '男' : '女'];
    const older = age >= 40 ? random.chance(0.85) : random.chance(0.15);
    return random.pick(older ? pools.older : pools.younger);
  }

  private drawMobile(random: Random): string {
    return `1${random.pick(['3', '5', '7', '8', '9'])}${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  private drawPhone(random: Random, isStudent: boolean): string {
    const roll = random.next();
    if (roll < (isStudent ? 0.5 : 0.07)) return '';
    if (roll < (isStudent ? 0.5 : 0.1)) return `0772-${random.int(2, 8)}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    return this.drawMobile(random);
  }

  private drawEducation(random: Random, age: number, isStudent: boolean): Person['education'] {
    if (isStudent) return random.pick(['高中', '中专', '技校', '大专', '大学'] as const);
    if (age >= 55) return random.pick(['文盲', '小学', '小学', '初中'] as const);
    if (age >= 35) return random.pick(['小学', '初中', '初中', '初中', '高中'] as const);
    return random.pick(EDUCATION_LEVELS.slice(2, 8));
  }
}

/** The data set household by household, so millions of records need not sit in memory at once. */
export function* generateHouseholds(options: GenerateOptions): Generator<GeneratedHousehold> {
  const reportDate = options.reportDate ?? DEFAULT_REPORT_DATE;
  const planned = plan(options.seed, options.size);
  const maker = new RecordMaker(options.seed, reportDate, options.towns ?? words.TOWNS.map((town) => town.name), options.mistakeRate ?? 0.01);
  let firstPerson = 0;
  for (let index = 0; index < options.size.households; index++) {
    yield maker.household(planned, index, firstPerson);
    firstPerson += planned.householdSizes[index]!;
  }
}

/** The whole data set at once. */
export function generateDataSet(options: GenerateOptions): DataSet {
  const dataSet: DataSet = { households: [], people: [], events: [] };
  for (const { household, people, events } of generateHouseholds(options)) {
    dataSet.households.push(household);
    for (const person of people) dataSet.people.push(person);
    for (const event of events) dataSet.events.push(event);
  }
  return dataSet;
}
