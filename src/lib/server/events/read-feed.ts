import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CalendarError, type FeedEvent, type ReadFeed } from './ical.ts';

/**
 * The worker's file. In the built server this module is bundled elsewhere, so the file is found
 * in the source tree, which the server runs from (as the PGlite worker is).
 */
function workerFile(): URL {
	const beside = new URL('./calendar-worker.js', import.meta.url);
	if (beside.protocol === 'file:' && existsSync(beside)) return beside;
	return pathToFileURL(resolve('src/lib/server/events/calendar-worker.js'));
}

type Answer =
	| {
			ok: true;
			skipped: string[];
			events: (Omit<FeedEvent, 'start' | 'end'> & { start: string; end: string })[];
	  }
	| { ok: false; calendar: boolean; message: string };

/**
 * Reads a feed on a thread of its own, within `timeoutMs` and a memory limit: a feed that takes
 * longer (a rule with endless occurrences, a huge file) is stopped and reported, and the
 * server's thread is never held.
 */
export function readFeedSafely(
	text: string,
	window: { from: Date; until: Date },
	timeoutMs = 20_000
): Promise<ReadFeed> {
	return new Promise((done, fail) => {
		const worker = new Worker(workerFile(), {
			workerData: { text, from: window.from.toISOString(), until: window.until.toISOString() },
			resourceLimits: { maxOldGenerationSizeMb: 256 }
		});
		let settled = false;
		const finish = (action: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			action();
		};
		const timer = setTimeout(
			() =>
				finish(() =>
					fail(new CalendarError(`reading the calendar took more than ${timeoutMs / 1000} s`))
				),
			timeoutMs
		);
		worker.once('message', (answer: Answer) =>
			finish(() => {
				if (!answer.ok)
					return fail(
						answer.calendar ? new CalendarError(answer.message) : new Error(answer.message)
					);
				done({
					skipped: answer.skipped,
					events: answer.events.map((e) => ({
						...e,
						start: new Date(e.start),
						end: new Date(e.end)
					}))
				});
			})
		);
		worker.once('error', (error) =>
			finish(() => fail(new CalendarError(`the calendar could not be read: ${error.message}`)))
		);
		worker.once('exit', (code) =>
			finish(() => fail(new CalendarError(`the calendar could not be read (exit ${code})`)))
		);
	});
}
