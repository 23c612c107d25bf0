import { parseDocument } from 'yaml';
import { crossFieldIssues, strategyDefinition, type StrategyDefinition } from './definition.ts';
import { formatPath, problemsFromZod, type Problem } from './problems.ts';

export type ParseResult =
	{ ok: true; strategy: StrategyDefinition } | { ok: false; problems: Problem[] };

/** Parses and validates a strategy file's text; every problem is reported, not just the first. */
export function parseStrategy(source: string): ParseResult {
	const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map((error) => {
				const pos = error.linePos?.[0];
				return {
					path: pos ? `line ${pos.line}, column ${pos.col}` : '(file)',
					message: `invalid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`
				};
			})
		};
	}
	const data: unknown = doc.toJS({ maxAliasCount: 100 });
	// YAML turns an unquoted date into a Date; the schema wants ISO text.
	const normalised = normaliseDates(data);
	const result = strategyDefinition.safeParse(normalised, { reportInput: true });
	if (!result.success) {
		// zod skips cross-field rules when a field is wrong; run them here so all problems show at once.
		const crossField = crossFieldIssues(normalised).map((i) => ({
			path: formatPath(i.path),
			message: i.message
		}));
		const problems = problemsFromZod(result.error.issues);
		const known = new Set(problems.map((p) => `${p.path}: ${p.message}`));
		return {
			ok: false,
			problems: [...problems, ...crossField.filter((p) => !known.has(`${p.path}: ${p.message}`))]
		};
	}
	return { ok: true, strategy: result.data };
}

function normaliseDates(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map(normaliseDates);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDates(v)]));
	}
	return value;
}
