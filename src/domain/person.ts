import { z } from 'zod';

/**
 * A household member (劳动力). This is the part of the survey record every other module relies
 * on; the survey answers themselves live in `survey` and are validated by the survey schema.
 */
export const PersonSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),
  name: z.string().trim().min(1, { error: '请填写姓名' }).max(40),
  idNumber: z.string().trim().max(18).default(''),
  /** 调查时间 (YYYY-MM-DD); a person with this date counts as surveyed. */
  surveyedAt: z.iso.date().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

export function isSurveyed(person: Pick<Person, 'surveyedAt'>): boolean {
  return Boolean(person.surveyedAt);
}
