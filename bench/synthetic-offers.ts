// A generator of synthetic offers for benchmarks: any number of deterministic, Danish-sounding
// offers with categories, audiences, ages, prices, a place in one of the municipality's
// postcodes and weekly hours, written straight into the tables with COPY. Never shown as real:
// every row is marked demo and the organisations are named "Syntetisk …".
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { copyInto, type Db } from '../src/lib/server/db/index.ts';
import { copyChunks, copyLine, copyOrganizations, random } from './harness.ts';
import { rebuildSearchWords } from '../src/lib/server/search/index.ts';

const KINDS = [
	'Lektiecafé',
	'Værksted',
	'Rådgivning',
	'Klub',
	'Gruppe',
	'Kursus',
	'Vejledning',
	'Café',
	'Netværk',
	'Hold',
	'Mentorordning',
	'Træning'
];
const TOPICS = [
	'matematik',
	'dansk',
	'engelsk',
	'stress',
	'ordblindhed',
	'SU og økonomi',
	'bolig',
	'fodbold',
	'musik',
	'e-sport',
	'klatring',
	'teater',
	'skrivning',
	'eksamensangst',
	'studieteknik',
	'madlavning',
	'løb',
	'fysik',
	'kemi',
	'programmering',
	'ensomhed',
	'søvn',
	'uddannelsesvalg',
	'praktik',
	'jobsøgning'
];
const FOR = [
	'for unge',
	'for studerende',
	'for elever i udskolingen',
	'for internationale studerende',
	'for forældre',
	'for fagprofessionelle',
	'for voksne'
];
const SENTENCES = [
	'Vi mødes hver uge og hjælper hinanden.',
	'Tilbuddet er gratis og kræver ingen tilmelding.',
	'Du møder andre unge i samme situation.',
	'En erfaren vejleder er med hver gang.',
	'Kom, når det passer dig – der er kaffe og te.',
	'Forløbet varer otte uger og slutter med en fælles afslutning.',
	'Du kan være anonym, og vi har tavshedspligt.',
	'Vi taler dansk og engelsk.',
	'Tag gerne en ven med.',
	'Der er plads til begyndere og øvede.'
];

export interface SyntheticOptions {
	offers: number;
	organizations?: number;
	seed?: number;
}

/** Writes `offers` synthetic offers (and their organisations, places and hours) into `db`. */
export async function loadSyntheticOffers(db: Db, options: SyntheticOptions): Promise<void> {
	const rand = random(options.seed ?? 42);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const taxonomy = parse(readFileSync('taxonomy/directory.yaml', 'utf8')) as {
		categories: { code: string }[];
		audiences: { code: string }[];
		areas: { postalCode: string; name: string; latitude: number; longitude: number }[];
	};
	const orgCount = options.organizations ?? Math.max(10, Math.round(options.offers / 100));
	const orgIds = Array.from({ length: orgCount }, () => randomUUID());
	const line = copyLine;
	const chunks = copyChunks;
	const offerIds = Array.from({ length: options.offers }, () => randomUUID());
	const locationIds = Array.from({ length: options.offers }, () => randomUUID());
	await db.transaction(async (tx) => {
		await copyOrganizations(tx, orgIds, 'syntetisk', 'Syntetisk organisation', () =>
			pick(['school', 'association', 'municipal', 'employer', 'other'])
		);
		await copyInto(
			tx,
			'offers',
			[
				'id',
				'slug',
				'organization_id',
				'name',
				'description',
				'languages',
				'is_free',
				'price_ore',
				'minimum_age',
				'maximum_age',
				'categories',
				'audiences',
				'is_demo'
			],
			chunks(options.offers, (i) => {
				const title = `${pick(KINDS)} i ${pick(TOPICS)} ${pick(FOR)}`;
				const description = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
					pick(SENTENCES)
				).join(' ');
				const english = rand() < 0.3;
				const free = rand() < 0.8;
				const minAge = rand() < 0.5 ? 12 + Math.floor(rand() * 10) : null;
				const categories = [
					...new Set([
						pick(taxonomy.categories).code,
						...(rand() < 0.4 ? [pick(taxonomy.categories).code] : [])
					])
				];
				const audiences = [
					...new Set(
						Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(taxonomy.audiences).code)
					)
				];
				return line([
					offerIds[i]!,
					`syntetisk-tilbud-${i}`,
					orgIds[i % orgCount]!,
					JSON.stringify(
						english ? { da: title, en: `Offer ${i}: ${pick(TOPICS)}` } : { da: title }
					),
					JSON.stringify({ da: description }),
					english ? '{da,en}' : '{da}',
					free ? 't' : 'f',
					free ? null : 5000 + Math.floor(rand() * 50000),
					minAge,
					minAge === null ? null : minAge + 5 + Math.floor(rand() * 20),
					`{${categories.join(',')}}`,
					`{${audiences.join(',')}}`,
					't'
				]);
			})
		);
		await copyInto(
			tx,
			'locations',
			['id', 'organization_id', 'name', 'address', 'postal_code', 'city', 'latitude', 'longitude'],
			chunks(options.offers, (i) => {
				const area = pick(taxonomy.areas);
				return line([
					locationIds[i]!,
					orgIds[i % orgCount]!,
					`Syntetisk sted ${i}`,
					`Syntetisk vej ${1 + (i % 200)}`,
					area.postalCode,
					area.name,
					Math.round((area.latitude + (rand() - 0.5) * 0.02) * 1e5) / 1e5,
					Math.round((area.longitude + (rand() - 0.5) * 0.04) * 1e5) / 1e5
				]);
			})
		);
		await copyInto(
			tx,
			'offer_locations',
			['offer_id', 'location_id'],
			chunks(options.offers, (i) => line([offerIds[i]!, locationIds[i]!]))
		);
		await copyInto(
			tx,
			'schedules',
			['id', 'offer_id', 'byday', 'opens_at', 'closes_at'],
			chunks(options.offers, (i) => {
				const opens = 8 + Math.floor(rand() * 10);
				return line([
					randomUUID(),
					offerIds[i]!,
					pick(['MO,WE', 'TU,TH', 'MO,TU,WE,TH,FR', 'SA', 'FR']),
					`${opens}:00`,
					`${opens + 2 + Math.floor(rand() * 4)}:00`
				]);
			})
		);
	});
	await db.execute(
		sql`update offers o set postal_codes = array[l.postal_code] from offer_locations ol join locations l on l.id = ol.location_id where ol.offer_id = o.id and o.slug like 'syntetisk-%'`
	);
	await rebuildSearchWords(db);
	// As autovacuum would leave a live server: fresh statistics, and the full-text index's
	// pending list merged (after a bulk load, every search would otherwise scan it: 3.8 ms of a
	// 5 ms search at 10,000 offers).
	await db.execute(sql`vacuum analyze offers`);
	await db.execute(sql`analyze`);
}
