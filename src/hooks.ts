import type { Reroute } from '@sveltejs/kit';
import { routePath } from '$lib/i18n/routes.ts';

/** English URLs (`/en/guideposts/…`) are served by the Danish routes (`/pejlemaerker/…`). */
export const reroute: Reroute = ({ url }) => routePath(url.pathname);
