import { appConfig } from '$lib/server/app.ts';
import { embedChoice, embedCode } from '$lib/server/http/embed-builder.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { choice, problem } = embedChoice(url);
	const origin = appConfig().ORIGIN ?? url.origin;
	const names = {
		arrangementer: m.embed_list_events,
		job: m.embed_list_jobs,
		tilbud: m.embed_list_offers,
		uddannelser: m.embed_list_programmes
	};
	const title = `${names[choice.list]({}, { locale: choice.language })} – ${m.site_name({}, { locale: choice.language })}`;
	return {
		choice,
		problem: problem ?? null,
		filters: url.searchParams.get('filtre') ?? '',
		asked: url.searchParams.has('liste'),
		title,
		...embedCode(choice, origin, title)
	};
};
