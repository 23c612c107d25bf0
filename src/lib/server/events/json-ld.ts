// An event as schema.org Event, as search engines and calendars read it. Every type and property
// is checked against the schema.org vocabulary in json-ld.test.ts.
import { localizedPath, type Locale } from '../../i18n/routes.ts';
import { organizationRef, type JsonLdNode } from '../directory/index.ts';
import { copenhagenDate } from '../local-date.ts';
import type { EventView } from './events.ts';

/**
 * `eventStatus` says when it is cancelled; the attendance mode follows from its place (an
 * address, a link or both). A price of 0 is stated as free; an unstated price is left out.
 */
export function eventLd(event: EventView, options: { origin: string; locale: Locale }): JsonLdNode {
	const { origin, locale } = options;
	const text = (v: { da: string; en?: string }) => (locale === 'en' ? (v.en ?? v.da) : v.da);
	const url = `${origin}${localizedPath(`/arrangementer/${event.slug}`, locale)}`;
	const physical = event.place
		? {
				'@type': 'Place',
				name: event.place.name ?? event.place.address ?? '',
				...(event.place.address
					? {
							address: {
								'@type': 'PostalAddress',
								streetAddress: event.place.address,
								...(event.place.postalCode ? { postalCode: event.place.postalCode } : {}),
								...(event.place.city ? { addressLocality: event.place.city } : {}),
								addressCountry: 'DK'
							}
						}
					: {}),
				...(event.place.latitude !== null && event.place.longitude !== null
					? {
							geo: {
								'@type': 'GeoCoordinates',
								latitude: event.place.latitude,
								longitude: event.place.longitude
							}
						}
					: {})
			}
		: undefined;
	const online = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : undefined;
	const mode = physical && online ? 'Mixed' : online ? 'Online' : 'Offline';
	const time = (at: Date) => (event.allDay ? copenhagenDate(at) : at.toISOString());
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': url,
		url,
		name: text(event.title),
		description: text(event.description),
		startDate: time(event.startsAt),
		endDate: time(event.allDay ? new Date(event.endsAt.getTime() - 1) : event.endsAt),
		eventStatus: `https://schema.org/${event.cancelled ? 'EventCancelled' : 'EventScheduled'}`,
		eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
		location: physical && online ? [physical, online] : (physical ?? online ?? ''),
		organizer: organizationRef(event.organizer, origin),
		inLanguage: event.language,
		...(event.priceOre !== null
			? {
					isAccessibleForFree: event.priceOre === 0,
					offers: {
						'@type': 'Offer',
						price: (event.priceOre / 100).toFixed(2),
						priceCurrency: 'DKK',
						url: event.registrationUrl ?? url,
						...(event.registrationDeadline
							? { validThrough: event.registrationDeadline.toISOString() }
							: {})
					}
				}
			: {})
	};
}
