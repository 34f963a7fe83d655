/**
 * The synthetic data set as a township's roster (花名册): one CSV row per person with the
 * household's columns repeated, headed with wordings the app's 导入花名册 screen recognises.
 */
import { generateHouseholds, type GenerateOptions } from './generate';

export const ROSTER_HEADERS = [
  '县（区）', '乡镇（街道）', '村（社区）', '屯（组）', '户编号', '户主姓名', '姓名', '性别', '身份证号', '民族', '联系电话',
  '文化程度', '健康状况', '劳动能力情况', '是否在校生', '帮扶联系人', '帮扶联系人电话', '是否监测对象', '监测对象类型', '是否易地搬迁安置户',
];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The roster's lines, header first, each ending in CRLF as spreadsheet programs write them. */
export function* generateRosterCsv(options: GenerateOptions): Generator<string> {
  yield `${ROSTER_HEADERS.join(',')}\r\n`;
  const yesNo = (value: boolean) => (value ? '是' : '否');
  for (const { household, people } of generateHouseholds(options)) {
    for (const person of people) {
      const fields = [
        household.county, household.township, household.village, household.group, household.number, household.head,
        person.name, person.sex ?? '', person.idNumber, person.ethnicity, person.phone, person.education ?? '', person.health ?? '',
        person.labourAbility ?? '', person.isStudent ?? '', person.assistanceContact, person.assistanceContactPhone,
        yesNo(household.monitored), household.monitorType ?? '', yesNo(household.relocated),
      ];
      yield `${fields.map(csvField).join(',')}\r\n`;
    }
  }
}
