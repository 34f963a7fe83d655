import { parseIdNumber, type IdNumberInfo } from '../domain/id-card';
import { checkPhone } from '../domain/phone';
import { cleanCode, cleanText, describeNumericIdNumber, parseDateCell, parseYesNo, type Cleaned } from './cell-values';
import { planImport, type HouseholdFields, type ImportCandidate, type ImportContext, type ImportPlan, type PersonFields, type RowIssue } from './import-plan';
import { ROSTER_FIELD_LABELS, type Grouping, type RosterFieldKey, type RosterMapping } from './roster-fields';
import type { RosterTable } from './roster-table';
import { EMPTY_CELL, type SheetCell } from './sheet';

export interface RosterRows {
  candidates: ImportCandidate[];
  issues: RowIssue[];
}

/**
 * Reads every data row through the mapping: cleans each value (saying what it tidied), checks
 * the ID number by GB 11643, dates in any usual form, 是/否 columns, and puts the row in its
 * household. A row with an error becomes no candidate; the errors say what and where.
 */
export function readRosterRows(table: RosterTable, mapping: RosterMapping, grouping: Grouping, reportDate: string): RosterRows {
  const candidates: ImportCandidate[] = [];
  const issues: RowIssue[] = [];
  for (const { row, cells } of table.rows) {
    const rowIssues: RowIssue[] = [];
    const error = (key: RosterFieldKey, message: string) => rowIssues.push({ row, field: ROSTER_FIELD_LABELS[key], message, level: 'error' });
    const notice = (key: RosterFieldKey, message: string) => rowIssues.push({ row, field: ROSTER_FIELD_LABELS[key], message, level: 'notice' });
    const cell = (key: RosterFieldKey): SheetCell | undefined => {
      const column = mapping[key];
      return column === undefined ? undefined : (cells[column - 1] ?? EMPTY_CELL);
    };
    const tidy = (key: RosterFieldKey, cleaned: Cleaned): string => {
      for (const change of cleaned.changes) notice(key, change);
      return cleaned.value;
    };
    const text = (key: RosterFieldKey): string | undefined => {
      const found = cell(key);
      return found ? tidy(key, cleanText(found.text)) || undefined : undefined;
    };
    const code = (key: RosterFieldKey): string | undefined => {
      const found = cell(key);
      return found ? tidy(key, cleanCode(found.text)) || undefined : undefined;
    };
    const yesNo = (key: RosterFieldKey): '是' | '否' | undefined => {
      const found = cell(key);
      if (!found) return undefined;
      const value = parseYesNo(found.text);
      if (value === null) error(key, `应填“是”或“否”，现为“${found.text.trim()}”`);
      return value ?? undefined;
    };
    const date = (key: RosterFieldKey): string | undefined => {
      const found = cell(key);
      if (!found || found.text.trim() === '') return undefined;
      const parsed = parseDateCell(found);
      if (!parsed.ok) error(key, parsed.message);
      return parsed.ok ? parsed.value : undefined;
    };

    for (const range of table.dataMerges) {
      if (range.top > row || range.bottom < row) continue;
      const merged = (Object.entries(mapping) as [RosterFieldKey, number][]).filter(([, column]) => column >= range.left && column <= range.right);
      for (const [key] of merged) error(key, `在合并单元格 ${range.ref} 中：每人一行，请取消合并并逐行填写`);
    }

    const name = text('name');
    if (!name) error('name', '未填写');

    const id = readIdNumber(cell('idNumber'), reportDate, (message) => error('idNumber', message), (cleaned) => tidy('idNumber', cleaned));

    const person: PersonFields = {};
    if (name) person.name = name;
    const phone = code('phone');
    if (phone) {
      person.phone = phone;
      const checked = checkPhone(phone);
      if (!checked.ok) notice('phone', `“${phone}”不是11位手机号或带区号的固定电话，请核对`);
    }
    const sex = text('sex');
    if (sex !== undefined) {
      if (sex !== '男' && sex !== '女') error('sex', `应填“男”或“女”，现为“${sex}”`);
      else if (id && id.sex !== sex) error('sex', `与身份证号不符（身份证号为${id.sex}性）`);
      else person.sex = sex;
    }
    const birthDate = date('birthDate');
    if (birthDate && id && !id.birthDate.startsWith(birthDate)) error('birthDate', `${birthDate} 与身份证号中的出生日期 ${id.birthDate} 不一致`);
    for (const key of ['ethnicity', 'education', 'health', 'labourAbility', 'assistanceContact', 'remarks'] as const) {
      const value = text(key);
      if (value !== undefined) Object.assign(person, { [key]: value });
    }
    const isStudent = yesNo('isStudent');
    if (isStudent) person.isStudent = isStudent;
    const employedSince = date('employedSince');
    if (employedSince) person.employedSince = employedSince;
    const contactPhone = code('assistanceContactPhone');
    if (contactPhone) person.assistanceContactPhone = contactPhone;

    const household: HouseholdFields = {};
    for (const [key, field] of [['county', 'county'], ['township', 'township'], ['village', 'village'], ['group', 'group'], ['headName', 'head'], ['monitorType', 'monitorType']] as const) {
      const value = text(key);
      if (value !== undefined) Object.assign(household, { [field]: value });
    }
    const number = code('householdNumber');
    if (number) household.number = number;
    const monitored = yesNo('monitored');
    if (monitored) household.monitored = monitored === '是';
    // A monitor type alone says the household is monitored; HouseholdSchema insists on both.
    if (household.monitorType && household.monitored === undefined) household.monitored = true;
    const relocated = yesNo('relocated');
    if (relocated) household.relocated = relocated === '是';
    const relationship = text('relationship');
    const headIdCell = cell('headIdNumber');
    const headIdNumber = headIdCell ? readHeadIdNumber(headIdCell, grouping === 'headIdNumber', (message) => error('headIdNumber', message), (cleaned) => tidy('headIdNumber', cleaned)) : undefined;

    let householdKey = `row:${row}`;
    if (grouping === 'householdNumber') {
      if (!number) error('householdNumber', '未填写（按户编号分户时每行都要有户编号）');
      householdKey = `number:${number ?? ''}`;
    } else if (grouping === 'headIdNumber') {
      if (!headIdNumber && headIdCell?.text.trim() === '') error('headIdNumber', '未填写（按户主身份证号分户时每行都要有）');
      householdKey = `head-id:${headIdNumber ?? ''}`;
    } else if (grouping === 'headName') {
      if (!household.head) error('headName', '未填写（按户主姓名分户时每行都要有）');
      householdKey = `head:${household.village ?? ''}:${household.head ?? ''}`;
    }

    issues.push(...rowIssues);
    if (rowIssues.some((issue) => issue.level === 'error') || !id) continue;
    candidates.push({
      row,
      idNumber: id.idNumber,
      person,
      personDefaults: { sex: id.sex },
      household,
      householdKey,
      isHead: relationship !== undefined && /^(户主|本人)$/.test(relationship),
      headIdNumber,
    });
  }
  return { candidates, issues };
}

function readIdNumber(found: SheetCell | undefined, reportDate: string, error: (message: string) => void, tidy: (cleaned: Cleaned) => string): IdNumberInfo | undefined {
  if (!found || found.text.trim() === '') {
    error('未填写');
    return undefined;
  }
  const numeric = describeNumericIdNumber(found);
  if (numeric) {
    error(numeric);
    return undefined;
  }
  const cleaned = tidy(cleanCode(found.text));
  const parsed = parseIdNumber(cleaned, reportDate);
  if (!parsed.ok) {
    // parseIdNumber's messages name the field; the row message names it already.
    const message = parsed.message.replace(/^身份证号(中的)?/, '');
    // Saved from a number column with format 0, Excel writes the lost digits as zeros.
    const zeros = parsed.code === 'id.checksum' && /^\d{15}000$/.test(cleaned) ? '（末三位是 000，可能曾被存成数字、后几位已丢失：请把该列设为“文本”后重新录入）' : '';
    error(message + zeros);
    return undefined;
  }
  return parsed.value;
}

function readHeadIdNumber(found: SheetCell, isGroupingKey: boolean, error: (message: string) => void, tidy: (cleaned: Cleaned) => string): string | undefined {
  const numeric = describeNumericIdNumber(found);
  if (numeric) {
    // Lost digits make different heads look alike, so grouping by them would merge households.
    if (isGroupingKey) error(numeric);
    return undefined;
  }
  const value = tidy(cleanCode(found.text)).toUpperCase();
  return value || undefined;
}

/** The whole roster path: rows read through the mapping, then planned against the phone's records. */
export function planRosterImport(table: RosterTable, mapping: RosterMapping, grouping: Grouping, context: ImportContext, reportDate: string): ImportPlan {
  const { candidates, issues } = readRosterRows(table, mapping, grouping, reportDate);
  return planImport(candidates, issues, context);
}
