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

/** An instant with its offset in Denmark: 2027-10-14T18:00:00+02:00. */
const localInstant = z.iso.datetime({ offset: true });

/** GET /api/v1/events: coming events, soonest first, with counts per kind, level and audience. */
export const apiEventList = z.object({
	total: z.number().int(),
	facets: z.object({
		kind: counts,
		level: counts,
		audience: counts,
		organiser: counts.meta({ description: 'Counts per organiser, keyed by its slug' })
	}),
	items: z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			kind: z.string().meta({ description: 'aabent-hus, uddannelsesmesse, brobygning …' }),
			title: z.string(),
			start: localInstant,
			end: localInstant.meta({
				description: 'Exclusive: an all-day event ends at midnight after its last day'
			}),
			allDay: z.boolean(),
			place: z.string().nullable(),
			online: z.boolean(),
			organiser: z.object({ name: z.string(), slug: z.string() }),
			price: z.number().nullable().meta({ description: 'In kroner; 0 is free, null not stated' }),
			cancelled: z.boolean(),
			url: z.url(),
			demo: z.boolean()
		})
	)
});
export type ApiEventList = z.output<typeof apiEventList>;

/** GET /api/v1/search: programmes, institutions, offers, postings and events at once. */
export const apiSearch = z.object({
	counts: z
		.record(z.string(), z.number().int())
		.meta({ description: 'How many of each kind match (the items hold the first few)' }),
	items: z.array(
		z.object({
			kind: z.enum(['programme', 'institution', 'offer', 'posting', 'event']),
			title: z.string(),
			url: z.url(),
			snippet: z.string(),
			demo: z.boolean()
		})
	)
});
export type ApiSearch = z.output<typeof apiSearch>;

const apiProgrammeItem = z.object({
	id: z.uuid(),
	slug: z.string(),
	title: z.string(),
	level: z.string().meta({
		description: 'A level code of taxonomy/programmes.yaml: stx, eud, professionsbachelor …'
	}),
	field: z.string().nullable().meta({ description: 'DISCED-15 broad field (two digits)' }),
	institution: z.object({ name: z.string(), slug: z.string() }),
	places: z.array(z.string()),
	durationMonths: z.number().int().nullable(),
	language: z.string(),
	su: z.boolean().nullable(),
	url: z.url(),
	demo: z.boolean()
});

/** GET /api/v1/programmes: the programme search with counts per filter. */
export const apiProgrammeList = z.object({
	total: z.number().int(),
	facets: z.object({
		level: counts,
		field: counts,
		institution: counts.meta({ description: 'Counts per institution, keyed by its slug' }),
		lang: counts,
		duration: counts,
		su: z.number().int()
	}),
	items: z.array(apiProgrammeItem)
});
export type ApiProgrammeList = z.output<typeof apiProgrammeList>;

const subjectNeed = z.object({ subject: z.string(), level: z.enum(['A', 'B', 'C']) });

/** GET /api/v1/programmes/{slug}: a programme with its requirements and figures. */
export const apiProgramme = apiProgrammeItem.extend({
	summary: z.string().nullable(),
	speciality: z.string().nullable(),
	ects: z.number().int().nullable(),
	startMonths: z.array(z.number().int()),
	applyVia: z.enum(['optagelse', 'institution']),
	deadlines: z.array(
		z.object({
			kind: z.enum(['kvote1', 'kvote2', 'institution']),
			next: localInstant.meta({ description: 'The next time it falls, with its offset in Denmark' })
		})
	),
	requirements: z.object({
		text: z.string().nullable(),
		known: z.boolean().meta({ description: 'False when nobody has recorded the structured rules' }),
		routes: z.array(
			z.object({
				from: z.array(z.string()).meta({ description: 'Level or group codes, any of them' }),
				subjects: z
					.array(z.array(subjectNeed))
					.meta({ description: 'Every entry must be met by one of its alternatives' }),
				minGrade: z.number().optional()
			})
		)
	}),
	institutionUrl: z.string().nullable(),
	ugUrl: z.string().nullable(),
	kotNumber: z.string().nullable(),
	source: z.string(),
	figures: z.array(
		z.object({
			year: z.number().int(),
			applicants: z.number().int().nullable(),
			admitted: z.number().int().nullable(),
			cutoff: z.number().nullable(),
			allAdmitted: z.boolean(),
			standby: z.number().nullable(),
			unemployment: z.number().nullable(),
			dropout: z.number().nullable(),
			notPublished: z
				.array(z.string())
				.meta({ description: 'Figures withheld by their publisher (null here, never 0)' }),
			source: z.string(),
			demo: z.boolean()
		})
	)
});
export type ApiProgramme = z.output<typeof apiProgramme>;

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

const healthCounts = z
	.object({
		green: z.number().int(),
		yellow: z.number().int(),
		red: z.number().int(),
		none: z.number().int().meta({ description: 'Initiatives without an approved update' })
	})
	.meta({ description: 'Initiatives by health: green on track, yellow at risk, red delayed' });

/** GET /api/v1/initiatives: every initiative with its latest approved status. */
export const apiInitiativeList = z.object({
	items: z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			title: z.string(),
			actions: z.array(z.string()).meta({ description: 'Action codes, such as 1.2' }),
			indicators: z.array(z.string()).meta({ description: 'Indicator codes it aims to move' }),
			owner: z.object({ name: z.string() }),
			lifecycle: z.enum(['planlagt', 'i-gang', 'afsluttet', 'stoppet']),
			health: z.enum(['green', 'yellow', 'red']).nullable().meta({
				description: 'From the latest approved update; null when there is none'
			}),
			progress: z.number().int().min(0).max(100),
			updatedAt: z.iso.datetime(),
			url: z.url(),
			demo: z.boolean()
		})
	)
});
export type ApiInitiativeList = z.output<typeof apiInitiativeList>;

/** GET /api/v1/follow-up: the roll-up per guidepost and action, live or as a round froze it. */
export const apiFollowUp = z.object({
	round: z
		.object({
			id: z.uuid(),
			name: z.string(),
			deadline: z.iso.date(),
			closedAt: z.iso.datetime().nullable()
		})
		.nullable()
		.meta({
			description:
				'Without ?round: the latest closed round (null if none) and live figures. With ?round: that round, and the figures it froze when it closed.'
		}),
	live: z.boolean(),
	guideposts: z.array(
		z.object({
			slug: z.string(),
			initiatives: z.number().int(),
			progress: z.number().nullable(),
			health: healthCounts,
			actions: z.array(
				z.object({
					code: z.string(),
					initiatives: z.number().int(),
					progress: z.number().nullable().meta({
						description:
							'Mean progress 0–100, weighted by budget when every initiative has one; null without initiatives'
					}),
					weightedBy: z.enum(['budget', 'count']),
					health: healthCounts
				})
			)
		})
	)
});
export type ApiFollowUp = z.output<typeof apiFollowUp>;
