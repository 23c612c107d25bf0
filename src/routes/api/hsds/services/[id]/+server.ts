import { hsdsOne } from '$lib/server/http/hsds-api.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	hsdsOne(locals.db, params.id, 'services');
