import { readFile } from 'node:fs/promises';
import type { Db } from '../db/index.ts';
import { parseStrategy } from './parse.ts';
import type { Problem } from './problems.ts';
import { saveStrategy, type SaveResult } from './store.ts';

export type LoadFileResult = { ok: true; result: SaveResult } | { ok: false; problems: Problem[] };

/** Reads, validates and stores a strategy file; an invalid file changes nothing. */
export async function loadStrategyFile(
	db: Db,
	path: string,
	options: { actor: string; activate?: boolean }
): Promise<LoadFileResult> {
	let source: string;
	try {
		source = await readFile(path, 'utf8');
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: '(file)', message: `cannot read ${path}: ${(error as Error).message}` }]
		};
	}
	const parsed = parseStrategy(source);
	if (!parsed.ok) return parsed;
	return { ok: true, result: await saveStrategy(db, parsed.strategy, options) };
}
