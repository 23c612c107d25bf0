// The official HSDS 3.0 schemas (vendor/hsds-3.0, CC BY-SA 4.0, see its README) as OpenAPI
// components, so the HSDS endpoints declare their answers by the standard itself. The schema
// files name each other by file name ("attribute.json"); here each becomes a component
// `HSDS_<name>` and each such reference points to it. Bundled at build time: the server does
// not read vendor/ at run time.
const files = import.meta.glob<Record<string, unknown>>(
	'../../../../vendor/hsds-3.0/schema/*.json',
	{
		eager: true,
		import: 'default'
	}
);
const compiled = import.meta.glob<Record<string, unknown>>(
	'../../../../vendor/hsds-3.0/schema/compiled/{service,organization}_list.json',
	{ eager: true, import: 'default' }
);

const componentName = (file: string) => `HSDS_${file.replace(/^.*\//, '').replace(/\.json$/, '')}`;

/**
 * Keys of Table Schema (the CSV form), not JSON Schema, are left out of the answer's schema;
 * so are the examples, which HSDS writes as text even for numbers ("13" for an age).
 */
const LEFT_OUT = new Set([
	'name',
	'path',
	'core',
	'datapackage_metadata',
	'datapackage_type',
	'tabular_required',
	'constraints',
	'example'
]);

/**
 * Points file-name references at the components and leaves out what is not JSON Schema.
 * Inside `properties` every key is a field's name.
 */
function rewrite(node: unknown, isPropertyMap = false): unknown {
	if (Array.isArray(node)) return node.map((n) => rewrite(n));
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (isPropertyMap) out[key] = rewrite(value);
		else if (key === '$ref' && typeof value === 'string' && /^[a-z_]+\.json$/.test(value))
			out[key] = `#/components/schemas/${componentName(value)}`;
		else if (LEFT_OUT.has(key)) continue;
		else out[key] = rewrite(value, key === 'properties');
	}
	return out;
}

const SOURCE = 'https://github.com/openreferral/specification/tree/3.0/schema';

/** The HSDS components: every schema file, HSDS's page envelope, and its two list shapes. */
export function hsdsComponents(): Record<string, unknown> {
	const components: Record<string, unknown> = {};
	for (const [file, schema] of Object.entries(files)) {
		// The API's own document, and the description of the CSV package's tables.
		if (/\/(openapi|meta_table_description)\.json$/.test(file)) continue;
		components[componentName(file)] = rewrite(schema);
	}
	for (const [file, schema] of Object.entries(compiled))
		components[componentName(file)] = rewrite(schema);
	const openapi = Object.entries(files).find(([file]) => file.endsWith('/openapi.json'))?.[1] as
		{ components: { schemas: { Page: unknown } } } | undefined;
	if (!openapi) throw new Error('vendor/hsds-3.0/schema/openapi.json is missing');
	components.HSDS_Page = {
		...(rewrite(openapi.components.schemas.Page) as object),
		description: `HSDS 3.0's page envelope (${SOURCE}/openapi.json).`
	};
	return components;
}

/** An HSDS page of `item` records: HSDS's envelope with its `contents`. */
export const hsdsPageSchema = (item: string) => ({
	allOf: [
		{ $ref: '#/components/schemas/HSDS_Page' },
		{
			type: 'object',
			properties: {
				contents: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }
			}
		}
	]
});
