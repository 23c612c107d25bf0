// A posting as schema.org JobPosting, as job search engines read it. Every type and property
// is checked against the schema.org vocabulary in json-ld.test.ts.
import { localizedPath, type Locale } from '../../i18n/routes.ts';
import { organizationRef, type JsonLdNode } from '../directory/index.ts';
import type { OpportunityPage } from './postings.ts';

/** schema.org's employment types for our kinds of posting. */
const EMPLOYMENT_TYPE: Record<string, string> = {
	studiejob: 'PART_TIME',
	fritidsjob: 'PART_TIME',
	'frivilligt-arbejde': 'VOLUNTEER',
	praktikplads: 'INTERN',
	laereplads: 'FULL_TIME',
	trainee: 'FULL_TIME'
};

/**
 * `descriptionHtml` is the posting's full text as sanitised HTML (what Google asks for). Pay is
 * stated when the employer gave an hourly rate. Applying happens at the employer (their address
 * or e-mail), not on this page, hence `directApply: false`.
 */
export function jobPostingLd(
	job: OpportunityPage,
	options: { origin: string; locale: Locale; descriptionHtml: string }
): JsonLdNode {
	const { origin, locale } = options;
	const title = locale === 'en' ? (job.title.en ?? job.title.da) : job.title.da;
	return {
		'@context': 'https://schema.org',
		'@type': 'JobPosting',
		'@id': `${origin}/job/${job.slug}`,
		title,
		description: options.descriptionHtml,
		identifier: { '@type': 'PropertyValue', name: job.organization.name, value: job.id },
		datePosted: job.createdAt.toISOString(),
		validThrough: job.expiresAt.toISOString(),
		employmentType: EMPLOYMENT_TYPE[job.type] ?? 'OTHER',
		hiringOrganization: organizationRef(job.organization, origin),
		directApply: false,
		...(job.remote
			? {
					jobLocationType: 'TELECOMMUTE',
					applicantLocationRequirements: { '@type': 'Country', name: 'Denmark' }
				}
			: {
					jobLocation: {
						'@type': 'Place',
						address: {
							'@type': 'PostalAddress',
							streetAddress: job.address,
							postalCode: job.postalCode,
							addressLocality: job.city,
							addressCountry: 'DK'
						},
						...(job.latitude !== null && job.longitude !== null
							? {
									geo: {
										'@type': 'GeoCoordinates',
										latitude: job.latitude,
										longitude: job.longitude
									}
								}
							: {})
					}
				}),
		...(job.pay === 'paid' && job.hourlyPayOre !== null
			? {
					baseSalary: {
						'@type': 'MonetaryAmount',
						currency: 'DKK',
						value: { '@type': 'QuantitativeValue', value: job.hourlyPayOre / 100, unitText: 'HOUR' }
					}
				}
			: {}),
		...(job.hoursPerWeek !== null
			? {
					workHours:
						locale === 'en'
							? `${job.hoursPerWeek} hours a week`
							: `${job.hoursPerWeek} timer om ugen`
				}
			: {}),
		...(job.startDate ? { jobStartDate: job.startDate } : {}),
		url: `${origin}${localizedPath(`/job/${job.slug}`, locale)}`
	};
}
