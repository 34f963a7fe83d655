import { z } from 'zod';

/** 退出后就业去向, the 12 coded categories of seed 000 附件4-1. */
export const POST_EXIT_DESTINATIONS = [
  '1.未就业',
  '2.在家务农/从事生产经营',
  '3.乡村公益性岗位',
  '4.帮扶车间',
  '5.机关、企事业单位、基层组织',
  '6.灵活就业',
  '7.创业',
  '8.退休',
  '9.因伤、因病不能工作',
  '10.因生育或照顾家庭原因不能工作',
  '11.死亡',
  '12.其他（需备注）',
] as const;

const NOT_OWED_AFTER_EXIT: readonly string[] = ['8.退休', '11.死亡'];

/**
 * One spell on a 乡村公益性岗位 (附件4-1 row). Re-entry after an exit is a second spell.
 * Dates are YYYY-MM-DD; the paper's YYYYMMDD is converted at import and export.
 */
export const PublicPostSpellSchema = z.object({
  id: z.string().min(1),
  employer: z.string().trim().max(100).default(''),
  post: z.string().trim().min(1, { error: '请填写岗位（工种）名称' }).max(60),
  monthlySubsidy: z.number().min(0).max(100000).optional(),
  startDate: z.iso.date({ error: '请填写上岗时间' }),
  exitDate: z.iso.date().optional(),
  exitDestination: z.enum(POST_EXIT_DESTINATIONS).optional(),
  fundingSource: z.string().trim().max(60).default(''),
});

export type PublicPostSpell = z.infer<typeof PublicPostSpellSchema>;

/**
 * 退出人员，除超龄人员以外，无论是否有就业意愿，都要落实251就业帮扶 (附件4-1 填表说明 7): the
 * latest exit that owes the package, or undefined. Over age means past the working-age limit
 * on the exit day, or retired.
 */
export function findOwingPostExit(spells: readonly PublicPostSpell[], ageOn: (date: string) => number | undefined, maxWorkingAge: number): PublicPostSpell | undefined {
  return spells
    .filter((spell) => spell.exitDate && !(spell.exitDestination && NOT_OWED_AFTER_EXIT.includes(spell.exitDestination)))
    .filter((spell) => {
      const age = ageOn(spell.exitDate!);
      return age === undefined || age <= maxWorkingAge;
    })
    .sort((a, b) => b.exitDate!.localeCompare(a.exitDate!))[0];
}
