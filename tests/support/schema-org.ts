// Checks schema.org data as a search engine's validator would: the JSON-LD is expanded with the
// jsonld library, then every type and property is looked up in the schema.org vocabulary. The
// vocabulary is read from the `schema-dts` package (Apache-2.0), which is generated from
// schema.org's own vocabulary file: each class is an interface `<Class>Base` listing the
// class's properties, extending its parent classes' interfaces, and `<Class>Leaf` names the
// class in `"@type"`. TypeScript's own parser reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsonld from 'jsonld';
import ts from 'typescript';

const SCHEMA = 'https://schema.org/';

export interface Vocabulary {
	/** Class names (Service, JobPosting …). */
	classes: Set<string>;
	/** The properties a class has, its parents' included. */
	propertiesOf(className: string): Set<string>;
}

let vocabulary: Vocabulary | undefined;

export function schemaOrgVocabulary(): Vocabulary {
	if (vocabulary) return vocabulary;
	const require = createRequire(import.meta.url);
	const path = require.resolve('schema-dts/dist/schema.d.ts');
	const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
	const parents = new Map<string, string[]>();
	const own = new Map<string, string[]>();
	const leafOf = new Map<string, string>();
	for (const statement of source.statements) {
		if (!ts.isInterfaceDeclaration(statement)) continue;
		const name = statement.name.text;
		parents.set(
			name,
			(statement.heritageClauses ?? []).flatMap((clause) =>
				clause.types.map((t) => t.expression.getText(source))
			)
		);
		const names: string[] = [];
		for (const member of statement.members) {
			if (!ts.isPropertySignature(member)) continue;
			const key = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
			if (key === '@type' && member.type && ts.isLiteralTypeNode(member.type)) {
				const literal = member.type.literal;
				if (ts.isStringLiteral(literal)) leafOf.set(literal.text, name);
			} else if (!key.startsWith('@')) names.push(key);
		}
		own.set(name, names);
	}
	const collected = new Map<string, Set<string>>();
	const collect = (name: string, seen = new Set<string>()): Set<string> => {
		const done = collected.get(name);
		if (done) return done;
		const all = new Set(own.get(name) ?? []);
		for (const parent of parents.get(name) ?? [])
			if (!seen.has(parent)) for (const p of collect(parent, new Set([...seen, name]))) all.add(p);
		collected.set(name, all);
		return all;
	};
	vocabulary = {
		classes: new Set(leafOf.keys()),
		propertiesOf: (className) => {
			const leaf = leafOf.get(className);
			return leaf ? collect(leaf) : new Set();
		}
	};
	return vocabulary;
}

/**
 * schema.org's context, for the expansion: the site has no network in tests, so the loader
 * answers https://schema.org with the part of its context that matters here, its vocabulary.
 */
const documentLoader = async (url: string) => {
	if (url.replace(/\/$/, '') === 'https://schema.org' || url === 'http://schema.org')
		return {
			contextUrl: undefined,
			documentUrl: url,
			document: { '@context': { '@vocab': SCHEMA } }
		};
	throw new Error(`JSON-LD names a context this check does not know: ${url}`);
};

/**
 * The problems of a JSON-LD document: types that are not schema.org classes and properties the
 * node's types do not have, each with the path where it was found. None: it is valid.
 */
export async function schemaOrgProblems(document: object): Promise<string[]> {
	const vocab = schemaOrgVocabulary();
	const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, {
		documentLoader: documentLoader as never
	});
	const problems: string[] = [];
	const visit = (node: unknown, path: string) => {
		if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
		if (!node || typeof node !== 'object' || '@value' in node) return;
		const record = node as Record<string, unknown>;
		const types = ((record['@type'] as string[] | undefined) ?? []).map((t) =>
			t.startsWith(SCHEMA) ? t.slice(SCHEMA.length) : t
		);
		for (const type of types)
			if (!vocab.classes.has(type)) problems.push(`${path}: "${type}" is not a schema.org type`);
		// Properties are judged by the node's known types only: an unknown type is reported once.
		const known = types.filter((t) => vocab.classes.has(t));
		const allowed = new Set(known.flatMap((t) => [...vocab.propertiesOf(t)]));
		for (const [key, value] of Object.entries(record)) {
			if (key.startsWith('@')) continue;
			const name = key.startsWith(SCHEMA) ? key.slice(SCHEMA.length) : key;
			if (!key.startsWith(SCHEMA)) problems.push(`${path}: "${key}" is not in schema.org`);
			else if (known.length && !allowed.has(name))
				problems.push(`${path}: ${known.join('/')} has no property "${name}"`);
			visit(value, `${path}.${name}`);
		}
	};
	visit(expanded, '');
	if (expanded.length === 0) problems.push('the document expands to nothing');
	return problems;
}
