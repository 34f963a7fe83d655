/**
 * The 疑点 check codes (../shared/CONTRACTS.md) with the short Chinese name the 疑点 screen
 * groups by. Codes never change meaning; a new check gets a new code.
 */
export const CHECK_NAMES: Readonly<Record<string, string>> = {
  'id.format': '身份证号格式错误',
  'id.checksum': '身份证号校验位错误',
  'id.birthdate': '身份证号出生日期错误',
  'id.duplicate': '身份证号重复',
  'age.sex_mismatch': '年龄或性别与身份证号不符',
  'age.working': '不在劳动年龄内',
  'employment.contradiction': '就业情况与未就业情况矛盾',
  'employment.months': '年内累计就业时长有误',
  'employment.region_missing': '缺少就业区域',
  'status.missing': '就业状态未填',
  'student.ability': '在校生劳动能力有误',
  'monitor.type': '监测对象类型有误',
  'value.unknown': '选项不在规定范围',
  'value.invalid': '数值有误',
  'value.exclusive': '互斥选项同时选择',
  'person.required': '必填项未填',
  'package.incomplete': '服务包未落实',
  'phone.format': '电话号码格式有误',
  'household.zero_employment': '零就业家庭超过一个月未清零',
  'household.relocated_unemployed': '易地搬迁户有劳动力无人就业',
  'post.double_subsidy': '公益性岗位人员在县外务工',
  'record.stale': '超过核实周期未核实',
  'package.overdue': '超过动态清零期限仍未落实服务包',
  'internship.ineligible': '就业见习对象不符合条件',
};

export function describeCheck(code: string): string {
  return CHECK_NAMES[code] ?? code;
}

/** Checks that need more than the survey form: the record's household, events or other records. */
export const DATA_SET_CHECK_CODES: ReadonlySet<string> = new Set([
  'id.duplicate',
  'household.zero_employment',
  'household.relocated_unemployed',
  'post.double_subsidy',
  'record.stale',
  'package.overdue',
  'internship.ineligible',
]);

export const LEVEL_NAMES = { error: '错误', warning: '提醒' } as const;
