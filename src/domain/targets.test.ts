import { describe, expect, it } from 'vitest';
import { readSeedExcerpt } from '../../tests/fixtures/seeds';
import { emptyTargetPlan, findTargetMismatches, MilestoneSchema, parseTargetTable, targetOf, targetsForUnit, withFigure, type TargetPlan } from './targets';

/** 附件1 of seed 000 exactly as the seed file holds it (one cell per line, stray spaces). */
const seedTargetTable = () => readSeedExcerpt('seed-000-attachment-1');

describe('parseTargetTable', () => {
  it('reads the eight townships and the 合计 row of seed 000 附件1', () => {
    const table = parseTargetTable(seedTargetTable());
    expect(table.problems).toEqual([]);
    expect(table.rows.map((row) => row.name)).toEqual(['百朋镇', '成团镇', '穿山镇', '进德镇', '拉堡镇', '里高镇', '三都镇', '土博镇']);
    expect(table.rows[0]!.figures).toEqual({ otherLabour: 10921, povertyPlan: 1175, povertyStretch: 1226, totalPlan: 12096 });
    expect(table.totals).toEqual({ otherLabour: 72200, povertyPlan: 7800, povertyStretch: 8585, totalPlan: 80000 });
  });

  it('reads rows pasted from Excel as tab-separated lines, with thousands separators', () => {
    const table = parseTargetTable('乡镇\t面上人数\t计划任务数\t奋斗目标数\t转移就业总人数\t备注\n百朋镇\t10,921\t1175\t1226\t12096\t\n合计\t10921\t1175\t1226\t12096\t');
    expect(table.rows).toEqual([{ name: '百朋镇', figures: { otherLabour: 10921, povertyPlan: 1175, povertyStretch: 1226, totalPlan: 12096 } }]);
    expect(table.totals?.totalPlan).toBe(12096);
  });

  it('reads 合  计 with spaces and a 序号 column', () => {
    const table = parseTargetTable('序号\t乡镇\t面上人数\n1\t百朋镇\t10921\t1175\t1226\t12096\n2\t成团镇\t8882\t610\t648\t9492\n\t合  计\t19803\t1785\t1874\t21588');
    expect(table.problems).toEqual([]);
    expect(table.rows.map((row) => row.name)).toEqual(['百朋镇', '成团镇']);
    expect(table.totals?.totalPlan).toBe(21588);
  });

  it('says which row has too few numbers', () => {
    expect(parseTargetTable('百朋镇\t10921\t1175\n').problems).toEqual(['「百朋镇」后有 2 个数字，应为 4 个（面上人数、计划任务数、奋斗目标数、转移就业总人数）']);
  });
});

function planFromSeed(): TargetPlan {
  const table = parseTargetTable(seedTargetTable());
  return {
    ...emptyTargetPlan(2023),
    units: table.rows.map((row) => ({ township: row.name, village: '', ...row.figures })),
    tableTotals: table.totals ?? {},
    statedTotals: { povertyPlan: 7746, povertyStretch: 8585, totalPlan: 80000 },
  };
}

describe('findTargetMismatches', () => {
  it('shows that seed 000 says at least 7,746 in its text while its table sums to 7,800', () => {
    expect(findTargetMismatches(planFromSeed())).toEqual([
      { where: '文件正文', message: '脱贫户（含监测户）计划任务数：正文写 7746，表中合计为 7800，相差 54' },
    ]);
  });

  it('finds a row whose parts do not make its total, and a 合计 row that is not the sum', () => {
    const plan = planFromSeed();
    plan.units[0] = { ...plan.units[0]!, totalPlan: 12097 };
    expect(findTargetMismatches(plan).map((mismatch) => `${mismatch.where}：${mismatch.message}`)).toEqual([
      '百朋镇：面上人数 10921 + 脱贫户计划任务数 1175 = 12096，与转移就业总人数 12097 不一致',
      '合计：转移就业总人数：合计行写 80000，各乡镇相加为 80001，相差 1',
      '文件正文：脱贫户（含监测户）计划任务数：正文写 7746，表中合计为 7800，相差 54',
    ]);
  });

  it('finds villages that do not add up to their township', () => {
    const plan: TargetPlan = {
      ...emptyTargetPlan(2026),
      units: [
        { township: '融水镇', village: '', povertyPlan: 100 },
        { township: '融水镇', village: '新国村', povertyPlan: 60 },
        { township: '融水镇', village: '东良村', povertyPlan: 30 },
      ],
    };
    expect(findTargetMismatches(plan)).toEqual([{ where: '融水镇', message: '脱贫户（含监测户）计划任务数：乡镇行写 100，各村相加为 90，相差 10' }]);
  });

  it('still compares the text with the table when a 合计 figure was cleared', () => {
    const plan = planFromSeed();
    plan.tableTotals = withFigure(plan.tableTotals, 'povertyPlan', undefined);
    expect(findTargetMismatches(plan).map((mismatch) => mismatch.message)).toEqual(['脱贫户（含监测户）计划任务数：正文写 7746，表中合计为 7800，相差 54']);
  });

  it.each(['02-30', '04-31', '13-01'])('refuses the milestone date %s', (date) => {
    expect(MilestoneSchema.safeParse({ date, share: 0.5 }).success).toBe(false);
  });

  it('finds nothing in a plan that adds up', () => {
    const plan = planFromSeed();
    plan.statedTotals = { povertyPlan: 7800 };
    expect(findTargetMismatches(plan)).toEqual([]);
  });
});

describe('targetsForUnit', () => {
  const plan: TargetPlan = {
    ...emptyTargetPlan(2026),
    units: [
      { township: '融水镇', village: '', povertyPlan: 100 },
      { township: '融水镇', village: '新国村', povertyPlan: 60 },
      { township: '安陲乡', village: '东良村', povertyPlan: 30 },
      { township: '安陲乡', village: '大浪村', povertyPlan: 20 },
    ],
    tableTotals: { totalPlan: 900 },
  };

  it.each([
    ['a village: its own row', { township: '融水镇', village: '新国村' }, { township: '融水镇', village: '新国村', povertyPlan: 60 }],
    ['a township with a row of its own', { township: '融水镇', village: '' }, { township: '融水镇', village: '', povertyPlan: 100 }],
    ['a township split only by village: the villages added up', { township: '安陲乡' }, { povertyPlan: 50 }],
    ['a village without a row', { township: '安陲乡', village: '香粉村' }, undefined],
    ['everyone: the township rows, with the 合计 row where it states a figure', {}, { povertyPlan: 100, totalPlan: 900 }],
  ])('%s', (_, unit, expected) => {
    expect(targetsForUnit(plan, unit)).toEqual(expected);
  });

  it('has nothing for a plan without rows', () => {
    expect(targetsForUnit(emptyTargetPlan(2026), {})).toBeUndefined();
  });
});

describe('targetOf', () => {
  it.each([
    [{ totalPlan: 12096, otherLabour: 10921, povertyPlan: 1175 }, 'total', 'plan', 12096],
    [{ otherLabour: 10921, povertyPlan: 1175 }, 'total', 'plan', 12096],
    [{ otherLabour: 10921 }, 'total', 'plan', undefined],
    [{ povertyPlan: 1175, povertyStretch: 1226 }, 'poverty', 'stretch', 1226],
  ] as const)('%j %s %s → %s', (figures, group, level, expected) => {
    expect(targetOf(figures, group, level)).toBe(expected);
  });
});
