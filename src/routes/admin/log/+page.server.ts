import { z } from 'zod';
import { msg, type Msg } from '$lib/i18n/message.ts';
import { browseAudit } from '$lib/server/audit/index.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

const text = z.string().trim().max(200).optional();
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
	.optional();
const filterSchema = z.object({
	actor: text,
	action: text,
	type: text,
	fra: date,
	til: date,
	foer: z.coerce.number().int().positive().optional()
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCan(locals, 'audit.read');
	const raw = Object.fromEntries(
		[...url.searchParams].filter(([k, v]) => v !== '' && k in filterSchema.shape)
	);
	const parsed = filterSchema.safeParse(raw);
	const errors: Record<string, Msg> = {};
	if (!parsed.success)
		for (const issue of parsed.error.issues) {
			const name = String(issue.path[0]);
			errors[name] = name === 'fra' || name === 'til' ? msg('date_invalid') : msg('field_required');
		}
	const f = parsed.success ? parsed.data : {};
	const page = await browseAudit(locals.db, {
		actor: f.actor,
		action: f.action,
		entityType: f.type,
		from: f.fra ? new Date(`${f.fra}T00:00:00Z`) : undefined,
		to: f.til ? new Date(Date.parse(`${f.til}T00:00:00Z`) + 86_400_000) : undefined,
		before: f.foer
	});
	const older = new URLSearchParams(url.searchParams);
	if (page.more) older.set('foer', String(page.entries.at(-1)!.id));
	return {
		filter: Object.fromEntries(
			['actor', 'action', 'type', 'fra', 'til'].map((k) => [k, String(raw[k] ?? '')])
		),
		errors,
		entries: page.entries.map((e) => {
			const compact = JSON.stringify(e.details);
			return {
				...e,
				// One line to recognise the entry by; the whole of it when unfolded.
				preview: compact.length > 80 ? `${compact.slice(0, 80)}…` : compact,
				details: JSON.stringify(e.details, null, 1)
			};
		}),
		olderQuery: page.more ? `?${older}` : null
	};
};
