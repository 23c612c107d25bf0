import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The kill -9 test (about a minute, small as a file) starts first, so it runs beside the many
 * short files instead of after them. A fresh clone has no record of earlier durations, and
 * Vitest then orders by file size, which put it last and alone (the suite 314 s → 363 s). The
 * other long files (the command line, backups) are large and start early anyway; started
 * together with the kill test they slowed each other down (363 s → 413 s).
 */
const SLOW = ['src/lib/server/indicators/kill-import.test.ts'];

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
