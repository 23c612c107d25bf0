import { z } from 'zod';

/**
 * The strategy file format: what a municipality writes in strategies/<slug>.yaml.
 * Danish text is required everywhere; English is optional and falls back to Danish.
 */
const text = z.string().trim().min(1, 'must not be empty');

export const localizedText = z.strictObject({ da: text, en: text.optional() });
export type LocalizedText = z.infer<typeof localizedText>;

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters a-z, digits and hyphens');

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const indicatorDirection = z.enum(['decrease', 'increase'], {
	error: 'must be "decrease" or "increase"'
});
export type IndicatorDirection = z.infer<typeof indicatorDirection>;

const periodText = z
	.string()
	.regex(/^\d{4}(\/\d{2}|Q[1-4])?$/, 'must be a period such as 2022, 2022/23 or 2022Q4');

/**
 * Where Statistics Denmark's StatBank keeps the indicator: the table, the values to fetch for
 * each of its variables (`*` for all), the ContentsCode measure when the table has several,
 * and which variables are the period and the area when their names are not the usual ones.
 */
export const statbankSource = z.strictObject({
	table: z
		.string()
		.regex(/^[A-Za-z0-9_]{2,20}$/, 'must be a StatBank table id such as FOLK1A')
		.transform((t) => t.toUpperCase()),
	selection: z
		.record(
			z.string().min(1).max(40),
			z.array(z.string().min(1).max(40)).min(1, 'must name at least one value, or "*"')
		)
		.refine((s) => Object.keys(s).length > 0, 'must select at least one variable'),
	measure: z.string().min(1).max(40).optional(),
	mapping: z
		.strictObject({ period: z.string().min(1).optional(), geo: z.string().min(1).optional() })
		.optional()
});
export type StatbankSource = z.infer<typeof statbankSource>;

const strategyIndicator = z.strictObject({
	code: slug,
	title: localizedText,
	direction: indicatorDirection,
	/** How the follow-up is measured; optional so a strategy can be loaded before it is settled. */
	unit: z
		.enum(['percent', 'count', 'rate'], { error: 'must be "percent", "count" or "rate"' })
		.default('percent'),
	definition: localizedText.optional(),
	numerator: localizedText.optional(),
	denominator: localizedText.optional(),
	source: z
		.strictObject({
			name: localizedText,
			table: z.string().optional(),
			url: httpsUrl.optional(),
			statbank: statbankSource.optional()
		})
		.optional(),
	sdgTargets: z
		.array(
			z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, 'must be an SDG target such as 4.3 or 10.2')
		)
		.default([]),
	/** The last period before the strategy; status compares the latest value with it. */
	baselinePeriod: periodText.optional(),
	/** Changes of method or source that make values before and after a period incomparable. */
	breaks: z.array(z.strictObject({ period: periodText, note: localizedText })).default([]),
	/** The comparison group (taxonomy/comparison-groups.yaml) shown unless the reader picks another. */
	comparisonGroup: slug.optional()
});

/** An action's code: `1.2` by default (guidepost number, then position), or one of its own. */
export const actionCode = z
	.string()
	.regex(/^[0-9A-Za-z](?:[0-9A-Za-z.-]{0,18}[0-9A-Za-z])?$/, 'must be a code such as 1.2 or 2.1a');

/**
 * "Derfor arbejder vi på at …": each action is its text, or its text with a `code:` that
 * overrides the one its position gives (so a code stays when actions are reordered).
 */
const actionInput = z.preprocess(
	// A definition read back from the database holds `{ code, text }`; validate it as the file form.
	(v) =>
		typeof v === 'object' && v !== null && 'text' in v && typeof v.text === 'object'
			? { code: (v as { code?: unknown }).code, ...(v.text as object) }
			: v,
	z.strictObject({ code: actionCode.optional(), da: text, en: text.optional() })
);
export interface StrategyAction {
	code: string;
	text: LocalizedText;
}

/** The code an action has: its own, or the guidepost's number and the action's position. */
export function defaultActionCode(guidepostNumber: number, index: number): string {
	return `${guidepostNumber}.${index + 1}`;
}

/** Actions as stored and served: `{ code, text }`, from the file's form or an older stored one. */
export function withActionCodes(guidepostNumber: number, actions: unknown[]): StrategyAction[] {
	return actions.map((raw, i) => {
		const a = raw as { code?: string; text?: LocalizedText; da?: string; en?: string };
		if (a.text) return { code: a.code ?? defaultActionCode(guidepostNumber, i), text: a.text };
		return {
			code: a.code ?? defaultActionCode(guidepostNumber, i),
			text: { da: a.da!, ...(a.en !== undefined ? { en: a.en } : {}) }
		};
	});
}

const guidepost = z
	.strictObject({
		slug,
		number: z.int().positive(),
		title: localizedText,
		intro: z.array(localizedText).min(1, 'needs at least one paragraph'),
		ambitions: z.array(localizedText).min(1, 'needs at least one ambition'),
		actions: z.array(actionInput).min(1, 'needs at least one action'),
		indicators: z.array(strategyIndicator).default([])
	})
	.transform((g) => ({ ...g, actions: withActionCodes(g.number, g.actions) }));

const person = z.strictObject({
	name: text,
	role: localizedText
});

const department = z.strictObject({
	name: localizedText,
	description: z.array(localizedText).default([]),
	head: z
		.strictObject({
			name: text,
			title: localizedText,
			phone: z
				.string()
				.regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number such as "99 31 28 43"')
				.optional(),
			email: z.email().optional()
		})
		.optional(),
	url: httpsUrl.optional()
});

export const strategyDefinition = z
	.strictObject({
		slug,
		title: localizedText,
		period: z.strictObject({
			start: z.int().min(1900).max(2200),
			end: z.int().min(1900).max(2200)
		}),
		adopted: z.iso.date({ error: 'must be a date such as 2023-06-19' }).optional(),
		source: z.strictObject({ url: httpsUrl.optional(), note: localizedText.optional() }).optional(),
		municipality: z.strictObject({
			name: localizedText,
			code: z.string().regex(/^\d{3}$/, 'must be a three-digit municipality code such as "851"'),
			address: z.strictObject({
				street: text,
				postalCode: z.string().regex(/^\d{4}$/, 'must be a four-digit postal code'),
				city: text
			}),
			cvr: z.string().regex(/^\d{8}$/, 'must be an eight-digit CVR number'),
			website: httpsUrl.optional(),
			/**
			 * The licence the municipality publishes this site's data under (shown on /data), for
			 * example { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }.
			 * Left out, /data says that no licence has been stated.
			 */
			dataLicence: z.strictObject({ name: text, url: httpsUrl }).optional()
		}),
		foreword: z
			.strictObject({
				paragraphs: z.array(localizedText).min(1),
				signatories: z.array(person).default([])
			})
			.optional(),
		studentDefinition: localizedText.optional(),
		purpose: z
			.strictObject({ heading: localizedText, paragraphs: z.array(localizedText).min(1) })
			.optional(),
		vision: z.strictObject({
			statement: localizedText,
			diversity: localizedText.optional(),
			guidepostsIntro: localizedText.optional()
		}),
		relatedPolicies: z
			.strictObject({
				intro: localizedText.optional(),
				coordination: localizedText.optional(),
				overviewUrl: httpsUrl.optional(),
				items: z.array(z.strictObject({ name: localizedText, url: httpsUrl.optional() })).min(1)
			})
			.optional(),
		council: z.strictObject({ name: localizedText, role: localizedText }).optional(),
		sdg: z
			.strictObject({
				strategyName: localizedText,
				text: localizedText,
				areas: z.array(localizedText).default([]),
				focusArea: localizedText.optional(),
				goals: z
					.array(z.int().min(1).max(17, 'there are 17 Sustainable Development Goals'))
					.default([])
			})
			.optional(),
		guideposts: z.array(guidepost).min(1, 'needs at least one guidepost (pejlemærke)'),
		departments: z.array(department).default([])
	})
	.superRefine((strategy, ctx) => {
		for (const issue of crossFieldIssues(strategy)) ctx.addIssue({ code: 'custom', ...issue });
	});

/**
 * Rules that span fields (unique slugs, codes and numbers; period order). They read the raw
 * value defensively so a file with other errors still gets these reported in the same run.
 */
export function crossFieldIssues(raw: unknown): { path: (string | number)[]; message: string }[] {
	const issues: { path: (string | number)[]; message: string }[] = [];
	if (!isRecord(raw)) return issues;
	const period = raw.period;
	if (isRecord(period) && typeof period.start === 'number' && typeof period.end === 'number') {
		if (period.end < period.start) {
			issues.push({
				path: ['period', 'end'],
				message: `must not be before period.start (${period.start})`
			});
		}
	}
	if (!Array.isArray(raw.guideposts)) return issues;
	const seen = new Map<string, string>();
	const firstSeen = (kind: string, value: unknown, where: string): string | undefined => {
		if (typeof value !== 'string' && typeof value !== 'number') return undefined;
		const key = `${kind}:${value}`;
		const other = seen.get(key);
		if (other === undefined) seen.set(key, where);
		return other;
	};
	raw.guideposts.forEach((g: unknown, i: number) => {
		if (!isRecord(g)) return;
		const sameSlug = firstSeen('slug', g.slug, `guideposts[${i}].slug`);
		if (sameSlug) {
			issues.push({
				path: ['guideposts', i, 'slug'],
				message: `duplicate slug "${g.slug}" (also ${sameSlug})`
			});
		}
		const sameNumber = firstSeen('number', g.number, `guideposts[${i}].number`);
		if (sameNumber) {
			issues.push({
				path: ['guideposts', i, 'number'],
				message: `duplicate number ${g.number} (also ${sameNumber})`
			});
		}
		// Under a duplicate number every default code repeats too; that problem is reported once.
		if (!sameNumber && Array.isArray(g.actions) && typeof g.number === 'number') {
			const guidepostNumber = g.number;
			g.actions.forEach((action: unknown, j: number) => {
				const own = isRecord(action) && typeof action.code === 'string' ? action.code : undefined;
				const code = own ?? defaultActionCode(guidepostNumber, j);
				const other = firstSeen('action', code, `guideposts[${i}].actions[${j}]`);
				if (other) {
					issues.push({
						path: ['guideposts', i, 'actions', j],
						message: `duplicate action code "${code}" (also ${other}); give one of them a code: of its own`
					});
				}
			});
		}
		if (!Array.isArray(g.indicators)) return;
		g.indicators.forEach((indicator: unknown, j: number) => {
			if (!isRecord(indicator)) return;
			const where = `guideposts[${i}].indicators[${j}].code`;
			const other = firstSeen('code', indicator.code, where);
			if (other) {
				issues.push({
					path: ['guideposts', i, 'indicators', j, 'code'],
					message: `duplicate indicator code "${indicator.code}" (also ${other})`
				});
			}
		});
	});
	return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type StrategyDefinition = z.infer<typeof strategyDefinition>;
