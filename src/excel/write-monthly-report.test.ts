import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyMonthlyFigures, type MonthlyReport } from '../domain/monthly-report';
import { toXlsxBytes } from './sheet-style';
import { writeMonthlyReportWorkbook } from './write-monthly-report';

/**
 * The header of seed 002 附件1 (河源市就业技能精准扶贫组织化程度工作月报表), copied from the seed:
 * the 序号 row 1–7, the group row, the column row whose first cell is 日期.
 */
const SEED_HEADER: readonly [string, string | number][] = [
  ['A1', '河源市就业技能精准扶贫组织化程度工作月报表'],
  ['A2', '填报单位：（加盖公章）'],
  ['A3', '序号'],
  ['B3', 1],
  ['E3', 2],
  ['F3', 3],
  ['H3', 4],
  ['J3', 5],
  ['L3', 6],
  ['N3', 7],
  ['B4', '建档立卡贫困劳动力'],
  ['E4', '通过举办专项招聘活动解决贫困劳动力就业人数'],
  ['F4', '建立乡镇（村）就业扶贫车间'],
  ['H4', '公益性岗位安置'],
  ['J4', '培训贫困劳动力'],
  ['L4', '已转移就业贫困劳动力跟踪服务'],
  ['N4', '与扶贫部门确认更新贫困劳动力就业工作信息人数'],
  ['A5', '日期'],
  ['B5', '与扶贫办核对建档人数'],
  ['C5', '已上门调查人数'],
  ['D5', '政策宣传人数'],
  ['F5', '建立车间数量'],
  ['G5', '安置贫困劳动力就业人数'],
  ['H5', '岗位设置数'],
  ['I5', '安置贫困劳动力就业人数'],
  ['J5', '技能培训人数'],
  ['K5', '创业培训人数'],
  ['L5', '已就业人数'],
  ['M5', '进行跟踪服务人数'],
];

/** 序号 over two rows; each number over its group; the two ungrouped columns down to the column row. */
const SEED_HEADER_MERGES = ['A1:N1', 'A2:N2', 'A3:A4', 'B3:D3', 'F3:G3', 'H3:I3', 'J3:K3', 'L3:M3', 'B4:D4', 'E4:E5', 'F4:G4', 'H4:I4', 'J4:K4', 'L4:M4', 'N4:N5'];

function aReport(): MonthlyReport {
  const month = (value: number) => ({ ...emptyMonthlyFigures(), registered: value, employed: value * 2 });
  return {
    year: 2026,
    months: [
      { month: '2026-04', label: '2026年4月', figures: month(3) },
      { month: '2026-05', label: '2026年5月', figures: month(4) },
    ],
    total: { ...month(7), employed: 8 },
  };
}

describe('writeMonthlyReportWorkbook', () => {
  const sheet = writeMonthlyReportWorkbook(aReport()).worksheets[0]!;

  it.each(SEED_HEADER)('%s reads as the seed: %s', (address, text) => {
    expect(sheet.getCell(address).value).toBe(text);
  });

  it('merges the header as the seed does, and the 备注 row across the figures', () => {
    expect([...sheet.model.merges].sort()).toEqual([...SEED_HEADER_MERGES, 'B9:N9'].sort());
  });

  it('writes one row per month under 日期, then 累计, then the 备注 row', () => {
    const row = (number: number) => Array.from({ length: 14 }, (_, index) => sheet.getCell(number, index + 1).value);
    expect(row(6)).toEqual(['2026年4月', 3, 0, 0, 0, null, null, 0, 0, 0, 0, 6, 0, 0]);
    expect(row(7)).toEqual(['2026年5月', 4, 0, 0, 0, null, null, 0, 0, 0, 0, 8, 0, 0]);
    expect(row(8)).toEqual(['累计', 7, 0, 0, 0, null, null, 0, 0, 0, 0, 8, 0, 0]);
    expect(sheet.getCell('A9').value).toBe('备注（其它需要说明的情况。例：扶贫相关政策等）');
  });

  it('puts the unit before （加盖公章） and the remarks in the 备注 row', () => {
    const filled = writeMonthlyReportWorkbook(aReport(), { unit: '和平县人力资源和社会保障局', remarks: '车间数据由县就业局另报' }).worksheets[0]!;
    expect(filled.getCell('A2').value).toBe('填报单位：和平县人力资源和社会保障局（加盖公章）');
    expect(filled.getCell('B9').value).toBe('车间数据由县就业局另报');
  });

  it('survives the trip through .xlsx bytes with numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await toXlsxBytes(writeMonthlyReportWorkbook(aReport()))).buffer);
    const reread = workbook.worksheets[0]!;
    expect(reread.getCell('B6').value).toBe(3);
    expect(reread.getCell('F6').value).toBeNull();
    expect(reread.getCell('E5').master.address).toBe('E4');
  });
});
