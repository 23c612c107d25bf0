import type { Reroute, Transport } from '@sveltejs/kit';
import { routePath } from '$lib/i18n/routes.ts';
import { isServerRendered } from '$lib/server-rendered.ts';

/** English URLs (`/en/guideposts/…`) are served by the Danish routes (`/pejlemaerker/…`). */
export const reroute: Reroute = ({ url }) => routePath(url.pathname);

/** Load data marked `serverRendered` is not serialised for the browser (see server-rendered.ts). */
export const transport: Transport = {
	ServerRendered: {
		encode: (value) => isServerRendered(value) && [],
		decode: () => {
			throw new Error('This data was rendered on the server only and is not sent to the browser.');
		}
	}
};
