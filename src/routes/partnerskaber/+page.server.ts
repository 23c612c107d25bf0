import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { listPartnerships, PARTNERSHIP_KINDS } from '$lib/server/opportunities/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const kind = url.searchParams.get('kind') || undefined;
	if (kind && !(PARTNERSHIP_KINDS as readonly string[]).includes(kind))
		error(400, `kind: not a kind of partnership (${PARTNERSHIP_KINDS.join(', ')})`);
	const items = await cachedView(`partnerships:${kind ?? ''}`, () =>
		listPartnerships(locals.db, { kind })
	);
	return {
		kind: kind ?? '',
		kinds: PARTNERSHIP_KINDS,
		items,
		anyDemo: items.some((i) => i.isDemo)
	};
};
