/**
 * One row of the official detail ledger 柳州市脱贫家庭劳动力就业帮扶明细表 (seed 000 附件2-1),
 * as text exactly as the cell shows it (trimmed). Checks and summaries read these; the Excel
 * reader and the app's own records both produce them.
 */
export interface LedgerRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  serial: string; // 序号
  county: string; // 县（区）
  township: string; // 乡
  village: string; // 村
  name: string; // 姓名
  idNumber: string; // 身份证号
  phone: string; // 联系电话
  labourAbility: string; // 劳动能力情况
  relocated: string; // 是否易地搬迁安置户
  isStudent: string; // 是否在校生
  monitored: string; // 是否监测对象
  monitorType: string; // 监测对象类型
  monthsEmployed: string; // 年内累计就业时长（月）
  employmentRegion: string; // 就业区域
  employedSince: string; // 就业时间
  employerName: string; // 就业单位名称
  intendedRegion: string; // 就业意向
  intendedEmployerType: string; // 就业意向单位性质
  expectedPay: string; // 薪酬期望值
  nearTermPlan: string; // 近期打算
  noIntentionReason: string; // 无就业意向原因
  guidanceCount: string; // 职业指导服务次数
  referralCount: string; // 一对一岗位推介次数
  internship: string; // 是否参加就业见习
  training: string; // 是否参加技能培训
  assistanceContact: string; // 帮扶联系人
  assistanceContactPhone: string; // 帮扶联系人电话
  remarks: string; // 备注
}

/** The ledger's columns in sheet order, with the header wording of 附件2-1 (second header row where merged). */
export const LEDGER_COLUMNS: readonly { key: Exclude<keyof LedgerRow, 'row'>; header: string; group?: string }[] = [
  { key: 'serial', header: '序号' },
  { key: 'county', header: '县（区）' },
  { key: 'township', header: '乡' },
  { key: 'village', header: '村' },
  { key: 'name', header: '姓名', group: '人员基本信息' },
  { key: 'idNumber', header: '身份证号', group: '人员基本信息' },
  { key: 'phone', header: '联系电话', group: '人员基本信息' },
  { key: 'labourAbility', header: '劳动能力情况', group: '人员基本信息' },
  { key: 'relocated', header: '是否易地搬迁安置户', group: '人员基本信息' },
  { key: 'isStudent', header: '是否在校生', group: '人员基本信息' },
  { key: 'monitored', header: '是否监测对象', group: '人员基本信息' },
  { key: 'monitorType', header: '监测对象类型', group: '人员基本信息' },
  { key: 'monthsEmployed', header: '年内累计就业时长（月）' },
  { key: 'employmentRegion', header: '就业区域（广东、非广东区外、区内市外、市内县外、县内）', group: '已就业情况' },
  { key: 'employedSince', header: '就业时间', group: '已就业情况' },
  { key: 'employerName', header: '就业单位名称', group: '已就业情况' },
  { key: 'intendedRegion', header: '就业意向（广东、非广东区外、区内市外、市内县外、县内）', group: '未就业情况' },
  { key: 'intendedEmployerType', header: '就业意向单位性质（机关事业、国有企业、民营企业、其他）', group: '未就业情况' },
  { key: 'expectedPay', header: '薪酬期望值', group: '未就业情况' },
  { key: 'nearTermPlan', header: '近期打算', group: '未就业情况' },
  { key: 'noIntentionReason', header: '无就业意向原因', group: '未就业情况' },
  { key: 'guidanceCount', header: '职业指导服务次数', group: '就业帮扶情况' },
  { key: 'referralCount', header: '一对一岗位推介次数', group: '就业帮扶情况' },
  { key: 'internship', header: '是否参加就业见习', group: '就业帮扶情况' },
  { key: 'training', header: '是否参加技能培训', group: '就业帮扶情况' },
  { key: 'assistanceContact', header: '帮扶联系人' },
  { key: 'assistanceContactPhone', header: '帮扶联系人电话' },
  { key: 'remarks', header: '备注' },
];

/** The 未就业情况 columns that say a person wants work (附件2-1). */
export const INTENTION_KEYS = ['intendedRegion', 'intendedEmployerType', 'expectedPay', 'nearTermPlan'] as const satisfies readonly (keyof LedgerRow)[];

// The status definitions of ../shared/CONTRACTS.md, shared by the checks and the 汇总表.

/** 已就业 = 就业区域 given. */
export function isEmployedRow(row: LedgerRow): boolean {
  return row.employmentRegion.trim() !== '';
}

/** 有就业意愿 = any of 就业意向 / 就业意向单位性质 / 薪酬期望值 / 近期打算 given. */
export function hasIntentionRow(row: LedgerRow): boolean {
  return INTENTION_KEYS.some((key) => row[key].trim() !== '');
}

/** 无就业意向 = 无就业意向原因 given. */
export function hasNoIntentionRow(row: LedgerRow): boolean {
  return row.noIntentionReason.trim() !== '';
}
