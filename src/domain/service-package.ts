import { z } from 'zod';
import { SERVICE_TYPES, type ServiceEvent, type ServiceType } from './assistance-event';

/**
 * A service package: what every person who owes it must receive. Each requirement counts
 * services of one or more kinds (「培训或见习」 is met by either).
 */
export const ServicePackageSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, { error: '请填写服务包名称' }).max(40),
  requirements: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(20),
        types: z.array(z.enum(SERVICE_TYPES)).min(1),
        count: z.number().int().min(1).max(20),
      }),
    )
    .min(1, { error: '服务包至少要有一项服务' }),
});

export type ServicePackage = z.infer<typeof ServicePackageSchema>;

/** The packages of the seeds: 251 (柳州, seed 000), 311 (湖南, seed 003), 1131 (山西, seed 004). */
export const BUILT_IN_PACKAGES: readonly ServicePackage[] = [
  {
    id: '251',
    name: '251 就业帮扶',
    requirements: [
      { label: '职业指导', types: ['职业指导'], count: 2 },
      { label: '岗位推介', types: ['岗位推介'], count: 5 },
      { label: '培训或见习', types: ['技能培训', '就业见习'], count: 1 },
    ],
  },
  {
    id: '311',
    name: '311 就业服务',
    requirements: [
      { label: '职业指导', types: ['职业指导'], count: 1 },
      { label: '岗位推介', types: ['岗位推介'], count: 3 },
      { label: '技能培训', types: ['技能培训'], count: 1 },
    ],
  },
  {
    id: '1131',
    name: '1131 就业服务',
    requirements: [
      { label: '政策宣讲', types: ['政策宣讲'], count: 1 },
      { label: '职业指导', types: ['职业指导'], count: 1 },
      { label: '岗位推介', types: ['岗位推介'], count: 3 },
      { label: '培训或见习', types: ['技能培训', '就业见习'], count: 1 },
    ],
  },
];

export const DEFAULT_PACKAGE_ID = '251';

export interface RequirementTally {
  label: string;
  done: number;
  required: number;
}

export interface PackageTally {
  packageId: string;
  items: RequirementTally[];
  isComplete: boolean;
}

/** Counts the services in force against each requirement of the package. */
export function tallyPackage(servicePackage: ServicePackage, services: readonly ServiceEvent[]): PackageTally {
  const counts = new Map<ServiceType, number>();
  for (const service of services) counts.set(service.type, (counts.get(service.type) ?? 0) + 1);
  const items = servicePackage.requirements.map((requirement) => ({
    label: requirement.label,
    done: requirement.types.reduce((sum, type) => sum + (counts.get(type) ?? 0), 0),
    required: requirement.count,
  }));
  return { packageId: servicePackage.id, items, isComplete: items.every((item) => item.done >= item.required) };
}

/** 「职业指导 1/2 · 岗位推介 3/5 · 培训或见习 0/1」 */
export function formatTally(tally: PackageTally): string {
  return tally.items.map((item) => `${item.label} ${Math.min(item.done, item.required)}/${item.required}`).join(' · ');
}

/** What is still missing: 「岗位推介 2 次、培训或见习 1 次」. */
export function formatMissing(tally: PackageTally): string {
  return tally.items
    .filter((item) => item.done < item.required)
    .map((item) => `${item.label} ${item.required - item.done} 次`)
    .join('、');
}

export function findPackage(packages: readonly ServicePackage[], id: string): ServicePackage {
  return packages.find((candidate) => candidate.id === id) ?? BUILT_IN_PACKAGES[0]!;
}
