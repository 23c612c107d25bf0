import { z } from 'zod';

/** The public strategy API's response: shared by the server, the OpenAPI document and tests. */
export const apiIndicator = z.object({
	code: z.string().meta({ description: 'Stable indicator code, used in URLs', example: 'frafald' }),
	title: z.string(),
	direction: z
		.enum(['decrease', 'increase'])
		.meta({ description: 'The development the strategy wants' })
});

export const apiGuidepost = z.object({
	slug: z.string().meta({ example: 'uddannelse-for-alle' }),
	number: z.int(),
	title: z.string(),
	intro: z.string().meta({ description: 'Introduction; paragraphs separated by a blank line' }),
	ambitions: z.array(z.string()).meta({ description: '"Vores ambition er, at" items' }),
	actions: z
		.array(
			z.object({
				code: z.string().meta({
					description:
						'Stable code: guidepost number and position (1.2), or set in the strategy file'
				}),
				text: z.string()
			})
		)
		.meta({
			description:
				'"Derfor arbejder vi på, at" items. Changed in 1.1: each is { code, text }, no longer a bare string.'
		}),
	indicators: z.array(apiIndicator)
});

export const apiStrategy = z.object({
	slug: z.string().meta({ example: 'aalborg-2023-2026' }),
	lang: z.enum(['da', 'en']),
	title: z.string(),
	period: z.object({ start: z.int(), end: z.int() }),
	adopted: z.string().optional().meta({ description: 'Date adopted, YYYY-MM-DD' }),
	municipality: z.object({ name: z.string(), code: z.string() }),
	vision: z.string(),
	untranslated: z
		.boolean()
		.meta({ description: 'True when some English text was missing and Danish is shown' }),
	guideposts: z.array(apiGuidepost)
});
export type ApiStrategy = z.infer<typeof apiStrategy>;

export const apiErrorSchema = z.object({
	error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
});

export const strategyQuery = z.object({
	lang: z.enum(['da', 'en'], { error: 'lang must be "da" or "en"' }).default('da')
});

export const apiIndicatorSummary = z.object({
	code: z.string(),
	title: z.string(),
	unit: z.enum(['percent', 'count', 'rate']),
	direction: z.enum(['decrease', 'increase']),
	guidepost: z.string().meta({ description: 'Slug of the pejlemærke' }),
	latest: z.object({ period: z.string(), value: z.number() }).nullable(),
	baseline: z.object({ period: z.string(), value: z.number() }).nullable(),
	status: z.enum([
		'clear-improvement',
		'improvement',
		'no-clear-change',
		'worsening',
		'not-enough-data'
	]),
	statusReason: z.string(),
	demo: z.boolean().meta({ description: 'True while the figures are demo data' })
});

export const apiIndicatorList = z.object({ items: z.array(apiIndicatorSummary) });

export const apiObservation = z.object({
	period: z.string(),
	geo: z
		.string()
		.meta({ description: "Danmarks Statistik's code: 851 Aalborg, 000 all of Denmark" }),
	breakdowns: z.record(z.string(), z.string()),
	value: z.number().nullable().meta({ description: 'null when not published' }),
	flags: z.array(z.enum(['provisional', 'suppressed']))
});

export const apiObservationList = z.object({ items: z.array(apiObservation), demo: z.boolean() });

export const indicatorListQuery = z.object({
	lang: z.enum(['da', 'en'], { error: 'lang must be "da" or "en"' }).default('da')
});

const nearFields = {
	/** What distanceKm is measured from: a postcode and its name, or an address (postalCode null). */
	near: z.object({ postalCode: z.string().nullable(), name: z.string() }).nullable(),
	/** Why near was given but no distance measured. */
	nearProblem: z
		.enum(['unknown-postcode', 'postcode-only', 'address-not-found', 'lookup-unavailable'])
		.nullable()
};
const counts = z.record(z.string(), z.number().int());

/** GET /api/v1/opportunities: open postings, with counts per kind, field and level. */
export const apiOpportunityList = z.object({
	total: z.number().int(),
	...nearFields,
	facets: z.object({ type: counts, field: counts, level: counts }),
	items: z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			type: z.string().meta({ description: 'studiejob, fritidsjob, praktikplads, laereplads …' }),
			title: z.string(),
			organization: z.string(),
			city: z.string().nullable(),
			remote: z.boolean(),
			deadline: z.iso.date().nullable(),
			hoursPerWeek: z.number().int().nullable(),
			englishFriendly: z.boolean(),
			distanceKm: z.number().nullable(),
			url: z.url(),
			demo: z.boolean(),
			published: z.iso.datetime().meta({ description: 'When the posting was published' }),
			updated: z.iso.datetime().meta({ description: 'Its last change' })
		})
	)
});

export type ApiOpportunityList = z.output<typeof apiOpportunityList>;

/** GET /api/v1/offers: the directory search, ranked best first. */
export const apiOfferList = z.object({
	total: z.number().int(),
	...nearFields,
	facets: z.object({ category: counts, audience: counts, language: counts, area: counts }),
	items: z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			title: z.string(),
			organization: z.string(),
			categories: z.array(z.string()),
			url: z.string().nullable(),
			demo: z.boolean(),
			place: z
				.object({
					name: z.string(),
					postalCode: z.string(),
					city: z.string(),
					latitude: z.number().nullable(),
					longitude: z.number().nullable()
				})
				.nullable(),
			distanceKm: z.number().nullable()
		})
	)
});
