// Directory: organisations, offers and support (Open Referral HSDS 3.0), locations, schedules,
// a taxonomy kept as data, and Danish full-text search with typo tolerance and synonyms.
export {
	createOrganization,
	listOrganizations,
	organizationsById,
	organizationInput,
	organizationBySlug,
	organizationProfile,
	organizationProfileInput,
	updateOrganizationProfile,
	type OrganizationProfile
} from './organizations.ts';
export { slugify, uniqueSlug } from './slug.ts';
export { addOrganizationLocation } from './organizations.ts';
export {
	createOffer,
	lastOfferChange,
	updateOffer,
	offerForEditing,
	offerInput,
	placesAndHours,
	locationInput,
	scheduleInput
} from './offers.ts';
export {
	searchOffers,
	offerQuery,
	PAGE_SIZE,
	type OfferQuery,
	type OfferHit,
	type OfferResults
} from './search.ts';
export {
	loadTaxonomy,
	postalArea,
	postalAreaList,
	taxonomy,
	taxonomyFile,
	termOptions,
	unknownCodes,
	type TermOption
} from './taxonomy.ts';
// The tables other modules may join on (moderation, the job board and accounts name offers and
// organisations); writes go through the functions above.
export {
	ORGANIZATION_KINDS,
	offers,
	organizations,
	type OrganizationKind,
	type Localized
} from './schema.ts';
export {
	getOffer,
	organizationSummary,
	getOrganization,
	relatedOffers,
	offersOf,
	type OfferPage,
	type OrganizationPage
} from './read.ts';
export {
	createDemoOrganizations,
	loadDemoDirectory,
	loadInstitutions,
	organizationIdIn
} from './demo.ts';
export { nearLabel, offerSearchPage } from './search-page.ts';
export { offerQueryFromUrl } from './url-query.ts';
export {
	countHsds,
	hsdsOrganizations,
	hsdsService,
	hsdsServices,
	HsdsRejectedError,
	HSDS_VERSION,
	importHsds,
	type HsdsService
} from './hsds.ts';
export { dataPackageFiles, readDataPackage, writeDataPackage } from './hsds-package.ts';
export {
	organizationLd,
	organizationRef,
	organizationId,
	serviceLd,
	type JsonLdNode
} from './json-ld.ts';
export { searchOrganizations, type OrganizationHit } from './organization-search.ts';
