import { afterEach, describe, expect, it } from 'vitest';
import { recordEvents } from '../../../src/db/events';
import { saveHousehold } from '../../../src/db/households';
import { savePerson } from '../../../src/db/people';
import { savePreferences } from '../../../src/db/preferences';
import { saveTargetPlan } from '../../../src/db/targets';
import { restorePreferences } from '../../../src/domain/preferences';
import { emptyTargetPlan } from '../../../src/domain/targets';
import { createAnalysisApi, type AnalysisApi } from '../../../workers/analysis-api';
import { aDatabase, aHousehold, anEmployedPerson, aPerson, VALID_ID_MALE_1990 } from '../../builders';
import type { FieldbookDatabase } from '../../../src/db/database';

const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T09:00:00+08:00');
const opened: FieldbookDatabase[] = [];

async function aPhone(): Promise<{ db: FieldbookDatabase; analysis: AnalysisApi }> {
  const db = aDatabase();
  opened.push(db);
  return { db, analysis: createAnalysisApi(db, () => TODAY) };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const codes = (rows: { code: string }[]) => rows.map((row) => row.code).sort();

describe('the worker model', () => {
  it('reads every record with progress, then follows edits without reloading', async () => {
    const { db, analysis } = await aPhone();
    const household = await saveHousehold(db, aHousehold(), NOW);
    for (let index = 0; index < 12; index += 1) await savePerson(db, anEmployedPerson({ id: `p${index}`, householdId: household.id, idNumber: '' }), NOW);
    const progress: number[] = [];
    const stats = await analysis.model.load(({ loaded, total }) => progress.push(loaded / total));
    expect(stats).toMatchObject({ households: 1, people: 12, events: 0 });
    expect(progress.at(-1)).toBe(1);

    await savePerson(db, anEmployedPerson({ id: 'p-new', householdId: household.id, idNumber: '' }), NOW);
    expect((await analysis.model.stats()).people).toBe(13);
    await db.people.delete('p0');
    expect((await analysis.model.stats()).people).toBe(12);
  });

  it('flags a duplicate ID on both records, and clears both when one is corrected', async () => {
    const { db, analysis } = await aPhone();
    const first = await saveHousehold(db, aHousehold({ village: '新国村' }), NOW);
    const second = await saveHousehold(db, aHousehold({ village: '东良村', head: '韦强' }), NOW);
    await savePerson(db, anEmployedPerson({ id: 'a', name: '韦明', householdId: first.id }), NOW);
    const twin = await savePerson(db, anEmployedPerson({ id: 'b', name: '韦明明', householdId: second.id }), NOW);
    expect(codes(await analysis.findings.of('person', 'a'))).toContain('id.duplicate');
    expect((await analysis.findings.of('person', 'b')).find((row) => row.code === 'id.duplicate')?.message).toBe('身份证号与 韦明（新国村） 的记录重复');

    await savePerson(db, { ...twin, idNumber: '110101199003070011' }, NOW);
    expect(codes(await analysis.findings.of('person', 'a'))).not.toContain('id.duplicate');
    expect(codes(await analysis.findings.of('person', 'b'))).not.toContain('id.duplicate');
  });

  it('groups 疑点 by village and check, and pages through them', async () => {
    const { db, analysis } = await aPhone();
    const xinguo = await saveHousehold(db, aHousehold({ village: '新国村', relocated: true }), NOW);
    const dongliang = await saveHousehold(db, aHousehold({ village: '东良村', head: '韦强' }), NOW);
    await savePerson(db, aPerson({ id: 'farmer', householdId: xinguo.id, idNumber: VALID_ID_MALE_1990, labourAbility: '普通劳动力', workStatus: '在家务农', hasIntention: '否', noIntentionReason: '务农', surveyor: '覃', surveyedAt: '2026-06-01', monthsEmployedThisYear: 0 }), NOW);
    await savePerson(db, anEmployedPerson({ id: 'stale', householdId: dongliang.id, idNumber: '110101199003070011', surveyedAt: '2025-10-01' }), NOW);

    const summary = await analysis.findings.summary();
    expect(summary.byVillage.map((group) => [group.village, group.checks.map((check) => check.code)])).toEqual([
      ['东良村', ['record.stale']],
      ['新国村', ['household.relocated_unemployed']],
    ]);
    expect(summary.byCheck.find((check) => check.code === 'record.stale')).toMatchObject({ checkName: '超过核实周期未核实', count: 1, level: 'warning' });

    const page = await analysis.findings.list({ code: 'household.relocated_unemployed' }, 0, 10);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ kind: 'household', recordId: xinguo.id, name: '梁秀英', village: '新国村' });

    // Once the farmer finds work, the household finding goes: the household is re-checked with its member.
    await savePerson(db, anEmployedPerson({ id: 'farmer', householdId: xinguo.id, idNumber: VALID_ID_MALE_1990, labourAbility: '普通劳动力' }), NOW);
    expect(codes((await analysis.findings.summary()).byCheck)).toEqual(['record.stale']);
  });

  it('re-checks every record when 设置 change the verification period', async () => {
    const { db, analysis } = await aPhone();
    const household = await saveHousehold(db, aHousehold(), NOW);
    await savePerson(db, anEmployedPerson({ householdId: household.id, surveyedAt: '2026-02-01', monthsEmployedThisYear: 2 }), NOW);
    expect((await analysis.findings.summary()).total).toBe(0);
    await savePreferences(db, restorePreferences({ reverifyMonths: 3 }));
    expect(codes((await analysis.findings.summary()).byCheck)).toEqual(['record.stale']);
  });

  it('counts 转移就业 against targets per township and village', async () => {
    const { db, analysis } = await aPhone();
    const poor = await saveHousehold(db, aHousehold({ township: '融水镇', village: '新国村', povertyAlleviated: true }), NOW);
    const other = await saveHousehold(db, aHousehold({ township: '融水镇', village: '东良村', povertyAlleviated: false }), NOW);
    await savePerson(db, anEmployedPerson({ id: 'w1', householdId: poor.id, employedSince: '2025-01', monthsEmployedThisYear: 6 }), NOW);
    await savePerson(db, anEmployedPerson({ id: 'w2', householdId: other.id, employedSince: '2026-03-02', idNumber: '' }), NOW);
    await savePerson(db, aPerson({ id: 'home', householdId: poor.id, workStatus: '在家务农' }), NOW);
    await saveTargetPlan(db, { ...emptyTargetPlan(2026), units: [{ township: '融水镇', village: '', otherLabour: 2, povertyPlan: 2, povertyStretch: 3, totalPlan: 5 }] });

    const dashboard = await analysis.progress.dashboard(2026);
    const township = dashboard.units.find((unit) => unit.township === '融水镇' && unit.village === '')!;
    expect(township.total).toMatchObject({ people: 3, employed: 2, stable: 1, plan: 5 });
    expect(township.poverty).toMatchObject({ people: 2, employed: 1, stable: 1, plan: 2, stretch: 3 });
    // 脱贫户: 100 % was due by 05-31; the next milestone is the last one, already missed.
    expect(township.poverty.pastMilestone).toMatchObject({ date: '2026-05-31', required: 2, met: false });
    expect(township.poverty.pace?.status).toBe('red');
    expect(township.total.pace).toMatchObject({ milestone: { date: '2026-06-30', required: 5 } });
    expect(dashboard.mismatches.map((mismatch) => mismatch.where)).toEqual(['融水镇']);
    expect(dashboard.units.map((unit) => unit.village)).toEqual(['', '东良村', '新国村']);

    const series = await analysis.progress.series(2026, 'total', { township: '融水镇' });
    expect(series.points.at(-1)).toEqual({ date: TODAY, count: 2 });
    expect(series.milestones.map((milestone) => milestone.required)).toEqual([3, 4, 5]);
  });

  it('keeps its running totals equal to a fresh count through a run of random edits', async () => {
    const { db, analysis } = await aPhone();
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const villages = ['新国村', '东良村', '香粉村'];
    const households = [];
    for (const village of villages) households.push(await saveHousehold(db, aHousehold({ village, relocated: village === '东良村', povertyAlleviated: village !== '香粉村' }), NOW));
    const ids = ['450225199003150139', '110101199003070011', ''];
    await analysis.model.load();
    for (let step = 0; step < 60; step += 1) {
      const household = households[random(3)]!;
      const id = `p${random(12)}`;
      const roll = random(6);
      if (roll === 0) await savePerson(db, anEmployedPerson({ id, householdId: household.id, idNumber: ids[random(3)], surveyedAt: random(2) ? TODAY : '2025-01-01' }), NOW);
      else if (roll === 1) await savePerson(db, aPerson({ id, householdId: household.id, idNumber: ids[random(3)], labourAbility: '普通劳动力', workStatus: '在家务农', hasIntention: '是', surveyor: '覃', surveyedAt: '2026-03-01', notWorkingSince: '2026-03-01' }), NOW);
      else if (roll === 2) await db.people.delete(id);
      else if (roll === 3) await recordEvents(db, [{ type: '职业指导', personId: id, date: '2026-06-01', assistanceContact: '覃' }], NOW);
      else if (roll === 4) {
        // Only a restore deletes events; the model must still find whose it was.
        const event = await db.events.where('personId').equals(id).first();
        if (event) await db.events.delete(event.id);
      }
      else await saveHousehold(db, { ...household, village: villages[random(3)]! }, NOW);
      const figures = async (api: AnalysisApi) => [await api.findings.summary(), await api.progress.dashboard(2026), await api.services.owed({}, 100), await api.findings.list({}, 0, 100)];
      const incremental = await figures(analysis);
      await analysis.model.recompute();
      const recomputed = await figures(analysis);
      // A worker started now reads every record from the database afresh.
      const fresh = await figures(createAnalysisApi(db, () => TODAY));
      expect(incremental).toEqual(fresh);
      expect(recomputed).toEqual(fresh);
    }
    expect((await analysis.findings.summary()).total).toBeGreaterThan(0);
  });

  it('counts a household with no village once, in its township', async () => {
    const { db, analysis } = await aPhone();
    const household = await saveHousehold(db, aHousehold({ township: '百朋镇', village: '' }), NOW);
    await savePerson(db, anEmployedPerson({ householdId: household.id }), NOW);
    const dashboard = await analysis.progress.dashboard(2026);
    expect(dashboard.units.map((unit) => [unit.township, unit.village, unit.total.people])).toEqual([['百朋镇', '', 1]]);
    expect(dashboard.overall.total.people).toBe(1);
  });

  it('takes back a service whose event is deleted (as a restore does)', async () => {
    const { db, analysis } = await aPhone();
    const household = await saveHousehold(db, aHousehold(), NOW);
    const seeker = await savePerson(db, aPerson({ householdId: household.id, idNumber: VALID_ID_MALE_1990, labourAbility: '普通劳动力', workStatus: '在家务农', hasIntention: '是', surveyor: '覃', surveyedAt: TODAY }), NOW);
    await recordEvents(db, [{ type: '职业指导', personId: seeker.id, date: TODAY, assistanceContact: '覃' }, { type: '职业指导', personId: seeker.id, date: TODAY, assistanceContact: '覃' }], NOW);
    await analysis.model.load();
    expect((await analysis.services.owed({}, 10)).rows[0]?.tallyText).toContain('职业指导 2/2');

    const [first] = await db.events.where('personId').equals(seeker.id).toArray();
    await db.events.delete(first!.id);
    expect((await analysis.services.owed({}, 10)).rows[0]?.tallyText).toContain('职业指导 1/2');
    expect((await analysis.model.stats()).events).toBe(1);
  });

  it('does not count an event twice when it is written while the model loads', async () => {
    const { db, analysis } = await aPhone();
    const household = await saveHousehold(db, aHousehold(), NOW);
    const seeker = await savePerson(db, aPerson({ householdId: household.id, idNumber: VALID_ID_MALE_1990, labourAbility: '普通劳动力', workStatus: '在家务农', hasIntention: '是', surveyor: '覃', surveyedAt: TODAY }), NOW);
    const loading = analysis.model.load();
    await recordEvents(db, [{ type: '职业指导', personId: seeker.id, date: TODAY, assistanceContact: '覃' }], NOW);
    await loading;
    const owed = await analysis.services.owed({}, 10);
    expect(owed.rows[0]?.tallyText).toContain('职业指导 1/2');
  });
});
