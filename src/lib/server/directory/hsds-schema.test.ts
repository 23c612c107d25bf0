import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsOne, hsdsPage } from '../http/hsds-api.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { loadDemoDirectory, loadInstitutions, loadTaxonomy } from './index.ts';
import { readDataPackage, writeDataPackage } from './hsds-package.ts';
import { hsdsOrganizations, hsdsServices, importHsds } from './hsds.ts';

/**
 * Our HSDS output checked against the official HSDS 3.0 JSON schemas (vendor/hsds-3.0, with
 * their source and licence): the JSON export, the CSV data package read back, and every
 * answer of /api/hsds/*. And the official examples import without error.
 */
const HSDS = 'vendor/hsds-3.0';

async function officialValidator() {
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	for (const folder of ['schema', 'schema/compiled']) {
		for (const name of await readdir(join(HSDS, folder))) {
			if (!name.endsWith('.json') || name === 'openapi.json') continue;
			const schema = JSON.parse(await readFile(join(HSDS, folder, name), 'utf8'));
			// The schemas name each other by file name; the compiled ones by their full name.
			const id = folder === 'schema' ? name : `compiled/${name}`;
			ajv.addSchema({ ...schema, $id: id });
		}
	}
	const openapi = JSON.parse(await readFile(join(HSDS, 'schema/openapi.json'), 'utf8'));
	ajv.addSchema({ ...openapi.components.schemas.Page, $id: 'page.json' });
	return (id: string): ValidateFunction => ajv.getSchema(id)!;
}

/** The problems ajv finds, as readable lines (empty when the value is valid). */
function problems(validate: ValidateFunction, value: unknown, what: string): string[] {
	if (validate(value)) return [];
	return (validate.errors ?? []).map((e) => `${what}${e.instancePath}: ${e.message}`);
}

describe.each(testEngines())('HSDS output against the official 3.0 schemas on $name', (engine) => {
	let database: Database;
	let schema: (id: string) => ValidateFunction;
	beforeAll(async () => {
		schema = await officialValidator();
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		await loadInstitutions(database.db, 'demo/directory/institutions.json');
		await loadDemoDirectory(database.db, 'demo/directory/offers.json');
	});
	afterAll(async () => database.close());

	it('the JSON export: every service and organisation', async () => {
		const services = await hsdsServices(database.db);
		const organizations = await hsdsOrganizations(database.db);
		expect(services.length).toBeGreaterThan(100);
		expect(organizations.length).toBeGreaterThan(5);
		const found = [
			...services.flatMap((s, i) => problems(schema('service.json'), s, `services[${i}]`)),
			...organizations.flatMap((o, i) =>
				problems(schema('organization.json'), o, `organizations[${i}]`)
			)
		];
		expect(found).toEqual([]);
	});

	it('the CSV data package, read back into objects', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'hsds-csv-'));
		try {
			await writeDataPackage(await hsdsServices(database.db), dir);
			const back = await readDataPackage(dir);
			expect(back.length).toBeGreaterThan(100);
			expect(back.flatMap((s, i) => problems(schema('service.json'), s, `csv[${i}]`))).toEqual([]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('every /api/hsds answer: pages and single records', async () => {
		const found: string[] = [];
		for (const [what, item, one] of [
			['services', 'compiled/service_list.json', 'service.json'],
			['organizations', 'compiled/organization_list.json', 'organization.json']
		] as const) {
			let page = 1;
			for (;;) {
				const url = new URL(`http://localhost/api/hsds/${what}?page=${page}&per_page=50`);
				const response = await hsdsPage(database.db, url, what);
				expect(response.status).toBe(200);
				const body = (await response.json()) as { contents: { id: string }[]; last_page: boolean };
				found.push(...problems(schema('page.json'), body, `${url.pathname}?page=${page}`));
				body.contents.forEach((record, i) => {
					found.push(...problems(schema(item), record, `${what} page ${page} [${i}]`));
				});
				const first = body.contents[0];
				if (first) {
					const single = await hsdsOne(database.db, first.id, what);
					found.push(...problems(schema(one), await single.json(), `${what}/${first.id}`));
				}
				if (body.last_page) break;
				page++;
			}
		}
		expect(found).toEqual([]);
	});

	it('imports the official examples without error', async () => {
		const target = await engine.open();
		try {
			await loadTaxonomy(target.db, 'taxonomy/directory.yaml', 'test');
			const full = JSON.parse(await readFile(join(HSDS, 'examples/service_full.json'), 'utf8'));
			const imported = await importHsds(target.db, [full], 'test');
			expect(imported).toMatchObject({ created: 1 });
			// Its one place is in the United States: left out, and said so.
			expect(imported.notes.map((n) => n.message).join('\n')).toContain('another country (US');
			const tabular = await readDataPackage(join(HSDS, 'examples/csv'));
			expect(tabular.length).toBeGreaterThan(0);
			const result = await importHsds(target.db, tabular, 'test');
			expect(result.created + result.updated).toBe(tabular.length);
		} finally {
			await target.close();
		}
	});
});
