import type { ParamMatcher } from '@sveltejs/kit';

/** A route parameter that is a UUID (a database id); anything else is a 404 before the route runs. */
export const match: ParamMatcher = (param) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(param);
