import { apiError } from '$lib/server/http/respond.ts';
import type { RequestHandler } from './$types';

/** Unknown API paths answer with the API's JSON error, not the HTML 404 page. */
const notFound: RequestHandler = ({ url }) => apiError(404, `No API endpoint at ${url.pathname}`);
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
