import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that take a minute or more (kill -9 of imports, the command line's round trips,
 * backups): started first, so they run beside the many short files instead of after them. A
 * fresh clone has no record of earlier durations, and Vitest then orders by file size, which put
 * the 130-second kill test last and alone (the suite 314 s → 363 s).
 */
const SLOW = [
	'src/lib/server/indicators/kill-import.test.ts',
	'cli/main.test.ts',
	'src/lib/server/backup/backup.test.ts',
	'src/lib/server/directory/search.test.ts',
	'src/lib/server/strategy/store.test.ts'
];

const rank = (file: TestSpecification) => {
	const i = SLOW.findIndex((slow) => file.moduleId.endsWith(slow));
	return i === -1 ? SLOW.length : i;
};

export class SlowFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		return [...sorted].sort((a, b) => rank(a) - rank(b));
	}
}
