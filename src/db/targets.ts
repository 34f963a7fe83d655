import { restoreTargetPlan, TargetPlanSchema, targetPlanKey, type TargetPlan } from '../domain/targets';
import type { FieldbookDatabase } from './database';

export async function loadTargetPlan(db: FieldbookDatabase, year: number): Promise<TargetPlan> {
  return restoreTargetPlan((await db.settings.get(targetPlanKey(year)))?.value, year);
}

/** Stores a year's targets (parsed first, so a damaged plan never reaches the database). */
export async function saveTargetPlan(db: FieldbookDatabase, plan: TargetPlan): Promise<void> {
  const parsed = TargetPlanSchema.parse(plan);
  await db.settings.put({ key: targetPlanKey(parsed.year), value: parsed });
}
