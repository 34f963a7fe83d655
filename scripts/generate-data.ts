/**
 * The synthetic data set on the command line (see scripts/synthetic/generate.ts):
 *
 *   npx tsx scripts/generate-data.ts [--size phone|office|HOUSEHOLDS,PEOPLE,EVENTS] [--seed TEXT]
 *                                    [--date YYYY-MM-DD] [--out DIR]
 *
 * Without --out it prints a summary and one household; with it, writes households.json,
 * people.json and events.json (one record per line inside a JSON array) into DIR.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { isAtWork } from '../src/domain/person-rules';
import { DEFAULT_REPORT_DATE, generateHouseholds, OFFICE_SIZE, PHONE_SIZE, type DataSetSize } from './synthetic/generate';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function parseSize(text = 'phone'): DataSetSize {
  if (text === 'phone') return PHONE_SIZE;
  if (text === 'office') return OFFICE_SIZE;
  const [households, people, events] = text.split(',').map(Number);
  if (!households || !people || events === undefined || Number.isNaN(events)) throw new Error(`--size is phone, office or HOUSEHOLDS,PEOPLE,EVENTS, not ${text}`);
  return { households, people, events };
}

function openArray(dir: string, name: string): { write(record: unknown): void; close(): Promise<void> } {
  const stream: WriteStream = createWriteStream(join(dir, `${name}.json`));
  let first = true;
  stream.write('[\n');
  return {
    write(record) {
      stream.write(`${first ? '' : ',\n'}${JSON.stringify(record)}`);
      first = false;
    },
    close: () => new Promise((resolve) => stream.end('\n]\n', () => resolve())),
  };
}

const size = parseSize(option('size'));
const seed = option('seed') ?? 'fieldbook';
const reportDate = option('date') ?? DEFAULT_REPORT_DATE;
const out = option('out');
const files = out ? (mkdirSync(out, { recursive: true }), { households: openArray(out, 'households'), people: openArray(out, 'people'), events: openArray(out, 'events') }) : null;
const tally = { households: 0, people: 0, events: 0, atWork: 0, wantsWork: 0, noIntention: 0 };
const buckets = new Map<string, number>();
let sample: unknown;
for (const part of generateHouseholds({ seed, size, reportDate })) {
  sample ??= part;
  tally.households += 1;
  files?.households.write(part.household);
  for (const person of part.people) {
    tally.people += 1;
    if (isAtWork(person)) tally.atWork += 1;
    if (person.hasIntention === '是') tally.wantsWork += 1;
    if (person.hasIntention === '否') tally.noIntention += 1;
    const bucket = person.employmentRegion?.value;
    if (bucket) buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    files?.people.write(person);
  }
  for (const event of part.events) {
    tally.events += 1;
    files?.events.write(event);
  }
}
if (files) await Promise.all([files.households.close(), files.people.close(), files.events.close()]);
const share = (count: number) => `${((100 * count) / tally.people).toFixed(1)} %`;
console.log(`seed ${seed}, report date ${reportDate}: ${tally.households} households, ${tally.people} people, ${tally.events} events`);
console.log(`at work ${share(tally.atWork)} (${[...buckets].map(([bucket, count]) => `${bucket} ${count}`).join(', ')}); want work ${share(tally.wantsWork)}; no intention ${share(tally.noIntention)}`);
if (out) console.log(`written to ${out}/households.json, people.json, events.json`);
else console.log(JSON.stringify(sample, null, 2));
