import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { count } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization, loadInstitutions, loadTaxonomy } from '../directory/index.ts';
import { PROGRAMME_FILES } from '../bootstrap.ts';
import { createDemoOrganizations } from '../directory/demo.ts';
import { writeXlsx } from '../table-file.ts';
import { programmesCsv } from './export.ts';
import { formatProblems, importProgrammeFigures, importProgrammes } from './import.ts';
import {
	getProgramme,
	loadProgrammeFiles,
	nextDeadlines,
	pathwaysFrom,
	programmesBySlugs
} from './programmes.ts';
import { programmeFigures, programmes } from './schema.ts';
import { searchProgrammes } from './search.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'id;institution;titel;niveau;ansoeg;kilde;adgang;varighed_mdr;frist_kvote1';

describe.each(testEngines())('programmes on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		await loadInstitutions(database.db, resolve('demo/directory/institutions.json'));
		await createDemoOrganizations(database.db, [
			{ key: 'g', name: 'Eksempelgymnasiet (demo)', kind: 'school' },
			{ key: 'e', name: 'Erhvervsskolen Eksempel (demo)', kind: 'school' },
			{ key: 'p', name: 'Eksempel Professionshøjskole (demo)', kind: 'school' },
			{ key: 'u', name: 'Ungdomsskolen i Eksempelby (demo)', kind: 'municipal' }
		]);
		await loadProgrammeFiles(database.db, {
			programmes: PROGRAMME_FILES.programmes.map((f) => resolve(f)),
			figures: PROGRAMME_FILES.figures.map((f) => resolve(f))
		});
	});
	afterEach(async () => database.close());

	const titles = async (q: string, extra: Record<string, unknown> = {}) =>
		(await searchProgrammes(database.db, { q, ...extra }, 'da')).items.map(
			(i) => `${i.title} (${i.institution})`
		);

	it('finds programmes by name, abbreviation, typo and spelling without æ/ø/å', async () => {
		expect((await titles('sygeplejerske'))[0]).toBe('Sygeplejerske (Professionshøjskolen UCN)');
		expect(await titles('katedral')).toEqual(['STX (Aalborg Katedralskole)']);
		expect((await titles('sosu'))[0]).toBe(
			'Social- og sundhedsassistent (Erhvervsskolen Eksempel (demo))'
		);
		expect(await titles('pæd')).toContain('Pædagog (Professionshøjskolen UCN)');
		expect(await titles('paedagog')).toContain('Pædagog (Professionshøjskolen UCN)');
		expect((await titles('data')).slice(0, 2).sort()).toEqual([
			'Datalogi (Aalborg Universitet)',
			'Datamatiker (Eksempel Professionshøjskole (demo))'
		]);
		expect(await titles('sygeplejeske')).toContain('Sygeplejerske (Professionshøjskolen UCN)');
		expect(await titles('tomrer')).toContain('Tømrer (TECHCOLLEGE)');
		expect(await titles('hf')).toContain('HF, to år (Eksempelgymnasiet (demo))');
		expect(await titles('gymnasium')).toEqual(
			expect.arrayContaining([
				'STX (Aalborg Katedralskole)',
				'IB Diploma Programme (Hasseris Gymnasium)'
			])
		);
	});

	it('filters by facets and counts each ignoring its own choice', async () => {
		const all = await searchProgrammes(database.db, {}, 'da');
		expect(all.total).toBe(29);
		const bachelor = await searchProgrammes(
			database.db,
			{ level: ['bachelor'], lang: ['en'] },
			'da'
		);
		expect(bachelor.total).toBe(5);
		expect(bachelor.levels.bachelor).toBe(5);
		expect(bachelor.levels['professionsbachelor']).toBe(undefined);
		expect(bachelor.languages).toEqual({ en: 5, da: 1 });
		const su = await searchProgrammes(database.db, { su: true }, 'da');
		expect(su.items.every((i) => i.su)).toBe(true);
		const threeYears = await searchProgrammes(database.db, { duration: ['2-3'] }, 'da');
		expect(threeYears.items.every((i) => i.durationMonths! > 24 && i.durationMonths! <= 36)).toBe(
			true
		);
		const ucn = await searchProgrammes(
			database.db,
			{ institution: ['professionshoejskolen-ucn'] },
			'da'
		);
		expect(ucn.institutions.find((i) => i.slug === 'professionshoejskolen-ucn')?.count).toBe(3);
	});

	it('keeps figures with their source; a withheld figure is marked, not zero', async () => {
		const [datamatiker] = await programmesBySlugs(database.db, [
			'datamatiker-eksempel-professionshoejskole-demo'
		]);
		const last = datamatiker!.figures.at(-1)!;
		expect(last.year).toBe(2025);
		expect(last.unemployment).toBe(null);
		expect(last.suppressed).toEqual(['ledighed']);
		expect(last.isDemo).toBe(true);
		const laerer = await getProgramme(database.db, 'laerer-professionshoejskolen-ucn');
		expect(laerer?.figures.map((f) => [f.year, f.allAdmitted, f.cutoff])).toEqual([
			[2018, true, null],
			[2021, true, null]
		]);
		expect(laerer?.figures[0]?.source).toContain('ucn.dk');
	});

	it('works out pathways from the structured requirements', async () => {
		const afterEud = await pathwaysFrom(database.db, {
			level: 'eud',
			subjects: { engelsk: 'C', matematik: 'C' }
		});
		expect(afterEud.open.map((p) => p.slug)).toContain(
			'datamatiker-eksempel-professionshoejskole-demo'
		);
		expect(afterEud.open.map((p) => p.slug)).not.toContain(
			'fysioterapeut-eksempel-professionshoejskole-demo'
		);
		const hf = await pathwaysFrom(database.db, {
			level: 'hf',
			subjects: { engelsk: 'B', matematik: 'C' }
		});
		expect(
			hf.missing.find((p) => p.slug === 'fysioterapeut-eksempel-professionshoejskole-demo')?.verdict
				.missing.length
		).toBeGreaterThan(0);
		expect(hf.open.map((p) => p.slug)).toContain('paedagog-professionshoejskolen-ucn');
		expect(hf.open.map((p) => p.slug)).not.toContain('datalogi-aalborg-universitet');
		const ninth = await pathwaysFrom(database.db, { level: 'grundskole' });
		expect(ninth.open.map((p) => p.slug)).toEqual(
			expect.arrayContaining([
				'10-klasse-ungdomsskolen-i-eksempelby-demo',
				'stx-aalborg-katedralskole',
				'toemrer-techcollege'
			])
		);
		expect(ninth.open.map((p) => p.slug)).not.toContain('sygeplejerske-professionshoejskolen-ucn');
	});

	it('gives deadlines in Danish time, next year once passed', () => {
		const [first] = nextDeadlines(
			[{ kind: 'kvote1', month: 7, day: 5, time: '12:00' }],
			new Date('2027-07-05T10:00:00Z')
		);
		expect(first!.at.toISOString()).toBe('2028-07-05T10:00:00.000Z');
		const [winter] = nextDeadlines(
			[{ kind: 'kvote2', month: 3, day: 15, time: '12:00' }],
			new Date('2027-01-01T00:00:00Z')
		);
		expect(winter!.at.toISOString()).toBe('2027-03-15T11:00:00.000Z');
	});

	it('a bad import changes nothing and names each row and column, in Danish too', async () => {
		const before = (await database.db.select({ n: count() }).from(programmes))[0]!.n;
		const outcome = await importProgrammes(
			database.db,
			bytes(
				`${HEADER}\nny-1;TECHCOLLEGE;Smed;eud;institution;eget opslag;;;\n` +
					`aalkat-stx;Ingen Skole;STX;stx;institution;x;;;\n` +
					`ny-2;TECHCOLLEGE;Ukendt;gymnasie;hvor som helst;x;gymnasial: Matematik D;-3;32-07\n` +
					`ny-1;TECHCOLLEGE;Smed igen;eud;institution;;;;`
			),
			{ actor: 'test', language: 'da' }
		);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(formatProblems(outcome.problems, 'da').split('\n')).toEqual([
			'række 4, kolonne "niveau": "gymnasie" er ikke et niveau; niveauerne er 10-klasse, fgu, stu, stx, hhx, htx, hf, eux, ib, eud, erhvervsakademi, professionsbachelor, bachelor, kandidat, amu, akademi, diplom, master',
			'række 4, kolonne "ansoeg": "hvor som helst" er hverken optagelse (optagelse.dk) eller institution',
			'række 4, kolonne "frist_kvote1": "32-07" er ikke en dag og et klokkeslæt som "05-07 12:00" (5. juli kl. 12)',
			'række 4, kolonne "adgang": "Matematik D" er ikke et fag med et niveau, fx "Matematik B"',
			'række 4, kolonne "varighed_mdr": "-3" er ikke et helt tal fra 1 til 120',
			'række 5, kolonne "kilde": må ikke være tom',
			'række 5, kolonne "id": id\'et bruges også i række 2',
			'række 3, kolonne "institution": ingen organisation i kataloget hedder eller har adressen "Ingen Skole"'
		]);
		expect((await database.db.select({ n: count() }).from(programmes))[0]!.n).toBe(before);
		const figures = await importProgrammeFigures(
			database.db,
			bytes(
				'uddannelse;aar;adgangskvotient;ledighed;kilde\nlaerer-x;2024;7,1;3;x\nucn-laerer-aalborg;2024;14;io;x'
			),
			{ actor: 'test', language: 'en' }
		);
		expect(figures.ok).toBe(false);
		if (!figures.ok)
			expect(formatProblems(figures.problems, 'en').split('\n')).toEqual([
				'row 3, column "adgangskvotient": "14" is not a number from 0 to 13, blank or "ikke offentliggjort"',
				'row 2, column "uddannelse": no programme has the id "laerer-x"'
			]);
		expect((await database.db.select({ n: count() }).from(programmeFigures))[0]!.n).toBe(27);
	});

	it('exports every programme in the import template, and the export reads back unchanged', async () => {
		const exported = await programmesCsv(database.db);
		const lines = exported
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\n');
		expect(lines[0]).toBe(
			'id;institution;titel;titel_en;niveau;speciale;fagomraade;byer;varighed_mdr;ects;sprog;start;ansoeg;frist_kvote1;frist_kvote2;frist;adgangskrav;adgangskrav_en;adgang;su;beskrivelse;beskrivelse_en;link;ug_link;kot;kilde;demo'
		);
		const total = (await database.db.select({ n: count() }).from(programmes))[0]!.n;
		expect(exported).toContain('Professionshøjskolen UCN');
		const again = await importProgrammes(database.db, bytes(exported), { actor: 'test' });
		expect(again).toEqual({ ok: true, created: 0, updated: total });
		expect(await programmesCsv(database.db)).toBe(exported);
		// Without the demo programmes: only the real ones, none marked demo.
		const real = (await programmesCsv(database.db, { withDemo: false })).trim().split('\n');
		expect(real.length - 1).toBe(16);
		expect(real.slice(1).every((line) => line.endsWith(';nej'))).toBe(true);
	});

	it('an import updates by id and keeps the slug', async () => {
		const org = await createOrganization(database.db, 'test', { name: 'Ny Skole', kind: 'school' });
		const first = await importProgrammes(
			database.db,
			bytes(`${HEADER}\nx-1;ny-skole;Smed;eud;institution;kilde;grundskole;42;\n`),
			{ actor: 'test' }
		);
		expect(first).toEqual({ ok: true, created: 1, updated: 0 });
		const again = await importProgrammes(
			database.db,
			bytes(`${HEADER}\nx-1;Ny Skole;Smed, klejnsmed;eud;institution;kilde;grundskole;48;\n`),
			{ actor: 'test' }
		);
		expect(again).toEqual({ ok: true, created: 0, updated: 1 });
		const smed = await getProgramme(database.db, 'smed-ny-skole');
		expect([smed?.title.da, smed?.durationMonths, smed?.organizationId]).toEqual([
			'Smed, klejnsmed',
			48,
			org.id
		]);
	});

	it('reads an XLSX workbook as it reads CSV', async () => {
		const xlsx = await writeXlsx(
			'Uddannelser',
			['id', 'institution', 'titel', 'niveau', 'ansoeg', 'kilde', 'varighed_mdr', 'frist_kvote1'],
			[
				[
					'x-2',
					'Aalborg Universitet',
					'Sociologi',
					'bachelor',
					'optagelse',
					'aau.dk',
					'36',
					'05-07 12:00'
				]
			]
		);
		expect(await importProgrammes(database.db, xlsx, { actor: 'test' })).toEqual({
			ok: true,
			created: 1,
			updated: 0
		});
		const p = await getProgramme(database.db, 'sociologi-aalborg-universitet');
		expect([p?.durationMonths, p?.deadlines]).toEqual([
			36,
			[{ kind: 'kvote1', day: 5, month: 7, time: '12:00' }]
		]);
	});
});
