import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { HsdsRejectedError, type HsdsService } from './hsds.ts';

// The HSDS tabular form: a Frictionless data package of one CSV file per HSDS object, linked by
// ids, with datapackage.json describing the files and their fields.

type FieldType = 'string' | 'number' | 'integer' | 'boolean';
interface Table {
	name: string;
	fields: [name: string, type: FieldType][];
}

/**
 * Text fields HSDS 3.0 requires (its schemas' `required`): an empty cell there is the empty
 * text, where in any other field it is a field left out.
 */
const REQUIRED_TEXT = new Set([
	'organizations.name',
	'organizations.description',
	'services.name',
	'services.status',
	'locations.location_type',
	'addresses.address_1',
	'addresses.city',
	'addresses.state_province',
	'addresses.postal_code',
	'addresses.country',
	'addresses.address_type',
	'phones.number',
	'taxonomy_terms.name',
	'taxonomy_terms.description'
]);

const TABLES: Table[] = [
	{
		name: 'organizations',
		fields: [
			['id', 'string'],
			['name', 'string'],
			['description', 'string'],
			['website', 'string'],
			['email', 'string'],
			['x_description_en', 'string']
		]
	},
	{
		name: 'services',
		fields: [
			['id', 'string'],
			['organization_id', 'string'],
			['name', 'string'],
			['description', 'string'],
			['url', 'string'],
			['email', 'string'],
			['status', 'string'],
			['eligibility_description', 'string'],
			['minimum_age', 'integer'],
			['maximum_age', 'integer'],
			['assured_date', 'string'],
			['fees_description', 'string'],
			['x_name_en', 'string'],
			['x_description_en', 'string'],
			['x_eligibility_en', 'string'],
			['x_guidepost', 'string'],
			['x_demo', 'boolean']
		]
	},
	{
		name: 'locations',
		fields: [
			['id', 'string'],
			['location_type', 'string'],
			['name', 'string'],
			['latitude', 'number'],
			['longitude', 'number'],
			['x_accessibility_en', 'string']
		]
	},
	{
		name: 'addresses',
		fields: [
			['id', 'string'],
			['location_id', 'string'],
			['address_1', 'string'],
			['city', 'string'],
			['state_province', 'string'],
			['postal_code', 'string'],
			['country', 'string'],
			['address_type', 'string']
		]
	},
	{
		name: 'accessibility',
		fields: [
			['id', 'string'],
			['location_id', 'string'],
			['description', 'string']
		]
	},
	{
		name: 'service_at_locations',
		fields: [
			['id', 'string'],
			['service_id', 'string'],
			['location_id', 'string']
		]
	},
	{
		name: 'schedules',
		fields: [
			['id', 'string'],
			['service_id', 'string'],
			['freq', 'string'],
			['byday', 'string'],
			['opens_at', 'string'],
			['closes_at', 'string'],
			['valid_from', 'string'],
			['valid_to', 'string'],
			['description', 'string'],
			['notes', 'string'],
			['x_description_en', 'string']
		]
	},
	{
		name: 'languages',
		fields: [
			['id', 'string'],
			['service_id', 'string'],
			['name', 'string'],
			['code', 'string']
		]
	},
	{
		name: 'phones',
		fields: [
			['id', 'string'],
			['service_id', 'string'],
			['number', 'string']
		]
	},
	{
		name: 'cost_options',
		fields: [
			['id', 'string'],
			['service_id', 'string'],
			['amount', 'number'],
			['currency', 'string']
		]
	},
	{
		name: 'taxonomy_terms',
		fields: [
			['id', 'string'],
			['code', 'string'],
			['name', 'string'],
			['description', 'string'],
			['taxonomy', 'string'],
			['x_name_en', 'string']
		]
	},
	{
		name: 'attributes',
		fields: [
			['id', 'string'],
			['link_id', 'string'],
			['link_type', 'string'],
			['link_entity', 'string'],
			['taxonomy_term_id', 'string']
		]
	}
];

type Row = Record<string, unknown>;

/**
 * Services (with their nested objects) as the files of an HSDS tabular data package: one CSV
 * per table (written by csv-stringify) and `datapackage.json`, by file name.
 */
export function dataPackageFiles(services: HsdsService[]): Map<string, string> {
	const rows: Record<string, Row[]> = Object.fromEntries(TABLES.map((t) => [t.name, []]));
	const once = new Set<string>();
	const add = (table: string, row: Row) => {
		const key = `${table}:${String(row.id)}`;
		if (once.has(key)) return;
		once.add(key);
		rows[table]!.push(row);
	};
	for (const s of services) {
		if (s.organization) add('organizations', s.organization);
		add('services', { ...s, organization_id: s.organization_id ?? s.organization?.id });
		for (const sal of s.service_at_locations ?? []) {
			const l = sal.location;
			if (!l) continue;
			add('locations', l);
			for (const a of l.addresses ?? []) add('addresses', { ...a, location_id: l.id });
			for (const a of l.accessibility ?? []) add('accessibility', { ...a, location_id: l.id });
			add('service_at_locations', { id: sal.id, service_id: s.id, location_id: l.id });
		}
		for (const h of s.schedules ?? []) add('schedules', { ...h, service_id: s.id });
		for (const l of s.languages ?? []) add('languages', { ...l, service_id: s.id });
		for (const p of s.phones ?? []) add('phones', { ...p, service_id: s.id });
		for (const c of s.cost_options ?? []) add('cost_options', { ...c, service_id: s.id });
		for (const a of s.attributes ?? []) {
			if (a.taxonomy_term) add('taxonomy_terms', a.taxonomy_term);
			add('attributes', { ...a, taxonomy_term_id: a.taxonomy_term?.id });
		}
	}
	const files = new Map<string, string>();
	for (const table of TABLES) {
		const columns = table.fields.map(([name]) => name);
		files.set(
			`${table.name}.csv`,
			stringify(
				rows[table.name]!.map((row) => columns.map((name) => row[name] ?? null)),
				{ header: true, columns, record_delimiter: 'windows' }
			)
		);
	}
	const descriptor = {
		name: 'uddannelsesby-directory',
		title: 'Uddannelsesby: offers and support (HSDS 3.0 tabular)',
		profile: 'tabular-data-package',
		resources: TABLES.map((t) => ({
			name: t.name,
			path: `${t.name}.csv`,
			profile: 'tabular-data-resource',
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			schema: {
				fields: t.fields.map(([name, type]) => ({ name, type })),
				primaryKey: 'id'
			}
		}))
	};
	files.set('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
	return files;
}

/** Writes services as an HSDS tabular data package in `dir`. */
export async function writeDataPackage(services: HsdsService[], dir: string): Promise<void> {
	await mkdir(dir, { recursive: true });
	for (const [name, text] of dataPackageFiles(services))
		await writeFile(join(dir, name), text, 'utf8');
}

/**
 * Reads an HSDS tabular data package back into nested services, ready for `importHsds`.
 * Files that are missing are empty tables; a value that is not of its field's type is a problem.
 */
export async function readDataPackage(dir: string): Promise<HsdsService[]> {
	const problems: { path: string; message: string }[] = [];
	const tables: Record<string, Row[]> = {};
	for (const table of TABLES) {
		let text: string;
		try {
			text = await readFile(join(dir, `${table.name}.csv`), 'utf8');
		} catch {
			tables[table.name] = [];
			continue;
		}
		let records: Record<string, string>[];
		try {
			records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });
		} catch (error) {
			problems.push({ path: `${table.name}.csv`, message: (error as Error).message });
			continue;
		}
		const types = new Map(table.fields);
		tables[table.name] = records.map((record, i) => {
			const row: Row = {};
			for (const [name, raw] of Object.entries(record)) {
				const type = types.get(name) ?? 'string';
				// An empty cell is a field left out (HSDS types optional fields as strings or
				// numbers, never null), or the empty text where HSDS requires the field.
				if (raw === '') {
					if (REQUIRED_TEXT.has(`${table.name}.${name}`)) row[name] = '';
					continue;
				} else if (type === 'number' || type === 'integer') {
					const n = Number(raw);
					if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))
						problems.push({
							path: `${table.name}.csv row ${i + 2}, ${name}`,
							message: `"${raw}" is not ${type === 'integer' ? 'a whole number' : 'a number'}`
						});
					row[name] = n;
				} else if (type === 'boolean') row[name] = raw === 'true';
				else row[name] = raw;
			}
			return row;
		});
	}
	if (problems.length) throw new HsdsRejectedError(problems);
	const by = (table: string, key: string) => {
		const map = new Map<unknown, Row[]>();
		for (const row of tables[table]!) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
		return (id: unknown) => map.get(id) ?? [];
	};
	const organizations = new Map(tables.organizations!.map((o) => [o.id, o]));
	const locations = new Map(tables.locations!.map((l) => [l.id, l]));
	const terms = new Map(tables.taxonomy_terms!.map((t) => [t.id, t]));
	const addressesOf = by('addresses', 'location_id');
	const accessibilityOf = by('accessibility', 'location_id');
	const placesOf = by('service_at_locations', 'service_id');
	const schedulesOf = by('schedules', 'service_id');
	const languagesOf = by('languages', 'service_id');
	const phonesOf = by('phones', 'service_id');
	const costsOf = by('cost_options', 'service_id');
	const attributesOf = by('attributes', 'link_id');
	return tables.services!.map(
		(s) =>
			({
				...s,
				organization: organizations.get(s.organization_id) ?? null,
				service_at_locations: placesOf(s.id).map((sal) => {
					const l = locations.get(sal.location_id);
					return {
						id: sal.id,
						service_id: s.id,
						location: l
							? {
									...l,
									addresses: addressesOf(l.id),
									accessibility: accessibilityOf(l.id)
								}
							: null
					};
				}),
				schedules: schedulesOf(s.id),
				languages: languagesOf(s.id),
				phones: phonesOf(s.id),
				cost_options: costsOf(s.id),
				attributes: attributesOf(s.id).map((a) => ({
					...a,
					taxonomy_term: terms.get(a.taxonomy_term_id) ?? null
				}))
			}) as unknown as HsdsService
	);
}
