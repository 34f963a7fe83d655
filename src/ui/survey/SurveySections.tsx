import { useFormContext, useWatch } from 'react-hook-form';
import { normalizeIdNumber } from '../../domain/id-card';
import type { Person } from '../../domain/person';
import type { RegionBucketSetId } from '../../domain/region-buckets';
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
  MIGRANT_REGIONS,
  MIGRATION_CHANNELS,
  NEVER_TRAINED,
  NO_CERTIFICATE,
  NO_INTENTION_REASONS,
  NOT_WORKING_REASONS,
  OTHER_PLEASE_SPECIFY,
  POLITICAL_STATUSES,
  SEXES,
  STARTUP_SUPPORT_POLICIES,
  TRAINING_RECEIVED,
  WAGE_BANDS,
  WORK_STATUSES,
  YES_NO,
} from '../../domain/survey-options';
import { SurveyRegion } from './SurveyRegion';
import { SurveyChoice, SurveyChoices, SurveyDate, SurveyNumber, SurveyText } from './survey-fields';

export function BasicInfoSection({ idDerivation, duplicateNotice }: { idDerivation: string | null; duplicateNotice: React.ReactNode }) {
  const { control } = useFormContext<Person>();
  const industryBeforeReturn = useWatch({ control, name: 'industryBeforeReturn' });
  return (
    <>
      <SurveyText name="name" label="姓名" maxLength={40} />
      <SurveyText name="idNumber" label="身份证号" maxLength={22} hint={idDerivation} normalize={normalizeIdNumber} />
      {duplicateNotice}
      <SurveyChoice name="sex" label="性别" options={SEXES} />
      <SurveyNumber name="age" label="年龄" />
      <SurveyText name="ethnicity" label="民族" hint="如：汉族、瑶族、苗族" maxLength={20} />
      <SurveyChoice name="householdRegistration" label="户籍性质" options={HOUSEHOLD_REGISTRATIONS} />
      <SurveyText name="phone" label="联系电话" inputMode="tel" maxLength={30} />
      <SurveyText name="schoolAndMajor" label="毕业院校及专业" />
      <SurveyText name="graduationDate" label="毕业时间" hint="如：2023年6月" maxLength={20} />
      <SurveyChoice name="education" label="文化程度" options={EDUCATION_LEVELS} />
      <SurveyChoice name="health" label="健康状况" options={HEALTH_STATES} />
      <SurveyChoice name="maritalStatus" label="婚姻状况" options={MARITAL_STATES} />
      <SurveyChoice name="politicalStatus" label="政治面貌" options={POLITICAL_STATUSES} />
      <SurveyChoice name="labourAbility" label="劳动能力情况" options={LABOUR_ABILITIES} hint="在校生填「无劳动力」" />
      <SurveyChoice name="isStudent" label="是否在校生" options={YES_NO} />
      <SurveyChoices name="trainingReceived" label="接受培训情况" options={TRAINING_RECEIVED} exclusive={NEVER_TRAINED} />
      <SurveyChoices name="certificates" label="获得技能证书" options={CERTIFICATES} exclusive={NO_CERTIFICATE} />
      <SurveyChoice name="workStatus" label="就失业状况" options={WORK_STATUSES} />
      <SurveyText name="returnedAt" label="外出务工人员返乡时间" maxLength={20} />
      <SurveyText name="employerBeforeReturn" label="外出务工人员返乡前单位" />
      <SurveyText name="occupationBeforeReturn" label="返乡前从事职业" />
      <SurveyChoice name="industryBeforeReturn" label="返乡前就业单位或自主创业所属行业" options={INDUSTRIES} />
      {industryBeforeReturn === OTHER_PLEASE_SPECIFY ? <SurveyText name="industryBeforeReturnOther" label="其他行业（请说明）" /> : null}
    </>
  );
}

function MigrantPlace() {
  const { control } = useFormContext<Person>();
  const region = useWatch({ control, name: 'migrantRegion' });
  const cities = region && region !== '其他地区' ? MIGRANT_REGIONS[region] : [];
  return (
    <>
      <SurveyChoice name="migrantRegion" label="外出务工地" options={MIGRANT_REGION_NAMES} />
      {cities.length > 0 ? <MigrantCityChoice options={cities} label={`${region}：城市`} /> : null}
      {region === '其他地区' ? (
        <div className="inline-fields">
          <SurveyText name="migrantOtherProvince" label="省" maxLength={20} />
          <SurveyText name="migrantOtherCity" label="市（州）" maxLength={20} />
          <SurveyText name="migrantOtherCounty" label="县（市、区、特区）" maxLength={20} />
        </div>
      ) : null}
    </>
  );
}

/** migrantCity is free text in storage (the city list depends on the region), a choice on screen. */
function MigrantCityChoice({ options, label }: { options: readonly string[]; label: string }) {
  const { control, setValue } = useFormContext<Person>();
  const city = useWatch({ control, name: 'migrantCity' });
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      <div className="options">
        {options.map((option) => (
          <label key={option} className="option">
            <input
              type="radio"
              name="migrantCity"
              checked={city === option}
              onChange={() => setValue('migrantCity', option, { shouldDirty: true })}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function EmploymentSection({ regionSet }: { regionSet: RegionBucketSetId }) {
  const { control } = useFormContext<Person>();
  const industry = useWatch({ control, name: 'industry' });
  return (
    <>
      <div className="inline-fields">
        <SurveyText name="workProvince" label="就业（创业）地址：省" maxLength={20} />
        <SurveyText name="workCity" label="市" maxLength={20} />
        <SurveyText name="workCounty" label="区（县）" maxLength={20} />
        <SurveyText name="workTownship" label="乡（镇）" maxLength={20} />
        <SurveyText name="workVillage" label="村" maxLength={20} />
      </div>
      <SurveyText name="employerAndPost" label="工作单位及岗位" />
      <SurveyText name="employerName" label="就业单位名称" />
      <SurveyText name="startupProject" label="自主创业项目名称" />
      <SurveyText name="flexibleJob" label="灵活就业岗位名称" />
      <SurveyText name="workTime" label="工作时间" maxLength={20} />
      <SurveyText name="employedSince" label="就业时间" hint="如：2026年3月" maxLength={20} />
      <SurveyText name="migrantSince" label="外出务工时间" maxLength={20} />
      <SurveyNumber name="monthsEmployedThisYear" label="年内累计就业时长（月）" />
      <SurveyRegion name="employmentRegion" label="就业所在地" currentSet={regionSet} />
      <MigrantPlace />
      <SurveyChoice name="employmentForm" label="就业形式" options={EMPLOYMENT_FORMS} />
      <SurveyChoice name="monthlyWage" label="月工资收入" options={WAGE_BANDS} />
      <SurveyChoice name="migrationChannel" label="外出务工渠道" options={MIGRATION_CHANNELS} />
      <SurveyChoice name="industry" label="所在企业及自主创业所属行业" options={INDUSTRIES} />
      {industry === OTHER_PLEASE_SPECIFY ? <SurveyText name="industryOther" label="其他行业（请说明）" /> : null}
      <SurveyChoices name="startupSupport" label="自主创业人员已经享受的扶持政策" options={STARTUP_SUPPORT_POLICIES} />
    </>
  );
}

export function IntentionSection({ regionSet }: { regionSet: RegionBucketSetId }) {
  const { control } = useFormContext<Person>();
  const [hasIntention, desiredTrades, noIntentionReason] = useWatch({ control, name: ['hasIntention', 'desiredTrades', 'noIntentionReason'] });
  return (
    <>
      <SurveyChoices name="notWorkingReasons" label="未转移就业创业原因" options={NOT_WORKING_REASONS} />
      <SurveyChoice name="hasIntention" label="是否有就业意愿" options={YES_NO} />
      {hasIntention === '否' ? (
        <>
          <SurveyChoice name="noIntentionReason" label="无就业意向原因" options={NO_INTENTION_REASONS} />
          {noIntentionReason === '其他' ? <SurveyText name="noIntentionReasonOther" label="其他原因（请说明）" /> : null}
        </>
      ) : null}
      {hasIntention === '是' ? (
        <>
          <SurveyRegion name="intendedRegion" label="就业意向" currentSet={regionSet} />
          <SurveyChoice name="intendedEmployerType" label="就业意向单位性质" options={INTENDED_EMPLOYER_TYPES} />
          <SurveyText name="expectedPay" label="薪酬期望值" maxLength={40} />
          <SurveyText name="nearTermPlan" label="近期打算" />
        </>
      ) : null}
      <SurveyChoice name="idealWorkplace" label="理想的就业地" options={IDEAL_WORKPLACES} />
      <SurveyChoice name="desiredEmploymentForm" label="就业形式" options={DESIRED_EMPLOYMENT_FORMS} />
      <SurveyChoice name="desiredEmployerType" label="就业单位性质" options={DESIRED_EMPLOYER_TYPES} />
      <SurveyChoice name="wageRequirement" label="月工资收入要求" options={WAGE_BANDS} />
      <SurveyText name="otherRequirements" label="其他要求" />
      <SurveyChoice name="wantsStartup" label="是否有创业意愿" options={YES_NO} />
      <SurveyText name="desiredStartupProject" label="想创业的项目" />
      <SurveyChoice name="wantsTraining" label="是否有培训意愿" options={YES_NO} />
      <SurveyChoices name="desiredTraining" label="愿意接受什么样的培训" options={DESIRED_TRAINING} />
      <SurveyChoices name="desiredTrades" label="最想参加什么工种的培训" options={DESIRED_TRADES} />
      {desiredTrades.includes(OTHER_PLEASE_SPECIFY) ? <SurveyText name="desiredTradeOther" label="其他工种（请说明）" /> : null}
    </>
  );
}

export function SurveyorSection() {
  return (
    <>
      <SurveyText name="surveyor" label="调查人" maxLength={40} />
      <SurveyDate name="surveyedAt" label="调查时间" />
      <SurveyText name="assistanceContact" label="帮扶联系人" maxLength={40} />
      <SurveyText name="assistanceContactPhone" label="帮扶联系人电话" inputMode="tel" maxLength={30} />
      <SurveyText name="remarks" label="备注" maxLength={500} />
    </>
  );
}
