import { opportunityTypeName } from '$lib/i18n/opportunity-types.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Db } from '../db/index.ts';
import { taxonomy } from '../directory/index.ts';
import type { AlertView } from '../opportunities/index.ts';

/** A saved search in words ("elektriker", Læreplads, English-friendly …) and its link. */
export async function describeAlert(db: Db, alert: AlertView, locale: 'da' | 'en') {
	const s = alert.search;
	const terms = await taxonomy(db);
	const label = (vocabulary: string, code: string) => {
		const term = terms.find((t) => t.vocabulary === vocabulary && t.code === code);
		return term ? (locale === 'en' ? (term.name.en ?? term.name.da) : term.name.da) : code;
	};
	const parts = [
		...(s.q ? [`“${s.q}”`] : []),
		...s.type.map(opportunityTypeName),
		...s.field.map((f) => label('field', f)),
		...s.level.map((l) => label('level', l)),
		...(s.englishFriendly ? [m.job_english_friendly_short()] : []),
		...(s.maxHours !== undefined ? [m.jobs_hours({ hours: s.maxHours })] : []),
		...s.area,
		...(s.near ? [s.km !== undefined ? `≤ ${s.km} km / ${s.near}` : s.near] : [])
	];
	return {
		description: parts.length ? parts.join(' · ') : m.alert_all_postings(),
		href: `${localizedPath('/job', locale)}${alert.queryString ? `?${alert.queryString}` : ''}`
	};
}
