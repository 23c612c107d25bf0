import type { Locale } from './routes.ts';

/** The audit log's action codes in words, for the log page; a code not listed is shown as it is. */
const NAMES: Record<string, { da: string; en: string }> = {
	'directory.import': { da: 'Importerede tilbud (HSDS)', en: 'Imported offers (HSDS)' },
	'indicators.import': { da: 'Importerede indikatortal', en: 'Imported indicator figures' },
	'indicator.imported': { da: 'Importerede indikatortal', en: 'Imported indicator figures' },
	'indicator.demo-loaded': { da: 'Indlæste demotal', en: 'Loaded demo figures' },
	'invitation.create': { da: 'Inviterede en bruger', en: 'Invited a user' },
	'invitation.accept': { da: 'Tog imod en invitation', en: 'Accepted an invitation' },
	'location.create': { da: 'Tilføjede et sted', en: 'Added a place' },
	'membership.add': {
		da: 'Knyttede en bruger til en organisation',
		en: 'Added a user to an organisation'
	},
	'offer.create': { da: 'Oprettede et tilbud', en: 'Created an offer' },
	'offer.update': { da: 'Ændrede et tilbud', en: 'Changed an offer' },
	'offer.verify': { da: 'Bekræftede et tilbud', en: 'Confirmed an offer' },
	'opportunity.create': { da: 'Oprettede et opslag', en: 'Created a posting' },
	'opportunity.update': { da: 'Ændrede et opslag', en: 'Changed a posting' },
	'organization.create': { da: 'Oprettede en organisation', en: 'Created an organisation' },
	'organization.update': { da: 'Ændrede en organisation', en: 'Changed an organisation' },
	'partnership.create': { da: 'Oprettede et partnerskab', en: 'Created a partnership' },
	'partnership.update': { da: 'Ændrede et partnerskab', en: 'Changed a partnership' },
	'strategy.created': { da: 'Indlæste en strategi', en: 'Loaded a strategy' },
	'strategy.replaced': { da: 'Erstattede en strategi', en: 'Replaced a strategy' },
	'strategy.activated': { da: 'Gjorde en strategi aktiv', en: 'Made a strategy active' },
	'submission.create': {
		da: 'Sendte et forslag til godkendelse',
		en: 'Sent a proposal for review'
	},
	'submissions.create': { da: 'Sendte forslag til godkendelse', en: 'Sent proposals for review' },
	'submission.approve': { da: 'Godkendte et forslag', en: 'Approved a proposal' },
	'submission.reject': { da: 'Afviste et forslag', en: 'Rejected a proposal' },
	'taxonomy.load': { da: 'Indlæste kategorier', en: 'Loaded categories' },
	'user.delete': { da: 'Slettede en bruger', en: 'Deleted a user' },
	'user.disable': { da: 'Spærrede en bruger', en: 'Disabled a user' },
	'user.enable': { da: 'Genåbnede en bruger', en: 'Enabled a user' },
	'user.role': { da: 'Ændrede en brugers rolle', en: "Changed a user's role" },
	'user.signOutEverywhere': { da: 'Loggede ud alle steder', en: 'Signed out everywhere' },
	'user.twoFactor.enable': {
		da: 'Slog totrinsbekræftelse til',
		en: 'Turned on two-step verification'
	}
};

export function auditActionName(code: string, locale: Locale): string {
	return NAMES[code]?.[locale] ?? code;
}

/** Every code with a name: a test checks that the code base writes no other. */
export const NAMED_AUDIT_ACTIONS = Object.keys(NAMES);
