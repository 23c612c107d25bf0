// schema.org data for search engines, built from the directory's records. Every type and
// property used here is checked against the schema.org vocabulary in json-ld.test.ts.
import { localizedPath, type Locale } from '../../i18n/routes.ts';
import type { Localized } from './schema.ts';
import type { OfferPage, OrganizationPage } from './read.ts';

export type JsonLdNode = Record<string, unknown>;

const inLocale = (text: Localized, locale: Locale) =>
	locale === 'en' ? (text.en ?? text.da) : text.da;

/** Schools are educational organisations; every other kind is an organisation. */
const organizationType = (kind: string) =>
	kind === 'school' ? 'EducationalOrganization' : 'Organization';

/** An organisation's identity on this site: the same in both languages, so pages can refer to it. */
export const organizationId = (origin: string, slug: string) =>
	`${origin}/organisationer/${slug}#organisation`;

/** A reference to an organisation from a service or a posting: its id, type and name. */
export function organizationRef(
	organization: { slug: string; name: string; kind: string; website: string | null },
	origin: string
): JsonLdNode {
	return {
		'@type': organizationType(organization.kind),
		'@id': organizationId(origin, organization.slug),
		name: organization.name,
		...(organization.website ? { sameAs: organization.website } : {})
	};
}

const postalAddress = (place: { address: string; postalCode: string; city: string }) => ({
	'@type': 'PostalAddress',
	streetAddress: place.address,
	postalCode: place.postalCode,
	addressLocality: place.city,
	addressCountry: 'DK'
});

/** An organisation's page: who it is, where, and the services it offers here. */
export function organizationLd(
	organization: OrganizationPage,
	options: { origin: string; locale: Locale; description: string | null }
): JsonLdNode {
	const { origin, locale } = options;
	const addresses = organization.locations.map(postalAddress);
	return {
		'@context': 'https://schema.org',
		'@type': organizationType(organization.kind),
		'@id': organizationId(origin, organization.slug),
		name: organization.name,
		url: `${origin}${localizedPath(`/organisationer/${organization.slug}`, locale)}`,
		...(organization.website ? { sameAs: organization.website } : {}),
		...(organization.logoMediaId ? { logo: `${origin}/media/${organization.logoMediaId}` } : {}),
		...(options.description ? { description: options.description } : {}),
		...(organization.email ? { email: organization.email } : {}),
		...(addresses.length ? { address: addresses.length === 1 ? addresses[0] : addresses } : {}),
		...(organization.offers.length
			? {
					hasOfferCatalog: {
						'@type': 'OfferCatalog',
						name: organization.name,
						itemListElement: organization.offers.map((offer) => ({
							'@type': 'Offer',
							itemOffered: {
								'@type': 'Service',
								'@id': `${origin}/tilbud/${offer.slug}`,
								name: inLocale(offer.name, locale),
								url: `${origin}${localizedPath(`/tilbud/${offer.slug}`, locale)}`
							}
						}))
					}
				}
			: {})
	};
}

/**
 * An offer's page as a schema.org Service: its provider by reference, the languages it is
 * given in on its channel, where it is, and its price (0 when free) as an offer.
 */
export function serviceLd(
	offer: OfferPage,
	options: { origin: string; locale: Locale }
): JsonLdNode {
	const { origin, locale } = options;
	const url = `${origin}${localizedPath(`/tilbud/${offer.slug}`, locale)}`;
	const places = offer.locations.map((place) => ({
		'@type': 'Place',
		name: place.name,
		address: postalAddress(place),
		...(place.latitude !== undefined && place.longitude !== undefined
			? { geo: { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude } }
			: {})
	}));
	return {
		'@context': 'https://schema.org',
		'@type': 'Service',
		'@id': `${origin}/tilbud/${offer.slug}`,
		name: inLocale(offer.name, locale),
		description: inLocale(offer.description, locale),
		url,
		provider: organizationRef(offer.organization, origin),
		availableChannel: {
			'@type': 'ServiceChannel',
			serviceUrl: offer.url ?? url,
			...(offer.languages.length ? { availableLanguage: offer.languages } : {}),
			...(offer.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: offer.phone } } : {}),
			...(places.length ? { serviceLocation: places.length === 1 ? places[0] : places } : {})
		},
		offers: {
			'@type': 'Offer',
			price: offer.isFree || offer.priceOre === null ? 0 : offer.priceOre / 100,
			priceCurrency: 'DKK'
		},
		...(offer.categories.length
			? { category: offer.categories.map((c) => inLocale(c.name, locale)) }
			: {}),
		audience: offer.audiences.map((a) => ({
			'@type': 'Audience',
			audienceType: inLocale(a.name, locale)
		}))
	};
}
