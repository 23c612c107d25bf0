import { appConfig } from '$lib/server/app.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const url = appConfig().GEOCODER_URL;
	// The service addresses typed by readers are sent to, named by its host.
	return { addressLookup: url ? new URL(url.replaceAll('{q}', '')).host : null };
};
