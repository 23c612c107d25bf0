import { redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { ForbiddenError } from '$lib/server/accounts/index.ts';
import { listOrganizations, taxonomy } from '$lib/server/directory/index.ts';
import { mySubmissions, submitOffer } from '$lib/server/moderation/index.ts';
import { field, formFailure, readForm } from '$lib/server/api/forms.ts';
import { requireCan } from '$lib/server/api/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const [all, terms, mine] = await Promise.all([
		listOrganizations(locals.db),
		taxonomy(locals.db),
		mySubmissions(locals.db, actor)
	]);
	const organizations = (
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all
	).map((o) => ({ id: o.id, name: o.name }));
	const label = (n: { da: string; en?: string }) =>
		locals.locale === 'en' ? (n.en ?? n.da) : n.da;
	return {
		organizations,
		categories: terms
			.filter((t) => t.vocabulary === 'category')
			.map((t) => ({ code: t.code, label: label(t.name) })),
		audiences: terms
			.filter((t) => t.vocabulary === 'audience')
			.map((t) => ({ code: t.code, label: label(t.name) })),
		submissions: mine.map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.has('sendt')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireCan(event.locals, 'submissions.create');
		const form = await readForm(event);
		const text = (name: string) => (field(form, name) ?? '').trim();
		const optional = (name: string) => text(name) || undefined;
		const values = Object.fromEntries(
			['organizationId', 'nameDa', 'nameEn', 'descDa', 'descEn', 'url', 'price'].map((n) => [
				n,
				text(n).slice(0, 5000)
			])
		);
		const price = text('price').replace(',', '.');
		const priceOre = price ? Math.round(Number(price) * 100) : undefined;
		try {
			await submitOffer(event.locals.db, actor, {
				organizationId: text('organizationId'),
				name: { da: text('nameDa'), en: optional('nameEn') },
				description: { da: text('descDa'), en: optional('descEn') },
				url: optional('url'),
				categories: (form?.getAll('category') ?? []).filter(
					(v): v is string => typeof v === 'string'
				),
				audiences: (form?.getAll('audience') ?? []).filter(
					(v): v is string => typeof v === 'string'
				),
				isFree: priceOre === undefined,
				priceOre:
					priceOre !== undefined && Number.isFinite(priceOre)
						? priceOre
						: priceOre === undefined
							? undefined
							: -1
			});
		} catch (error) {
			if (error instanceof ForbiddenError)
				return formFailure(403, { message: msg('admin_forbidden'), values });
			if (error instanceof ZodError)
				return formFailure(400, {
					message: msg('sub_invalid', {
						fields: [...new Set(error.issues.map((i) => i.path.join('.')))].join(', ')
					}),
					values
				});
			throw error;
		}
		redirect(303, `${localizedPath('/admin/tilbud', event.locals.locale)}?sendt=1`);
	}
};
