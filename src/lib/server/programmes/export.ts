import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { PROGRAMME_COLUMNS } from './import.ts';
import { requirementsText, type Requirements } from './prerequisites.ts';
import type { Deadline } from './schema.ts';
import type { Localized } from '../directory/index.ts';

interface Row {
	external_id: string;
	institution: string;
	title: Localized;
	level: string;
	speciality: string | null;
	field: string | null;
	places: string[];
	duration_months: number | null;
	ects: number | null;
	language: string;
	start_months: number[];
	apply_via: string;
	deadlines: Deadline[];
	requirements_text: Localized | null;
	requirements: Requirements;
	su: boolean | null;
	summary: Localized | null;
	url: string | null;
	ug_url: string | null;
	kot_number: string | null;
	source: string;
	is_demo: boolean;
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nej');
const when = (deadlines: Deadline[], kind: Deadline['kind']) => {
	const d = deadlines.find((x) => x.kind === kind);
	return d ? `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')} ${d.time}` : '';
};

/**
 * Every programme as CSV in the import template's columns (docs/data-formats.md), semicolons
 * between them as Danish Excel writes them, in id order: the open dataset, and a file that
 * `programmes import` reads back unchanged. `withDemo: false` leaves the demo programmes out.
 */
export async function programmesCsv(db: Db, options: { withDemo?: boolean } = {}): Promise<string> {
	const rows = rowsOf<Row>(
		await db.execute(sql`
			select p.external_id, org.name as institution, p.title, p.level, p.speciality, p.field,
				p.places, p.duration_months, p.ects, p.language, p.start_months, p.apply_via, p.deadlines,
				p.requirements_text, p.requirements, p.su, p.summary, p.url, p.ug_url, p.kot_number,
				p.source, p.is_demo
			from programmes p join organizations org on org.id = p.organization_id
			where ${options.withDemo === false ? sql`not p.is_demo` : sql`true`}
			order by p.external_id`)
	);
	const cells = (r: Row): Record<(typeof PROGRAMME_COLUMNS)[number][0], string> => ({
		id: r.external_id,
		institution: r.institution,
		titel: r.title.da,
		titel_en: r.title.en ?? '',
		niveau: r.level,
		speciale: r.speciality ?? '',
		fagomraade: r.field ?? '',
		byer: r.places.join(', '),
		varighed_mdr: r.duration_months?.toString() ?? '',
		ects: r.ects?.toString() ?? '',
		sprog: r.language,
		start: r.start_months.join(','),
		ansoeg: r.apply_via,
		frist_kvote1: when(r.deadlines, 'kvote1'),
		frist_kvote2: when(r.deadlines, 'kvote2'),
		frist: when(r.deadlines, 'institution'),
		adgangskrav: r.requirements_text?.da ?? '',
		adgangskrav_en: r.requirements_text?.en ?? '',
		adgang: requirementsText(r.requirements),
		su: yesNo(r.su),
		beskrivelse: r.summary?.da ?? '',
		beskrivelse_en: r.summary?.en ?? '',
		link: r.url ?? '',
		ug_link: r.ug_url ?? '',
		kot: r.kot_number ?? '',
		kilde: r.source,
		demo: yesNo(r.is_demo)
	});
	const header = PROGRAMME_COLUMNS.map(([da]) => da);
	return stringify(
		rows.map((r) => {
			const c = cells(r);
			return header.map((h) => c[h]);
		}),
		{ header: true, columns: header, delimiter: ';', bom: true }
	);
}
