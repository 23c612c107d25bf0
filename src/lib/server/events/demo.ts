import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import { organizationIdIn } from '../directory/index.ts';
import { copenhagenDate, copenhagenMidnight } from '../local-date.ts';
import { createEvent } from './events.ts';

const demoFile = z.object({
	events: z.array(
		z
			.object({
				/** A demo organisation's name (the demo directory is loaded first). */
				organization: z.string(),
				/** Days from loading; negative for a past event (the archive). */
				inDays: z.number().int(),
				/** Local start time, with its length in minutes; or `allDayCount` days. */
				at: z
					.string()
					.regex(/^\d{2}:\d{2}$/)
					.optional(),
				minutes: z.number().int().positive().optional(),
				allDayCount: z.number().int().positive().optional(),
				online: z.string().optional(),
				registrationInDays: z.number().int().optional()
			})
			.passthrough()
	)
});

/** A day counted from `today`, and a local time on it, as an instant in Denmark. */
function localMoment(today: Date, days: number, time = '00:00'): Date {
	const day = copenhagenDate(new Date(today.getTime() + days * 86_400_000));
	const [h, m] = time.split(':').map(Number);
	return new Date(copenhagenMidnight(day).getTime() + (h! * 60 + m!) * 60_000);
}

/**
 * Loads the shipped demo events, all marked demo, dated from the day of loading so a fresh
 * start always has coming events (and one past event for the archive).
 */
export async function loadDemoEvents(db: Db, path: string, today = new Date()): Promise<number> {
	const data = demoFile.parse(JSON.parse(await readFile(path, 'utf8')));
	const organizationIdOf = organizationIdIn(
		new Map(
			rowsOf<{ id: string; name: string }>(
				await db.execute(sql`select id, name from organizations where is_demo`)
			).map((o) => [o.name, o.id])
		),
		'demo event'
	);
	for (const {
		organization,
		inDays,
		at,
		minutes,
		allDayCount,
		online,
		registrationInDays,
		...event
	} of data.events) {
		const organizationId = organizationIdOf(organization);
		const startsAt = localMoment(today, inDays, at);
		const endsAt = allDayCount
			? localMoment(today, inDays + allDayCount)
			: new Date(startsAt.getTime() + (minutes ?? 60) * 60_000);
		await createEvent(db, 'system:demo', {
			...(event as Record<string, unknown>),
			organizationId,
			startsAt,
			endsAt,
			allDay: Boolean(allDayCount),
			onlineUrl: online,
			registrationDeadline:
				registrationInDays === undefined
					? undefined
					: localMoment(today, registrationInDays, '23:59'),
			isDemo: true
		} as Parameters<typeof createEvent>[2]);
	}
	return data.events.length;
}
