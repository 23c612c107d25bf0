import { appConfig } from '$lib/server/app.ts';
import { retentionSettings } from '$lib/server/retention.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const url = appConfig().GEOCODER_URL;
	// The service addresses typed by readers are sent to, named by its host.
	return {
		addressLookup: url ? new URL(url.replaceAll('{q}', '')).host : null,
		// The periods the retention task uses, so the page always states the configured ones.
		retention: { ...retentionSettings(appConfig()), backupKeep: appConfig().BACKUP_KEEP }
	};
};
