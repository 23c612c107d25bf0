// Opportunities: student and leisure jobs, volunteering, internships and apprenticeships
// (pejlemærke 3), posted by partners through moderation and public until their deadline.
export {
	createOpportunity,
	updateOpportunity,
	getOpportunity,
	opportunitiesOf,
	lastPostingChange,
	pruneClosedPostings,
	opportunityInput,
	DEFAULT_OPEN_DAYS,
	type OpportunityInput,
	type OpportunityPage
} from './postings.ts';
export {
	searchOpportunities,
	opportunityQuery,
	OPPORTUNITY_PAGE_SIZE,
	type OpportunityQuery,
	type OpportunityHit
} from './search.ts';
export {
	opportunities,
	partnerships,
	OPPORTUNITY_TYPES,
	PAY_KINDS,
	PARTNERSHIP_KINDS,
	type OpportunityType,
	type PayKind,
	type PartnershipKind
} from './schema.ts';
export {
	createPartnership,
	updatePartnership,
	listPartnerships,
	partnershipsOf,
	partnershipInput,
	type PartnershipInput,
	type PartnershipView
} from './partnerships.ts';
export { loadDemoOpportunities } from './demo.ts';
export {
	requestAlert,
	confirmAlert,
	alertToConfirm,
	alertToUnsubscribe,
	unsubscribeAlert,
	sendJobAlerts,
	alertAddress,
	savedSearch,
	searchQueryString,
	CONFIRM_DAYS,
	pruneUnconfirmedAlerts,
	MAX_ALERTS_PER_ADDRESS,
	type AlertView
} from './alerts.ts';
export { sendExpiryReminders, REMIND_DAYS_BEFORE } from './reminders.ts';
export { jobPostingLd } from './json-ld.ts';
export { postingSearchPage } from './search-page.ts';
export { opportunityQueryFromUrl } from './url-query.ts';
