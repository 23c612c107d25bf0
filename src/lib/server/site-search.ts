// One search for student life: programmes, institutions (and other organisations), offers,
// postings and events at once, each answered by its own module's PostgreSQL search.
import { formatDateTime } from '../format.ts';
import { searchOffers, searchOrganizations } from './directory/index.ts';
import { searchEvents } from './events/index.ts';
import { searchOpportunities } from './opportunities/index.ts';
import { programmeTaxonomy, searchProgrammes, termName } from './programmes/index.ts';

export const SEARCH_KINDS = ['programme', 'institution', 'offer', 'posting', 'event'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SiteHit {
	kind: SearchKind;
	title: string;
	/** The path on this site (Danish route; the caller localises it). */
	path: string;
	snippet: string;
	untranslated: boolean;
	isDemo: boolean;
}

export interface SiteResults {
	groups: { kind: SearchKind; total: number; items: SiteHit[] }[];
}

/**
 * The first few hits of each kind for the reader's words, with each kind's total, in the order
 * a student looks: programmes, institutions, offers, postings, events. Kinds with no hits are
 * left out.
 */
export async function searchEverything(
	db: Parameters<typeof searchProgrammes>[0],
	q: string,
	locale: 'da' | 'en',
	options: { version?: string; perKind?: number; now?: Date } = {}
): Promise<SiteResults> {
	const perKind = options.perKind ?? 5;
	const now = options.now ?? new Date();
	const version = options.version;
	const taxonomy = programmeTaxonomy();
	const [programmes, institutions, offers, postings, events] = await Promise.all([
		searchProgrammes(db, { q }, locale, { version, pageSize: perKind }),
		searchOrganizations(db, q, { version, limit: perKind }),
		searchOffers(db, { q }, locale, { version }),
		searchOpportunities(db, { q }, locale, now, { version, pageSize: perKind }),
		searchEvents(db, { q }, locale, now, { version, pageSize: perKind })
	]);
	const groups: SiteResults['groups'] = [
		{
			kind: 'programme',
			total: programmes.total,
			items: programmes.items.map((p) => ({
				kind: 'programme',
				title: p.title,
				path: `/uddannelser/${p.slug}`,
				snippet: [
					termName(
						taxonomy.levels.find((l) => l.code === p.level),
						locale,
						p.level
					),
					p.institution
				].join(' · '),
				untranslated: p.untranslated,
				isDemo: p.isDemo
			}))
		},
		{
			kind: 'institution',
			total: institutions.total,
			items: institutions.items.map((o) => ({
				kind: 'institution',
				title: o.name,
				path: `/organisationer/${o.slug}`,
				snippet: '',
				untranslated: false,
				isDemo: o.isDemo
			}))
		},
		{
			kind: 'offer',
			total: offers.total,
			items: offers.items.slice(0, perKind).map((o) => ({
				kind: 'offer',
				title: o.title,
				path: `/tilbud/${o.slug}`,
				snippet: o.organization,
				untranslated: o.untranslated,
				isDemo: o.isDemo
			}))
		},
		{
			kind: 'posting',
			total: postings.total,
			items: postings.items.map((o) => ({
				kind: 'posting',
				title: o.title,
				path: `/job/${o.slug}`,
				snippet: [o.organization, o.city].filter(Boolean).join(' · '),
				untranslated: o.untranslated,
				isDemo: o.isDemo
			}))
		},
		{
			kind: 'event',
			total: events.total,
			items: events.items.map((e) => ({
				kind: 'event',
				title: e.title,
				path: `/arrangementer/${e.slug}`,
				snippet: `${formatDateTime(e.start, locale)} · ${e.organiser}`,
				untranslated: e.untranslated,
				isDemo: e.isDemo
			}))
		}
	];
	return { groups: groups.filter((g) => g.total > 0) };
}
