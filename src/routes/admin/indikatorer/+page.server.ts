import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { activeStrategy, appConfig } from '$lib/server/app.ts';
import {
	confirmUpload,
	geographyName,
	recentBatches,
	stageUpload,
	statbankSources,
	statbankSyncStates,
	syncAllIndicators
} from '$lib/server/indicators/index.ts';
import { syncSettings } from '$lib/server/tasks.ts';
import { field, formFailure, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** Larger files go through the command line, which streams progress to the terminal. */
const MAX_UPLOAD_MB = 20;

async function indicatorChoices(locale: 'da' | 'en') {
	const strategy = await activeStrategy(locale);
	return (strategy?.guideposts ?? []).flatMap((g) =>
		g.indicators.map((i) => ({ code: i.code, title: i.title }))
	);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCan(locals, 'indicators.import');
	const done = url.searchParams.get('importeret');
	const counts = ['tilfoejet', 'aendret', 'fjernet'].map((k) =>
		Number(url.searchParams.get(k) ?? 0)
	);
	const sources = await statbankSources(locals.db);
	const states = await statbankSyncStates(locals.db);
	return {
		indicators: await indicatorChoices(locals.locale),
		batches: await recentBatches(locals.db, 20),
		// The StatBank sync: each indicator whose strategy file names a table, and its last sync.
		syncs: [...sources].map(([code, source]) => {
			const state = states.get(code);
			return {
				code,
				table: source.table,
				vintage: state?.vintage ?? null,
				checkedAt: state?.checkedAt ?? null,
				error: state?.error ? state.error[locals.locale] : null
			};
		}),
		syncHours: appConfig().INDICATOR_SYNC_HOURS,
		maxMb: MAX_UPLOAD_MB,
		done: done ? { code: done, added: counts[0]!, changed: counts[1]!, removed: counts[2]! } : null
	};
};

function problemsOf(problems: { where: string; message: string }[]) {
	return {
		problems: problems.slice(0, 200).map((p) => `${p.where}: ${p.message}`),
		more: Math.max(0, problems.length - 200)
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const actor = requireCan(event.locals, 'indicators.import');
		const form = await readForm(event);
		const code = field(form, 'indicator') ?? '';
		const measure = (field(form, 'measure') ?? '').trim();
		const values = { indicator: code, measure: measure.slice(0, 100) };
		const known = (await indicatorChoices(event.locals.locale)).map((i) => i.code);
		if (!known.includes(code))
			return formFailure(400, { errors: { indicator: msg('upload_unknown_indicator') }, values });
		if (measure && !/^[\p{L}\p{N}_.-]{1,100}$/u.test(measure))
			return formFailure(400, { errors: { measure: msg('field_required') }, values });
		const file = form?.get('file');
		if (!(file instanceof File) || file.size === 0)
			return formFailure(400, { errors: { file: msg('upload_missing_file') }, values });
		if (file.size > MAX_UPLOAD_MB * 1024 * 1024)
			return formFailure(413, {
				errors: { file: msg('upload_too_large', { mb: MAX_UPLOAD_MB }) },
				values
			});
		const fileName = z
			.string()
			.max(255)
			.catch('upload.csv')
			.parse(file.name.replace(/[\p{Cc}/\\]/gu, '_'));
		const staged = await stageUpload(
			event.locals.db,
			actor.id,
			{
				indicatorCode: code,
				fileName,
				bytes: new Uint8Array(await file.arrayBuffer()),
				measure: measure || undefined
			},
			event.locals.locale
		);
		if (!staged.ok) return formFailure(422, { values, rejected: problemsOf(staged.problems) });
		// Areas by name in the reader's language ("Aalborg Kommune"), codes kept for the unknown.
		const name = (geo: string) => geographyName(geo, event.locals.locale);
		const samples = staged.preview.samples;
		return {
			staged: {
				...staged,
				indicator: code,
				areaNames: staged.preview.replaces.areas.map(name),
				samples: samples
					? (['added', 'changed', 'removed'] as const).flatMap((kind) =>
							samples[kind].map((r) => ({ ...r, kind, area: name(r.geo) }))
						)
					: []
			}
		};
	},
	sync: async (event) => {
		const actor = requireCan(event.locals, 'indicators.import');
		const outcomes = await syncAllIndicators(event.locals.db, syncSettings(appConfig(), actor.id));
		return {
			synced: outcomes.map((o) => ({
				code: o.code,
				status: o.status,
				error: o.status === 'failed' ? o.error[event.locals.locale] : null
			}))
		};
	},
	confirm: async (event) => {
		const actor = requireCan(event.locals, 'indicators.import');
		const form = await readForm(event);
		const draft = z.uuid().safeParse(field(form, 'draft'));
		if (!draft.success) return formFailure(400, { message: msg('preview_expired') });
		const confirmed = await confirmUpload(
			event.locals.db,
			actor.id,
			draft.data,
			event.locals.locale
		);
		if (!confirmed.ok && confirmed.reason === 'expired')
			return formFailure(410, { message: msg('preview_expired') });
		if (!confirmed.ok) return formFailure(422, { rejected: problemsOf(confirmed.problems) });
		const { added, changed, removed } = confirmed.result;
		redirect(
			303,
			`${localizedPath('/admin/indikatorer', event.locals.locale)}?importeret=${encodeURIComponent(confirmed.indicatorCode)}&tilfoejet=${added}&aendret=${changed}&fjernet=${removed}`
		);
	}
};
