import type { ProgrammeView } from './programmes.ts';
import { nextDeadlines } from './programmes.ts';
import { copenhagenIso } from '../local-date.ts';
import { programmeTaxonomy } from './taxonomy.ts';

/**
 * schema.org `EducationalOccupationalProgram` for a programme page: its name, provider, length
 * (ISO 8601), ECTS credits, prerequisites, the next application deadline and whether SU is
 * given. Only what is recorded is said.
 */
export function programmeLd(
	p: ProgrammeView,
	options: { origin: string; path: string; locale: 'da' | 'en'; now?: Date }
): Record<string, unknown> {
	const t = (text: { da: string; en?: string } | null) =>
		text ? (options.locale === 'en' ? (text.en ?? text.da) : text.da) : undefined;
	const level = programmeTaxonomy().levels.find((l) => l.code === p.level);
	const deadline = nextDeadlines(p.deadlines, options.now)[0];
	const ld: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'EducationalOccupationalProgram',
		name: t(p.title),
		url: new URL(options.path, options.origin).href,
		provider: {
			'@type': 'EducationalOrganization',
			name: p.institution.name,
			...(p.institution.website ? { url: p.institution.website } : {})
		},
		educationalCredentialAwarded: level ? (options.locale === 'en' ? level.en : level.da) : p.level,
		educationalProgramMode: 'full-time',
		...(p.durationMonths ? { timeToComplete: `P${p.durationMonths}M` } : {}),
		// ECTS credits.
		...(p.ects ? { numberOfCredits: p.ects } : {}),
		...(t(p.summary) ? { description: t(p.summary) } : {}),
		...(t(p.requirementsText) ? { programPrerequisites: t(p.requirementsText) } : {}),
		...(deadline ? { applicationDeadline: copenhagenIso(deadline.at).slice(0, 10) } : {}),
		...(p.su === true ? { financialAidEligible: 'SU (Statens Uddannelsesstøtte)' } : {})
	};
	return ld;
}
