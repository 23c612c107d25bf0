import { hsdsPage } from '$lib/server/http/hsds-api.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => hsdsPage(locals.db, url, 'services');
