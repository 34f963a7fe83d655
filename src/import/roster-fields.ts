/**
 * The fields a roster column can fill, with the header wordings that name them in the
 * spreadsheets offices hand over (建档立卡花名册, 帮扶台账). Labels are the app's own form labels.
 */
export const ROSTER_FIELDS = [
  { key: 'name', label: '姓名', part: 'person', required: true, headers: ['姓名', '成员姓名', '人员姓名', '劳动力姓名', '家庭成员姓名'] },
  { key: 'idNumber', label: '身份证号', part: 'person', required: true, headers: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'] },
  { key: 'phone', label: '联系电话', part: 'person', headers: ['联系电话', '电话', '电话号码', '手机', '手机号', '手机号码', '联系方式'] },
  { key: 'sex', label: '性别', part: 'person', headers: ['性别'] },
  { key: 'birthDate', label: '出生日期', part: 'person', headers: ['出生日期', '出生年月', '出生年月日'] },
  { key: 'ethnicity', label: '民族', part: 'person', headers: ['民族'] },
  { key: 'education', label: '文化程度', part: 'person', headers: ['文化程度', '学历'] },
  { key: 'health', label: '健康状况', part: 'person', headers: ['健康状况', '健康状态'] },
  { key: 'labourAbility', label: '劳动能力情况', part: 'person', headers: ['劳动能力情况', '劳动能力', '劳动技能'] },
  { key: 'isStudent', label: '是否在校生', part: 'person', headers: ['是否在校生', '在校生'] },
  { key: 'employedSince', label: '就业时间', part: 'person', headers: ['就业时间', '务工时间'] },
  { key: 'assistanceContact', label: '帮扶联系人', part: 'person', headers: ['帮扶联系人', '帮扶责任人', '帮扶人'] },
  { key: 'assistanceContactPhone', label: '帮扶联系人电话', part: 'person', headers: ['帮扶联系人电话', '帮扶责任人电话', '帮扶人电话'] },
  { key: 'remarks', label: '备注', part: 'person', headers: ['备注'] },
  { key: 'county', label: '县（区）', part: 'household', headers: ['县（区）', '县', '县区', '县(市、区)', '县（市、区）'] },
  { key: 'township', label: '乡镇（街道）', part: 'household', headers: ['乡镇（街道）', '乡', '镇', '乡镇', '乡(镇)', '街道'] },
  { key: 'village', label: '村（社区）', part: 'household', headers: ['村（社区）', '村', '行政村', '社区', '村居'] },
  { key: 'group', label: '屯（组）', part: 'household', headers: ['屯（组）', '组', '屯', '组/屯', '屯/组', '村民小组', '自然村', '组（屯）'] },
  { key: 'householdNumber', label: '户编号', part: 'household', headers: ['户编号', '户号', '家庭编号', '户码', '户编码'] },
  { key: 'headName', label: '户主姓名', part: 'household', headers: ['户主姓名', '户主'] },
  { key: 'headIdNumber', label: '户主身份证号', part: 'household', headers: ['户主身份证号', '户主身份证号码', '户主证件号码'] },
  { key: 'relationship', label: '与户主关系', part: 'household', headers: ['与户主关系', '与户主的关系', '家庭关系'] },
  { key: 'monitored', label: '是否监测对象', part: 'household', headers: ['是否监测对象', '监测对象', '是否监测户'] },
  { key: 'monitorType', label: '监测对象类型', part: 'household', headers: ['监测对象类型', '监测对象类别', '监测类型'] },
  { key: 'relocated', label: '是否易地搬迁安置户', part: 'household', headers: ['是否易地搬迁安置户', '是否易地搬迁户', '易地搬迁安置户', '是否易地扶贫搬迁'] },
] as const satisfies readonly { key: string; label: string; part: 'person' | 'household'; required?: boolean; headers: readonly string[] }[];

export type RosterFieldKey = (typeof ROSTER_FIELDS)[number]['key'];
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_FIELD_LABELS = Object.fromEntries(ROSTER_FIELDS.map((field) => [field.key, field.label])) as Record<RosterFieldKey, string>;

export const REQUIRED_FIELDS: readonly RosterFieldKey[] = ROSTER_FIELDS.filter((field) => 'required' in field && field.required).map((field) => field.key);

/** Required fields the mapping leaves out, as the clerk should read it. */
export function describeMissingFields(mapping: RosterMapping): string | undefined {
  const missing = REQUIRED_FIELDS.filter((key) => mapping[key] === undefined).map((key) => `“${ROSTER_FIELD_LABELS[key]}”`);
  return missing.length > 0 ? `还没有指定${missing.join('')}在哪一列：请在下面选择` : undefined;
}

/** Which column (1-based) fills which field; a field left out is not imported. */
export type RosterMapping = Partial<Record<RosterFieldKey, number>>;

/**
 * How rows become households: rows with the same 户编号 / 户主身份证号 / 户主姓名 (in the same
 * village) are one household; 'row' makes every row its own household.
 */
export type Grouping = 'householdNumber' | 'headIdNumber' | 'headName' | 'row';

export const GROUPING_LABELS: Record<Grouping, string> = {
  householdNumber: '按户编号分户',
  headIdNumber: '按户主身份证号分户',
  headName: '按户主姓名分户（同村同名为一户）',
  row: '每行一户',
};

/** A header as compared: full-width brackets and letters to ASCII, no spaces, no required-field stars. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*＊]/g, '');
}

const WORDINGS: readonly { key: RosterFieldKey; wording: string }[] = ROSTER_FIELDS.flatMap((field) =>
  [field.label, ...field.headers].map((header) => ({ key: field.key, wording: normalizeHeader(header) })),
);

/**
 * The likely field of each column from its header: an exact wording first, then the longest
 * wording the header contains (「户主身份证号码（18位）」 is 户主身份证号, not 身份证号). A header
 * the clerk mapped before (`remembered`, by normalised header; '' = not imported) wins.
 */
export function guessMapping(headers: readonly string[], remembered: Readonly<Record<string, RosterFieldKey | ''>> = {}): RosterMapping {
  const mapping: RosterMapping = {};
  const taken = new Set<number>();
  const assign = (key: RosterFieldKey, column: number) => {
    if (mapping[key] !== undefined || taken.has(column)) return;
    mapping[key] = column;
    taken.add(column);
  };
  const normalized = headers.map(normalizeHeader);
  normalized.forEach((header, index) => {
    if (header in remembered) {
      const key = remembered[header];
      if (key) assign(key, index + 1);
      else taken.add(index + 1);
    }
  });
  normalized.forEach((header, index) => {
    const exact = WORDINGS.find((entry) => entry.wording === header);
    if (exact) assign(exact.key, index + 1);
  });
  normalized.forEach((header, index) => {
    if (header === '') return;
    const contained = WORDINGS.filter((entry) => entry.wording.length >= 2 && header.includes(entry.wording)).sort((a, b) => b.wording.length - a.wording.length);
    for (const entry of contained) {
      if (mapping[entry.key] === undefined) {
        assign(entry.key, index + 1);
        break;
      }
    }
  });
  return mapping;
}

/** The mapping to remember: each header with the field the clerk gave it ('' = not imported). */
export function rememberMapping(headers: readonly string[], mapping: RosterMapping): Record<string, RosterFieldKey | ''> {
  const byColumn = new Map(Object.entries(mapping).map(([key, column]) => [column, key as RosterFieldKey]));
  const remembered: Record<string, RosterFieldKey | ''> = {};
  headers.forEach((header, index) => {
    const normalized = normalizeHeader(header);
    if (normalized) remembered[normalized] = byColumn.get(index + 1) ?? '';
  });
  return remembered;
}

/** The natural grouping for a mapping: by 户编号, else by 户主身份证号, else by 户主姓名, else one household per row. */
export function defaultGrouping(mapping: RosterMapping): Grouping {
  if (mapping.householdNumber !== undefined) return 'householdNumber';
  if (mapping.headIdNumber !== undefined) return 'headIdNumber';
  if (mapping.headName !== undefined) return 'headName';
  return 'row';
}

/** The groupings the mapping allows: each needs its column. */
export function availableGroupings(mapping: RosterMapping): Grouping[] {
  const byColumn = (['householdNumber', 'headIdNumber', 'headName'] as const).filter((grouping) => mapping[grouping] !== undefined);
  return [...byColumn, 'row'];
}

/** What the phone remembers between imports: each header's field, and how households were grouped. */
export interface RememberedMapping {
  columns: Record<string, RosterFieldKey | ''>;
  grouping?: Grouping;
}

export const REMEMBERED_MAPPING_KEY = 'import.rosterMapping';

const FIELD_KEYS: ReadonlySet<string> = new Set(ROSTER_FIELDS.map((field) => field.key));
const GROUPINGS: ReadonlySet<string> = new Set(Object.keys(GROUPING_LABELS));

/** The stored value, repaired: unknown fields and groupings are dropped. */
export function restoreRememberedMapping(stored: unknown): RememberedMapping {
  const value = typeof stored === 'object' && stored !== null ? (stored as { columns?: unknown; grouping?: unknown }) : {};
  const columns: Record<string, RosterFieldKey | ''> = {};
  if (typeof value.columns === 'object' && value.columns !== null) {
    for (const [header, key] of Object.entries(value.columns)) if (key === '' || (typeof key === 'string' && FIELD_KEYS.has(key))) columns[header] = key as RosterFieldKey | '';
  }
  return typeof value.grouping === 'string' && GROUPINGS.has(value.grouping) ? { columns, grouping: value.grouping as Grouping } : { columns };
}
