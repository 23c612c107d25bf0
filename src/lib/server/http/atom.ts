const escape = (text: string) =>
	text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		// Characters XML 1.0 forbids, even escaped: control characters other than tab and newlines.
		.replace(/(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]/gu, '');

const iso = (time: string | Date) => new Date(time).toISOString();

/** One entry of a feed: a posting, an offer. */
export interface AtomEntry {
	/** The item's UUID: its entry's id for good (`urn:uuid:…`). */
	id: string;
	title: string;
	/** Set when the title is shown in Danish because the English one is missing. */
	untranslated: boolean;
	/** The item's page. */
	url: string;
	/** When it was first published, and when it last changed. */
	published: string | Date;
	updated: string | Date;
	/** Who offers it: the organisation. */
	author: string;
	/** One line in the feed's language. */
	summary: string;
}

/**
 * An Atom 1.0 feed of a search (job board, offers), so a reader can follow it in any feed
 * reader. Each entry says when it was published and when it last changed; entries run by their
 * last change, newest first, so a reader sees what is new. The feed's own `updated` is its
 * newest entry's, or, for an empty search, `lastChange` (the content's last change), never a
 * made-up date.
 */
export function atomFeed(options: {
	title: string;
	selfUrl: string;
	pageUrl: string;
	/** The feed's language; a title shown untranslated is marked Danish. */
	locale: 'da' | 'en';
	entries: AtomEntry[];
	lastChange: Date;
}): string {
	const entries = [...options.entries].sort(
		(a, b) => Date.parse(iso(b.updated)) - Date.parse(iso(a.updated)) || a.id.localeCompare(b.id)
	);
	const updated = entries[0] ? iso(entries[0].updated) : iso(options.lastChange);
	const lang = options.locale;
	const body = entries
		.map(
			(e) => `	<entry>
		<id>urn:uuid:${e.id}</id>
		<title xml:lang="${e.untranslated ? 'da' : lang}">${escape(e.title)}</title>
		<link rel="alternate" type="text/html" href="${escape(e.url)}"/>
		<published>${iso(e.published)}</published>
		<updated>${iso(e.updated)}</updated>
		<author><name>${escape(e.author)}</name></author>
		<summary xml:lang="${lang}">${escape(e.summary)}</summary>
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
${body}
</feed>
`;
}

/** The headers of a feed: cached for five minutes, unless it measures from a private address. */
export function atomHeaders(privateAddress: boolean): Record<string, string> {
	return {
		'content-type': 'application/atom+xml; charset=utf-8',
		'cache-control': privateAddress ? 'private, no-store' : 'public, max-age=300'
	};
}
