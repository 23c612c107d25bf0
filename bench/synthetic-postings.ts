// A generator of synthetic job postings for benchmarks: any number of deterministic postings of
// every kind, with education fields and levels, a workplace in one of the municipality's
// postcodes (or remote), hours, deadlines (some passed) and publication times spread over
// three months, written straight into the tables with COPY. Never shown as real: every row is
// marked demo and the organisations are named "Syntetisk …".
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { copyInto, type Db } from '../src/lib/server/db/index.ts';
import { copyChunks, copyLine, copyOrganizations, random } from './harness.ts';
import { OPPORTUNITY_TYPES } from '../src/lib/server/opportunities/index.ts';
import { facetKey } from '../src/lib/server/opportunities/schema.ts';

const ROLES = [
	'Kassemedarbejder',
	'Opvasker',
	'Studentermedhjælper',
	'Elev som elektriker',
	'Elev som smed',
	'Praktikant i marketing',
	'Frivillig træner',
	'Lektiehjælper',
	'Udvikler',
	'Sygeplejerskestuderende',
	'Pædagogmedhjælper',
	'Lagermedarbejder',
	'Graduate i økonomi',
	'Tjener',
	'Festivalfrivillig'
];
const PLACES = ['butik', 'café', 'værksted', 'kontor', 'hospital', 'klub', 'skole', 'lager'];

/** Writes `postings` synthetic postings (and their organisations) into `db`. */
export async function loadSyntheticPostings(
	db: Db,
	options: { postings: number; seed?: number; now?: Date }
): Promise<void> {
	const rand = random(options.seed ?? 7);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const now = options.now ?? new Date();
	const taxonomy = parse(readFileSync('taxonomy/directory.yaml', 'utf8')) as {
		jobFields: { code: string }[];
		jobLevels: { code: string }[];
		areas: { postalCode: string; name: string; latitude: number; longitude: number }[];
	};
	const orgCount = Math.max(10, Math.round(options.postings / 50));
	const orgIds = Array.from({ length: orgCount }, () => randomUUID());
	const line = copyLine;
	const chunks = copyChunks;
	const array = (codes: string[]) => `{${codes.join(',')}}`;
	const day = (offsetDays: number) =>
		new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
	await db.transaction(async (tx) => {
		await copyOrganizations(tx, orgIds, 'syntetisk-arbejdsgiver', 'Syntetisk arbejdsgiver', () =>
			pick(['employer', 'association', 'municipal'])
		);
		await copyInto(
			tx,
			'opportunities',
			[
				'slug',
				'organization_id',
				'type',
				'title',
				'description',
				'education',
				'postal_code',
				'city',
				'address',
				'latitude',
				'longitude',
				'remote',
				'hours_per_week',
				'pay',
				'deadline',
				'expires_at',
				'apply_email',
				'fields',
				'levels',
				'english_friendly',
				'is_demo',
				'created_at',
				'facet_key'
			],
			chunks(options.postings, (i) => {
				const type = pick(OPPORTUNITY_TYPES);
				const role = pick(ROLES);
				const place = pick(PLACES);
				const area = pick(taxonomy.areas);
				const remote = type === 'studiejob' && rand() < 0.15;
				// A fifth have closed; the rest close within two months. A sixth have no deadline.
				const deadlineIn = rand() < 0.2 ? -Math.ceil(rand() * 60) : Math.ceil(rand() * 60);
				const deadline = rand() < 1 / 6 ? null : day(deadlineIn);
				const expires = new Date(now.getTime() + deadlineIn * 86_400_000).toISOString();
				const title = `${role} i ${place} ${i}`;
				const fields = [
					pick(taxonomy.jobFields).code,
					...(rand() < 0.3 ? [pick(taxonomy.jobFields).code] : [])
				].filter((c, k, all) => all.indexOf(c) === k);
				const levels = [pick(taxonomy.jobLevels).code];
				return line([
					`syntetisk-opslag-${i}`,
					pick(orgIds),
					type,
					JSON.stringify(
						rand() < 0.35 ? { da: title, en: `${role} (English) ${i}` } : { da: title }
					),
					JSON.stringify({
						da: `${role} søges til vores ${place} i ${area.name}. Syntetisk opslag til måling.`
					}),
					type === 'laereplads' ? pick(['Elektriker', 'Smed', 'Tømrer', 'Kok']) : null,
					remote ? null : area.postalCode,
					remote ? null : area.name,
					remote ? null : `Syntetisk vej ${i % 200}`,
					remote ? null : area.latitude + (rand() - 0.5) * 0.02,
					remote ? null : area.longitude + (rand() - 0.5) * 0.03,
					remote ? 't' : 'f',
					Math.ceil(rand() * 37),
					type === 'frivilligt-arbejde' ? 'volunteer' : type === 'praktikplads' ? 'unpaid' : 'paid',
					deadline,
					expires,
					`job${i}@syntetisk.invalid`,
					array(fields),
					array(levels),
					rand() < 0.25 ? 't' : 'f',
					't',
					new Date(now.getTime() - rand() * 90 * 86_400_000).toISOString(),
					facetKey({ type, fields, levels })
				]);
			})
		);
	});
	// A real table is vacuumed by autovacuum; after a bulk load do it now, so that the
	// visibility map lets the counts use an index-only scan.
	await db.execute(sql`vacuum analyze opportunities`);
}
