import type { OpportunityHit } from './search.ts';

const escape = (text: string) =>
	text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		// Characters XML 1.0 forbids, even escaped: control characters other than tab and newlines.
		.replace(/(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]/gu, '');

const iso = (time: string | Date) => new Date(time).toISOString();

/**
 * An Atom 1.0 feed of a job search, so a reader can follow a search in any feed reader. Each
 * entry says when it was published and when it last changed; entries run by their last change,
 * newest first, so a reader sees what is new. The feed's own `updated` is its newest entry's,
 * or, for an empty search, `lastChange` (the job board's last change), never a made-up date.
 */
export function atomFeed(options: {
	title: string;
	selfUrl: string;
	pageUrl: string;
	/** The feed's language; a title shown untranslated is marked Danish. */
	locale: 'da' | 'en';
	items: OpportunityHit[];
	lastChange: Date;
	postingUrl: (slug: string) => string;
	describe: (item: OpportunityHit) => string;
}): string {
	const items = [...options.items].sort(
		(a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.id.localeCompare(b.id)
	);
	const updated = items[0] ? iso(items[0].updatedAt) : iso(options.lastChange);
	const lang = options.locale;
	const entries = items
		.map(
			(i) => `	<entry>
		<id>urn:uuid:${i.id}</id>
		<title xml:lang="${i.untranslated ? 'da' : lang}">${escape(i.title)}</title>
		<link rel="alternate" type="text/html" href="${escape(options.postingUrl(i.slug))}"/>
		<published>${iso(i.createdAt)}</published>
		<updated>${iso(i.updatedAt)}</updated>
		<author><name>${escape(i.organization)}</name></author>
		<summary xml:lang="${lang}">${escape(options.describe(i))}</summary>
	</entry>`
		)
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
	<id>${escape(options.selfUrl)}</id>
	<title xml:lang="${lang}">${escape(options.title)}</title>
	<link rel="self" type="application/atom+xml" href="${escape(options.selfUrl)}"/>
	<link rel="alternate" type="text/html" href="${escape(options.pageUrl)}"/>
	<updated>${updated}</updated>
${entries}
</feed>
`;
}
