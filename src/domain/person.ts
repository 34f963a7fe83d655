import { z } from 'zod';
import { PublicPostSpellSchema } from './public-post';
import { REGION_BUCKET_SET_IDS } from './region-buckets';
import {
  CERTIFICATES,
  DESIRED_EMPLOYER_TYPES,
  DESIRED_EMPLOYMENT_FORMS,
  DESIRED_TRADES,
  DESIRED_TRAINING,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORMS,
  HEALTH_STATES,
  HOUSEHOLD_REGISTRATIONS,
  IDEAL_WORKPLACES,
  INDUSTRIES,
  INTENDED_EMPLOYER_TYPES,
  LABOUR_ABILITIES,
  MARITAL_STATES,
  MIGRANT_REGION_NAMES,
  MIGRATION_CHANNELS,
  NO_INTENTION_REASONS,
  NOT_WORKING_REASONS,
  POLITICAL_STATUSES,
  SEXES,
  STARTUP_SUPPORT_POLICIES,
  TRAINING_RECEIVED,
  WAGE_BANDS,
  WORK_STATUSES,
  YES_NO,
} from './survey-options';

const text = (max = 200) => z.string().trim().max(max).default('');
const choice = <T extends readonly [string, ...string[]]>(options: T) => z.enum(options).optional();
const choices = <T extends readonly [string, ...string[]]>(options: T) => z.array(z.enum(options)).default([]);

/** A 就业所在地 / 就业意向 answer, with the bucket set it was chosen from. */
export const RegionAnswerSchema = z.object({ set: z.enum(REGION_BUCKET_SET_IDS as [string, ...string[]]), value: z.string().min(1) });
export type RegionAnswer = z.infer<typeof RegionAnswerSchema>;

/**
 * A household member and their survey (河源市贫困劳动力调查表 + 附件2-1 fields). This schema
 * checks shapes and option lists only: a draft with a wrong ID number or a missing answer is
 * still a valid record to keep, and `checkPerson` (person-rules.ts) says what is wrong with it.
 */
export const PersonSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),

  // 个人基本信息
  name: text(40),
  sex: choice(SEXES),
  /** 年龄 as typed; the ID number's age is derived, and a disagreement is flagged. */
  age: z.number().optional(),
  ethnicity: text(20),
  householdRegistration: choice(HOUSEHOLD_REGISTRATIONS),
  phone: text(30),
  schoolAndMajor: text(),
  graduationDate: text(20),
  idNumber: text(30),
  education: choice(EDUCATION_LEVELS),
  health: choice(HEALTH_STATES),
  maritalStatus: choice(MARITAL_STATES),
  politicalStatus: choice(POLITICAL_STATUSES),
  trainingReceived: choices(TRAINING_RECEIVED),
  certificates: choices(CERTIFICATES),
  workStatus: choice(WORK_STATUSES),
  returnedAt: text(20),
  employerBeforeReturn: text(),
  occupationBeforeReturn: text(),
  industryBeforeReturn: choice(INDUSTRIES),
  industryBeforeReturnOther: text(),
  labourAbility: choice(LABOUR_ABILITIES),
  isStudent: choice(YES_NO),

  // 已就业（转移就业）情况
  workProvince: text(20),
  workCity: text(20),
  workCounty: text(20),
  workTownship: text(20),
  workVillage: text(20),
  employerAndPost: text(),
  startupProject: text(),
  flexibleJob: text(),
  workTime: text(20),
  migrantSince: text(20),
  employmentRegion: RegionAnswerSchema.optional(),
  migrantRegion: choice(MIGRANT_REGION_NAMES),
  migrantCity: text(20),
  migrantOtherProvince: text(20),
  migrantOtherCity: text(20),
  migrantOtherCounty: text(20),
  employmentForm: choice(EMPLOYMENT_FORMS),
  monthlyWage: choice(WAGE_BANDS),
  migrationChannel: choice(MIGRATION_CHANNELS),
  industry: choice(INDUSTRIES),
  industryOther: text(),
  startupSupport: choices(STARTUP_SUPPORT_POLICIES),
  /** 年内累计就业时长（月）; a number as typed, judged by the rules. */
  monthsEmployedThisYear: z.number().optional(),
  employedSince: text(20),
  employerName: text(),

  // 未转移就业人员就业意愿
  notWorkingReasons: choices(NOT_WORKING_REASONS),
  idealWorkplace: choice(IDEAL_WORKPLACES),
  desiredEmploymentForm: choice(DESIRED_EMPLOYMENT_FORMS),
  desiredEmployerType: choice(DESIRED_EMPLOYER_TYPES),
  wageRequirement: choice(WAGE_BANDS),
  otherRequirements: text(),
  wantsStartup: choice(YES_NO),
  desiredStartupProject: text(),
  wantsTraining: choice(YES_NO),
  desiredTraining: choices(DESIRED_TRAINING),
  desiredTrades: choices(DESIRED_TRADES),
  desiredTradeOther: text(),
  hasIntention: choice(YES_NO),
  intendedRegion: RegionAnswerSchema.optional(),
  intendedEmployerType: choice(INTENDED_EMPLOYER_TYPES),
  expectedPay: text(40),
  nearTermPlan: text(),
  noIntentionReason: choice(NO_INTENTION_REASONS),
  noIntentionReasonOther: text(),

  // 调查人 / 调查时间, and the ledger's contact columns
  surveyor: text(40),
  /** 调查时间 (YYYY-MM-DD); a person with this date counts as surveyed. */
  surveyedAt: z.iso.date().optional(),
  assistanceContact: text(40),
  assistanceContactPhone: text(30),
  remarks: text(500),
  /** 乡村公益性岗位 spells (附件4-1), oldest first. */
  publicPosts: z.array(PublicPostSpellSchema).default([]),
  /** The day this person was first seen not at work; derived, starts the 动态清零 month. */
  notWorkingSince: z.iso.date().optional(),

  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

/** A new, empty member of a household, as the 添加成员 button creates it. */
export function createPerson(fields: Pick<Person, 'id' | 'householdId'> & Partial<PersonInput>, now: Date): Person {
  const timestamp = now.toISOString();
  return PersonSchema.parse({ createdAt: timestamp, updatedAt: timestamp, ...fields });
}

export function isSurveyed(person: Pick<Person, 'surveyedAt'>): boolean {
  return Boolean(person.surveyedAt);
}
