import type { z } from 'zod';

/** One thing wrong with an input, addressed by a path a person can follow. */
export interface Problem {
	path: string;
	message: string;
}

/** `['guideposts', 1, 'ambitions', 0]` → `guideposts[1].ambitions[0]` */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out === '' ? '(file)' : out;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string')
		return `text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return `${typeof value} ${String(value)}`;
}

const typeNames: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	object: 'a mapping',
	array: 'a list',
	boolean: 'true or false'
};

/** Turns zod issues into problems; parse with `reportInput: true` so a missing field reads "required". */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[]): Problem[] {
	const problems: Problem[] = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({
					path: formatPath([...issue.path, key]),
					message: 'unknown field (check the spelling)'
				});
			}
			continue;
		}
		let message = issue.message;
		if (issue.code === 'invalid_type') {
			message =
				issue.input === undefined
					? 'required'
					: `expected ${typeNames[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
		} else if (issue.code === 'invalid_union' && issue.input === undefined) {
			message = 'required';
		}
		problems.push({ path: formatPath(issue.path), message });
	}
	return problems;
}

export function formatProblems(problems: readonly Problem[]): string {
	return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
