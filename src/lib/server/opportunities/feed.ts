import type { OpportunityHit } from './search.ts';

const escape = (text: string) =>
	text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		// Characters XML 1.0 forbids, even escaped: control characters other than tab and newlines.
		.replace(/(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]/gu, '');

/**
 * An Atom 1.0 feed of a job search: newest postings first, each linking to its page, so a
 * reader can follow a search in any feed reader.
 */
export function atomFeed(options: {
	title: string;
	selfUrl: string;
	pageUrl: string;
	items: OpportunityHit[];
	postingUrl: (slug: string) => string;
	describe: (item: OpportunityHit) => string;
}): string {
	const updated =
		options.items
			.map((i) => new Date(i.createdAt).toISOString())
			.sort()
			.at(-1) ?? new Date(0).toISOString();
	const entries = options.items
		.map(
			(i) => `	<entry>
		<id>urn:uuid:${i.id}</id>
		<title>${escape(i.title)}</title>
		<link rel="alternate" type="text/html" href="${escape(options.postingUrl(i.slug))}"/>
		<updated>${new Date(i.createdAt).toISOString()}</updated>
		<author><name>${escape(i.organization)}</name></author>
		<summary>${escape(options.describe(i))}</summary>
	</entry>`
		)
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
	<id>${escape(options.selfUrl)}</id>
	<title>${escape(options.title)}</title>
	<link rel="self" type="application/atom+xml" href="${escape(options.selfUrl)}"/>
	<link rel="alternate" type="text/html" href="${escape(options.pageUrl)}"/>
	<updated>${updated}</updated>
${entries}
</feed>
`;
}
