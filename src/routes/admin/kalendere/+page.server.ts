import { msg, type Msg } from '$lib/i18n/message.ts';
import { appConfig } from '$lib/server/app.ts';
import { listOrganizations, taxonomy, termOptions } from '$lib/server/directory/index.ts';
import {
	feedInput,
	feedsOf,
	subscribeFeed,
	syncAllFeeds,
	syncFeed,
	unsubscribeFeed
} from '$lib/server/events/index.ts';
import { field, formFailure, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { feedSettings } from '$lib/server/tasks.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCan(locals, 'organizations.manage');
	const [feeds, organizations, terms] = await Promise.all([
		feedsOf(locals.db),
		listOrganizations(locals.db),
		taxonomy(locals.db)
	]);
	const names = new Map(organizations.map((o) => [o.id, o.name]));
	return {
		feeds: feeds.map((f) => ({ ...f, organization: names.get(f.organizationId) ?? '' })),
		organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
		kinds: termOptions(terms, 'event-kind', locals.locale),
		chosen: url.searchParams.get('organisation') ?? ''
	};
};

export const actions: Actions = {
	subscribe: async (event) => {
		const actor = requireCan(event.locals, 'organizations.manage');
		const form = await readForm(event);
		const values = {
			organizationId: field(form, 'organizationId') ?? '',
			url: (field(form, 'url') ?? '').slice(0, 2000),
			kind: field(form, 'kind') ?? ''
		};
		const parsed = feedInput.safeParse(values);
		const https = parsed.success && /^https:\/\//i.test(parsed.data.url);
		const testing = appConfig().FEED_ALLOW_PRIVATE === 'true';
		if (!parsed.success || (!https && !testing))
			return formFailure(400, { errors: { url: msg('cal_bad_url') }, values });
		const feed = await subscribeFeed(event.locals.db, actor.id, parsed.data);
		const outcome = await syncFeed(event.locals.db, feed, feedSettings(appConfig()));
		const note: Msg =
			outcome.status === 'read'
				? msg('cal_added', { added: outcome.added })
				: msg('cal_added_failed', { reason: outcome.error[event.locals.locale] });
		return { note, failed: outcome.status === 'failed' };
	},
	read: async (event) => {
		requireCan(event.locals, 'organizations.manage');
		const outcomes = await syncAllFeeds(event.locals.db, feedSettings(appConfig()));
		const failed = outcomes.filter((o) => o.status === 'failed').length;
		return {
			note: msg('cal_read_done', { read: outcomes.length - failed, failed }),
			failed: failed > 0
		};
	},
	remove: async (event) => {
		const actor = requireCan(event.locals, 'organizations.manage');
		const id = field(await readForm(event), 'feedId') ?? '';
		const known = (await feedsOf(event.locals.db)).some((f) => f.id === id);
		if (!known) return formFailure(404, { message: msg('field_required') });
		await unsubscribeFeed(event.locals.db, actor.id, id);
		return { note: msg('cal_removed'), failed: false };
	}
};
