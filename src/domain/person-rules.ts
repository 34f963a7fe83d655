import type { Finding } from './finding';
import { computeAge, parseIdNumber } from './id-card';
import type { Person } from './person';
import { checkPhone } from './phone';
import { EMPLOYED_WORK_STATUSES, NEVER_TRAINED, NO_CERTIFICATE, NO_LABOUR_ABILITY, OTHER_PLEASE_SPECIFY } from './survey-options';

export interface RuleContext {
  /** YYYY-MM-DD: ages and elapsed months are taken on this day. */
  reportDate: string;
  /** 劳动年龄 (2018 plan: 16–60); outside it is allowed but flagged. */
  workingAge: { min: number; max: number };
}

export const DEFAULT_WORKING_AGE = { min: 16, max: 60 } as const;

/** 已就业（转移就业）情况: the fields of part 2 of the paper form plus the ledger's. */
export const EMPLOYMENT_FIELDS = [
  'workProvince', 'workCity', 'workCounty', 'workTownship', 'workVillage', 'employerAndPost', 'startupProject',
  'flexibleJob', 'workTime', 'migrantSince', 'employmentRegion', 'migrantRegion', 'migrantCity', 'migrantOtherProvince',
  'migrantOtherCity', 'migrantOtherCounty', 'employmentForm', 'monthlyWage', 'migrationChannel', 'industry', 'industryOther',
  'startupSupport', 'employedSince', 'employerName',
] as const satisfies readonly (keyof Person)[];

/** 未转移就业人员就业意愿: part 3 plus the ledger's intention columns. */
export const INTENTION_FIELDS = [
  'notWorkingReasons', 'idealWorkplace', 'desiredEmploymentForm', 'desiredEmployerType', 'wageRequirement',
  'otherRequirements', 'wantsStartup', 'desiredStartupProject', 'wantsTraining', 'desiredTraining', 'desiredTrades',
  'desiredTradeOther', 'hasIntention', 'intendedRegion', 'intendedEmployerType', 'expectedPay', 'nearTermPlan',
  'noIntentionReason', 'noIntentionReasonOther',
] as const satisfies readonly (keyof Person)[];

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function hasEmploymentAnswers(person: Person): boolean {
  return EMPLOYMENT_FIELDS.some((field) => isAnswered(person[field]));
}

export function hasIntentionAnswers(person: Person): boolean {
  return INTENTION_FIELDS.some((field) => isAnswered(person[field]));
}

/** The form follows the person: 就失业状况 外出务工 / 就近就业 means at work. */
export function isAtWork(person: Pick<Person, 'workStatus'>): boolean {
  return person.workStatus !== undefined && EMPLOYED_WORK_STATUSES.includes(person.workStatus);
}

/** Which part of the form applies: 'employed', 'notEmployed', or none until 就失业状况 is chosen. */
export function applicablePart(person: Pick<Person, 'workStatus'>): 'employed' | 'notEmployed' | null {
  if (!person.workStatus) return null;
  return isAtWork(person) ? 'employed' : 'notEmployed';
}

const error = (code: string, field: string, message: string): Finding => ({ code, level: 'error', field, message });
const warning = (code: string, field: string, message: string): Finding => ({ code, level: 'warning', field, message });

// The checks below append to one list: checkPerson runs on every record of a township at each full check.

function checkTypedAge(person: Person, findings: Finding[]): void {
  const { age } = person;
  if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 120)) findings.push(error('value.invalid', 'age', '年龄应为 0–120 的整数'));
}

function checkIdentity(person: Person, context: RuleContext, findings: Finding[]): void {
  if (!person.idNumber) {
    findings.push(error('person.required', 'idNumber', '请填写身份证号'));
    return;
  }
  const parsed = parseIdNumber(person.idNumber, context.reportDate);
  if (!parsed.ok) {
    findings.push(error(parsed.code, 'idNumber', parsed.message));
    return;
  }
  const { sex, birthDate } = parsed.value;
  const age = computeAge(birthDate, context.reportDate);
  if (person.sex && person.sex !== sex) {
    findings.push(error('age.sex_mismatch', 'sex', `性别与身份证号不符：按身份证号应为${sex}`));
  }
  if (person.age !== undefined && Number.isInteger(person.age) && person.age !== age) {
    findings.push(error('age.sex_mismatch', 'age', `年龄与身份证号不符：按身份证号应为 ${age} 岁`));
  }
  if (age < context.workingAge.min || age > context.workingAge.max) {
    findings.push(warning('age.working', 'age', `${age} 岁，不在劳动年龄 ${context.workingAge.min}–${context.workingAge.max} 岁内`));
  }
}

function checkPhones(person: Person, findings: Finding[]): void {
  for (const field of ['phone', 'assistanceContactPhone'] as const) {
    if (person[field] === '') continue;
    const result = checkPhone(person[field]);
    if (!result.ok) findings.push(warning(result.code, field, result.message));
  }
}

function checkEmploymentMonths(person: Person, context: RuleContext, atWork: boolean): Finding | undefined {
  const months = person.monthsEmployedThisYear;
  const field = 'monthsEmployedThisYear';
  // 年内 as of the survey: a count taken last November is not wrong in January.
  const asOf = person.surveyedAt && person.surveyedAt < context.reportDate ? person.surveyedAt : context.reportDate;
  const reportMonth = Number(asOf.slice(5, 7));
  if (months === undefined) {
    return atWork ? error('employment.months', field, '已就业人员须填写年内累计就业时长（月）') : undefined;
  }
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    return error('employment.months', field, '年内累计就业时长应为 0–12 的整数（月）');
  }
  if (months > reportMonth) {
    return error('employment.months', field, `年内累计就业时长不能超过${asOf.slice(0, 4)}年已过的 ${reportMonth} 个月`);
  }
  if (months > 0 && !atWork) return error('employment.months', field, '未就业人员的年内累计就业时长应为 0');
  if (months === 0 && atWork) return error('employment.months', field, '已就业人员的年内累计就业时长不能为 0');
  return undefined;
}

function checkStatus(person: Person, findings: Finding[]): void {
  const part = applicablePart(person);
  if (part === null) findings.push(error('person.required', 'workStatus', '请选择就失业状况'));
  if (hasEmploymentAnswers(person) && hasIntentionAnswers(person)) {
    findings.push(error('employment.contradiction', 'workStatus', '已就业情况与未转移就业人员就业意愿都有填写，两者互相矛盾，请核实并清除不适用的一部分'));
  }
  if (part === 'employed' && !person.employmentRegion) {
    findings.push(error('employment.region_missing', 'employmentRegion', '已就业人员须选择就业所在地'));
  }
  if (part === 'notEmployed') {
    if (!person.hasIntention) findings.push(error('status.missing', 'hasIntention', '请选择是否有就业意愿'));
    if (person.hasIntention === '否' && !person.noIntentionReason) {
      findings.push(error('status.missing', 'noIntentionReason', '无就业意愿的，请选择无就业意向原因'));
    }
  }
}

function checkChoices(person: Person, findings: Finding[]): void {
  if (person.trainingReceived.includes(NEVER_TRAINED) && person.trainingReceived.length > 1) {
    findings.push(error('value.exclusive', 'trainingReceived', '「从未接受过培训」不能与其他培训同时选择'));
  }
  if (person.certificates.includes(NO_CERTIFICATE) && person.certificates.length > 1) {
    findings.push(error('value.exclusive', 'certificates', '「无」不能与其他证书同时选择'));
  }
  if (person.industryBeforeReturn === OTHER_PLEASE_SPECIFY && !person.industryBeforeReturnOther) {
    findings.push(error('person.required', 'industryBeforeReturnOther', '请说明返乡前所属的其他行业'));
  }
  if (person.industry === OTHER_PLEASE_SPECIFY && !person.industryOther) {
    findings.push(error('person.required', 'industryOther', '请说明所属的其他行业'));
  }
  if (person.desiredTrades.includes(OTHER_PLEASE_SPECIFY) && !person.desiredTradeOther) {
    findings.push(error('person.required', 'desiredTradeOther', '请说明想参加的其他工种'));
  }
  if (person.migrantRegion === '其他地区' && !person.migrantOtherProvince) {
    findings.push(error('person.required', 'migrantOtherProvince', '外出务工地为其他地区的，请填写省份'));
  }
  if (person.isStudent === '是' && person.labourAbility && person.labourAbility !== NO_LABOUR_ABILITY) {
    findings.push(error('student.ability', 'labourAbility', '在校生的劳动能力情况应填「无劳动力」'));
  }
}

/**
 * Everything wrong with one survey record, field by field. Errors make the record 待完善;
 * warnings are shown but do not.
 */
export function checkPerson(person: Person, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (!person.name) findings.push(error('person.required', 'name', '请填写姓名'));
  checkTypedAge(person, findings);
  checkIdentity(person, context, findings);
  checkPhones(person, findings);
  checkStatus(person, findings);
  const months = checkEmploymentMonths(person, context, applicablePart(person) === 'employed');
  if (months) findings.push(months);
  checkChoices(person, findings);
  if (!person.surveyor) findings.push(error('person.required', 'surveyor', '请填写调查人'));
  if (!person.surveyedAt) findings.push(error('person.required', 'surveyedAt', '请填写调查时间'));
  return findings;
}

export type SurveyState = '未调查' | '待完善' | '已完成';

/** 未调查 until the survey is started (调查时间 set), then 待完善 while any error remains. */
export function surveyStateOf(person: Person, context: RuleContext): SurveyState {
  if (!person.surveyedAt) return '未调查';
  return checkPerson(person, context).some((finding) => finding.level === 'error') ? '待完善' : '已完成';
}
