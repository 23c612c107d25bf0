// A generator of synthetic events for benchmarks: any number of deterministic events of every
// kind, spread over a year back and a year ahead, with levels, audiences, prices and some
// cancelled, from 200 organisers, written straight into the tables with COPY. As in real
// calendars, each organiser holds a few kinds of event for a few audiences (three profiles of
// kind, level and audience each), not every combination. Never shown as real: every row is
// marked demo and the organisers are named "Syntetisk …".
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { copyInto, type Db } from '../src/lib/server/db/index.ts';
import { copyChunks, copyLine, copyOrganizations, random } from './harness.ts';

const WHAT = [
	'Åbent hus',
	'Uddannelsesmesse',
	'Brobygning',
	'Studiepraktik',
	'Jobmesse',
	'Introaften',
	'Koncert',
	'Workshop i kodning',
	'Lektiecafé',
	'Vejledningsaften'
];

export async function loadSyntheticEvents(
	db: Db,
	options: { events: number; seed?: number; now?: Date }
): Promise<void> {
	const rand = random(options.seed ?? 11);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const now = options.now ?? new Date();
	const taxonomy = parse(readFileSync('taxonomy/directory.yaml', 'utf8')) as {
		eventKinds: { code: string }[];
		jobLevels: { code: string }[];
		audiences: { code: string }[];
		areas: { postalCode: string; name: string }[];
	};
	const orgCount = 200;
	const orgIds = Array.from({ length: orgCount }, () => randomUUID());
	const profiles = orgIds.map(() =>
		Array.from({ length: 3 }, () => ({
			kind: pick(taxonomy.eventKinds).code,
			audience: pick(taxonomy.audiences).code,
			level: pick(taxonomy.jobLevels).code
		}))
	);
	await db.transaction(async (tx) => {
		await copyOrganizations(
			tx,
			orgIds,
			'syntetisk-arrangoer',
			'Syntetisk arrangør',
			() => 'school'
		);
		await copyInto(
			tx,
			'events',
			[
				'slug',
				'organization_id',
				'kind',
				'title',
				'description',
				'starts_at',
				'ends_at',
				'all_day',
				'address',
				'audiences',
				'levels',
				'price_ore',
				'cancelled',
				'is_demo'
			],
			copyChunks(options.events, (i) => {
				const what = pick(WHAT);
				const area = pick(taxonomy.areas);
				const start = new Date(
					now.getTime() +
						Math.round((rand() * 2 - 1) * 365) * 86_400_000 +
						Math.floor(rand() * 12 + 8) * 3600_000
				);
				const end = new Date(start.getTime() + Math.ceil(rand() * 4) * 3600_000);
				const org = Math.floor(rand() * orgCount);
				const profile = pick(profiles[org]!);
				return copyLine([
					`syntetisk-arrangement-${i}`,
					orgIds[org]!,
					profile.kind,
					JSON.stringify({ da: `${what} i ${area.name} ${i}` }),
					JSON.stringify({
						da: `${what} for unge i ${area.name}. Syntetisk arrangement til måling.`
					}),
					start.toISOString(),
					end.toISOString(),
					'f',
					`Syntetisk vej ${i % 300}, ${area.postalCode} ${area.name}`,
					`{${profile.audience}}`,
					`{${profile.level}}`,
					rand() < 0.7 ? 0 : Math.ceil(rand() * 20) * 1000,
					rand() < 0.05 ? 't' : 'f',
					't'
				]);
			})
		);
	});
	await db.execute(sql`vacuum analyze events`);
}
