// Reads one calendar feed on a thread of its own: ical.js parses and expands synchronously, and
// a hostile feed (a rule that never ends, a huge file) must never hold the server's thread. The
// caller ends this thread when it takes too long.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

if (!parentPort) throw new Error('calendar-worker.js runs only as a worker thread');
/** @type {{ text: string, from: string, until: string }} */
const { text, from, until } = workerData;
const { readCalendar, CalendarError } = await tsImport('./ical.ts', import.meta.url);
try {
	const read = readCalendar(text, { from: new Date(from), until: new Date(until) });
	parentPort.postMessage({
		ok: true,
		skipped: read.skipped,
		events: read.events.map((/** @type {any} */ e) => ({
			...e,
			start: e.start.toISOString(),
			end: e.end.toISOString()
		}))
	});
} catch (error) {
	parentPort.postMessage({
		ok: false,
		calendar: error instanceof CalendarError,
		message: /** @type {Error} */ (error).message
	});
}
