import { activeStrategy } from '$lib/server/app.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	strategy: (await activeStrategy(locals.locale)) ?? null
});
