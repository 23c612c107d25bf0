// A generator of synthetic programmes for benchmarks: any number of deterministic programmes at
// every level and field, from 300 institutions, written straight into the tables with COPY.
// Never shown as real: every row is marked demo and the institutions are named "Syntetisk …".
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { copyInto, type Db } from '../src/lib/server/db/index.ts';
import { programmeTaxonomy } from '../src/lib/server/programmes/index.ts';
import { copyChunks, copyLine, copyOrganizations, random } from './harness.ts';

const NAMES = [
	'Sygeplejerske',
	'Pædagog',
	'Lærer',
	'Datamatiker',
	'Datalogi',
	'Tømrer',
	'Elektriker',
	'Social- og sundhedsassistent',
	'Markedsføringsøkonom',
	'Fysioterapeut',
	'Socialrådgiver',
	'Maskinmester',
	'Byggetekniker',
	'Medialogi',
	'Økonomi',
	'Jura',
	'Psykologi',
	'Kok',
	'Frisør',
	'Smed'
];
const PLACES = ['Aalborg', 'Nørresundby', 'Hjørring', 'Thisted', 'Frederikshavn', 'Aarhus'];

export async function loadSyntheticProgrammes(
	db: Db,
	options: { programmes: number; seed?: number }
): Promise<void> {
	const rand = random(options.seed ?? 5);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const taxonomy = programmeTaxonomy();
	const levels = taxonomy.levels.filter((l) => !l.position);
	const orgCount = 300;
	const orgIds = Array.from({ length: orgCount }, () => randomUUID());
	await db.transaction(async (tx) => {
		await copyOrganizations(tx, orgIds, 'syntetisk-skole', 'Syntetisk skole', () => 'school');
		await copyInto(
			tx,
			'programmes',
			[
				'external_id',
				'slug',
				'organization_id',
				'title',
				'level',
				'level_rank',
				'field',
				'places',
				'duration_months',
				'language',
				'apply_via',
				'requirements',
				'su',
				'source',
				'keywords',
				'is_demo'
			],
			copyChunks(options.programmes, (i) => {
				const level = pick(levels);
				const field = pick(taxonomy.fields);
				const name = pick(NAMES);
				const org = Math.floor(rand() * orgCount);
				return copyLine([
					`syntetisk-${i}`,
					`syntetisk-uddannelse-${i}`,
					orgIds[org]!,
					JSON.stringify({ da: `${name} ${i}` }),
					level.code,
					taxonomy.levels.indexOf(level),
					field.code,
					`{${pick(PLACES)}}`,
					rand() < 0.1 ? null : Math.ceil(rand() * 60),
					rand() < 0.15 ? 'en' : 'da',
					level.group === 'videregaaende' ? 'optagelse' : 'institution',
					JSON.stringify({ known: true, routes: [{ from: ['gymnasial'], subjects: [] }] }),
					rand() < 0.1 ? null : rand() < 0.7 ? 't' : 'f',
					'Syntetisk: til måling.',
					`${level.code} ${level.da} ${field.da} Syntetisk skole ${org}`,
					't'
				]);
			})
		);
	});
	await db.execute(sql`vacuum analyze programmes`);
}
