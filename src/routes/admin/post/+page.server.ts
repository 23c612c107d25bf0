import { listOutbox } from '$lib/server/mail/index.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireCan(locals, 'outbox.read');
	const mails = await listOutbox(locals.db, 200);
	return { mails };
};
