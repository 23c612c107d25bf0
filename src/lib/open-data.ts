import { localizedPath, type Locale } from '$lib/i18n/routes.ts';

/** One way to fetch a dataset: its format and its address. */
export interface DatasetFormat {
	format:
		| 'JSON'
		| 'HSDS 3.0 JSON'
		| 'HSDS 3.0 CSV'
		| 'iCalendar'
		| 'Atom'
		| 'CSV'
		| 'XLSX'
		| 'JSON-stat'
		| 'OpenAPI 3.1';
	href: string;
}

/** A public dataset of the site, in the order /data lists them. */
export interface Dataset {
	key:
		| 'strategy'
		| 'indicators'
		| 'offers'
		| 'postings'
		| 'events'
		| 'programmes'
		| 'followup'
		| 'api';
	formats: DatasetFormat[];
	/** For indicators: each indicator's own files. */
	parts?: { code: string; title: string; formats: DatasetFormat[] }[];
}

/**
 * Every public dataset and where to fetch it, in the reader's language where the answer has
 * one: the strategy, its indicators (each as CSV, XLSX and JSON-stat), offers (HSDS 3.0 as JSON
 * and as a CSV data package), postings, events, programmes (JSON, and CSV in the import template),
 * the follow-up, and the API's own description.
 */
export function openDatasets(
	locale: Locale,
	indicators: readonly { code: string; title: string }[]
): Dataset[] {
	const page = (path: string) => localizedPath(path, locale);
	return [
		{ key: 'strategy', formats: [{ format: 'JSON', href: `/api/v1/strategy?lang=${locale}` }] },
		{
			key: 'indicators',
			formats: [{ format: 'JSON', href: `/api/v1/indicators?lang=${locale}` }],
			parts: indicators.map(({ code, title }) => ({
				code,
				title,
				formats: [
					{ format: 'CSV', href: page(`/indikatorer/${code}.csv`) },
					{ format: 'XLSX', href: page(`/indikatorer/${code}.xlsx`) },
					{ format: 'JSON-stat', href: page(`/indikatorer/${code}.json`) }
				]
			}))
		},
		{
			key: 'offers',
			formats: [
				{ format: 'HSDS 3.0 JSON', href: '/api/hsds/services' },
				{ format: 'HSDS 3.0 JSON', href: '/api/hsds/organizations' },
				{ format: 'HSDS 3.0 CSV', href: '/api/hsds/datapackage/datapackage.json' },
				{ format: 'JSON', href: `/api/v1/offers?locale=${locale}` },
				{ format: 'Atom', href: page('/tilbud/feed.atom') }
			]
		},
		{
			key: 'postings',
			formats: [
				{ format: 'JSON', href: `/api/v1/opportunities?locale=${locale}` },
				{ format: 'Atom', href: page('/job/feed.atom') }
			]
		},
		{
			key: 'events',
			formats: [
				{ format: 'iCalendar', href: page('/arrangementer/kalender.ics') },
				{ format: 'JSON', href: `/api/v1/events?locale=${locale}` },
				{ format: 'Atom', href: page('/arrangementer/feed.atom') }
			]
		},
		{
			key: 'programmes',
			formats: [
				{ format: 'JSON', href: `/api/v1/programmes?locale=${locale}` },
				{ format: 'CSV', href: '/api/v1/programmes.csv' }
			]
		},
		{
			key: 'followup',
			formats: [
				{ format: 'JSON', href: '/api/v1/follow-up' },
				{ format: 'JSON', href: `/api/v1/initiatives?locale=${locale}` }
			]
		},
		{ key: 'api', formats: [{ format: 'OpenAPI 3.1', href: '/api/v1/openapi.json' }] }
	];
}
