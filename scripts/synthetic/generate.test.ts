import { describe, expect, it } from 'vitest';
import { AssistanceEventSchema } from '../../src/domain/assistance-event';
import { HouseholdSchema } from '../../src/domain/household';
import { parseIdNumber } from '../../src/domain/id-card';
import { PersonSchema, type Person } from '../../src/domain/person';
import { isAtWork } from '../../src/domain/person-rules';
import { generateDataSet, generateHouseholds, type GenerateOptions } from './generate';
import { MARRIED_IN_ID_REGIONS, NATIVE_ID_REGIONS } from './vocabulary';

const options: GenerateOptions = { seed: 'unit', size: { households: 600, people: 2_000, events: 10_000 }, reportDate: '2026-11-25' };
const dataSet = generateDataSet(options);

describe('synthetic data set', () => {
  it('gives the same records for the same seed, and other records for another seed', () => {
    expect(generateDataSet(options)).toEqual(dataSet);
    expect(generateDataSet({ ...options, seed: 'other' }).people[0]).not.toEqual(dataSet.people[0]);
  });

  it('streams the same records household by household', () => {
    const streamed = [...generateHouseholds(options)];
    expect(streamed.map((part) => part.household)).toEqual(dataSet.households);
    expect(streamed.flatMap((part) => part.people)).toEqual(dataSet.people);
  });

  it('has exactly the asked number of households, people and events', () => {
    expect([dataSet.households.length, dataSet.people.length, dataSet.events.length]).toEqual([600, 2_000, 10_000]);
  });

  it('stores every record exactly as the schemas parse it', () => {
    for (const household of dataSet.households) expect(HouseholdSchema.parse(household)).toEqual(household);
    for (const person of dataSet.people) expect(PersonSchema.parse(person)).toEqual(person);
    for (const event of dataSet.events) expect(AssistanceEventSchema.parse(event)).toEqual(event);
  });

  it('puts 1–7 members in every household, the first one its head', () => {
    const members = new Map<string, Person[]>();
    for (const person of dataSet.people) members.set(person.householdId, [...(members.get(person.householdId) ?? []), person]);
    for (const household of dataSet.households) {
      const people = members.get(household.id) ?? [];
      expect(people.length).toBeGreaterThanOrEqual(1);
      expect(people.length).toBeLessThanOrEqual(7);
      expect(people[0]!.name).toBe(household.head);
    }
  });

  it('gives valid ID numbers with real region codes, matching sex and age but for the planted mistakes', () => {
    const regions = new Set([...NATIVE_ID_REGIONS, ...MARRIED_IN_ID_REGIONS].map(([code]) => code));
    let mismatches = 0;
    for (const person of dataSet.people) {
      const parsed = parseIdNumber(person.idNumber, options.reportDate!);
      if (!parsed.ok) throw new Error(`${person.idNumber}: ${parsed.message}`);
      expect(regions.has(parsed.value.regionCode)).toBe(true);
      if (parsed.value.sex !== person.sex) mismatches += 1;
    }
    expect(mismatches / dataSet.people.length).toBeLessThan(0.01);
  });

  it('has two thirds or so at work, and a reason or an intention for the rest who were surveyed', () => {
    const surveyed = dataSet.people.filter((person) => person.surveyedAt);
    const atWork = surveyed.filter(isAtWork);
    expect(atWork.length / dataSet.people.length).toBeGreaterThan(0.6);
    expect(atWork.length / dataSet.people.length).toBeLessThan(0.7);
    for (const person of surveyed.filter((person) => !isAtWork(person))) {
      expect(person.hasIntention === '是' || Boolean(person.noIntentionReason)).toBe(true);
    }
  });

  it('gives events only to known people, and voids only earlier services of the same person', () => {
    const people = new Set(dataSet.people.map((person) => person.id));
    const events = new Map(dataSet.events.map((event) => [event.id, event]));
    for (const event of dataSet.events) {
      expect(people.has(event.personId)).toBe(true);
      expect(event.date <= options.reportDate!).toBe(true);
      if (event.type === '作废') {
        const voided = events.get(event.voids);
        expect(voided?.personId).toBe(event.personId);
        expect(voided!.date <= event.date).toBe(true);
      }
    }
  });
});
