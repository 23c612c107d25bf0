import { m } from '$lib/paraglide/messages.js';

/** The name of a kind of posting in the reader's language. */
export function opportunityTypeName(type: string): string {
	const names: Record<string, () => string> = {
		studiejob: m.job_type_studiejob,
		fritidsjob: m.job_type_fritidsjob,
		'frivilligt-arbejde': m.job_type_frivilligt_arbejde,
		praktikplads: m.job_type_praktikplads,
		laereplads: m.job_type_laereplads,
		trainee: m.job_type_trainee
	};
	return (names[type] ?? (() => type))();
}

/** The name of a kind of partnership in the reader's language. */
export function partnershipKindName(kind: string): string {
	const names: Record<string, () => string> = {
		'case-undervisning': m.partner_kind_case_undervisning,
		projekt: m.partner_kind_projekt,
		gaesteundervisning: m.partner_kind_gaesteundervisning,
		virksomhedsbesoeg: m.partner_kind_virksomhedsbesoeg,
		andet: m.partner_kind_andet
	};
	return (names[kind] ?? (() => kind))();
}
