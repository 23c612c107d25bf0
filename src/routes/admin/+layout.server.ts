import { error } from '@sveltejs/kit';
import { can, requiresTwoFactor, type Action } from '$lib/server/accounts/index.ts';
import type { LayoutServerLoad } from './$types';

/** Admin sections and who sees them: anyone who may do one of the actions. */
const SECTIONS: { route: string; label: string; action: Action | Action[] }[] = [
	{ route: '/admin', label: 'admin_nav_overview', action: 'admin.enter' },
	{ route: '/admin/tilbud', label: 'admin_nav_offers', action: 'submissions.create' },
	{ route: '/admin/opslag', label: 'admin_nav_postings', action: 'submissions.create' },
	{ route: '/admin/partnerskaber', label: 'admin_nav_partnerships', action: 'submissions.create' },
	{ route: '/admin/arrangementer', label: 'admin_nav_events', action: 'submissions.create' },
	{ route: '/admin/uddannelser', label: 'admin_nav_programmes', action: 'submissions.create' },
	{ route: '/admin/godkendelse', label: 'admin_nav_moderation', action: 'moderation.review' },
	{
		route: '/admin/indsatser',
		label: 'admin_nav_initiatives',
		action: ['followup.read', 'updates.write']
	},
	{ route: '/admin/runder', label: 'admin_nav_rounds', action: ['followup.read', 'updates.write'] },
	{ route: '/admin/rapporter', label: 'admin_nav_reports', action: 'followup.read' },
	{ route: '/admin/indikatorer', label: 'admin_nav_indicators', action: 'indicators.import' },
	{ route: '/admin/organisationer', label: 'admin_nav_orgs', action: 'organizations.manage' },
	{ route: '/admin/kalendere', label: 'admin_nav_calendars', action: 'organizations.manage' },
	{ route: '/admin/brugere', label: 'admin_nav_users', action: 'users.read' },
	{ route: '/admin/log', label: 'admin_nav_audit', action: 'audit.read' },
	{ route: '/admin/post', label: 'admin_nav_mail', action: 'outbox.read' },
	{ route: '/admin/sikkerhedskopier', label: 'admin_nav_backups', action: 'backups.manage' },
	{ route: '/admin/konto', label: 'admin_nav_account', action: 'account.manageOwn' }
];

// The hook has already sent anyone without a session to sign-in; this is the second line.
export const load: LayoutServerLoad = ({ locals }) => {
	const { user, actor } = locals;
	if (!user || !actor) error(403, 'Forbidden');
	const mustSetUpTwoFactor =
		requiresTwoFactor(user.role) && user.hasPassword && !user.twoFactorEnabled;
	return {
		account: { name: user.name, email: user.email, role: user.role, mustSetUpTwoFactor },
		sections: SECTIONS.filter((s) => [s.action].flat().some((a) => can(actor, a))).map(
			({ route, label }) => ({
				route,
				label
			})
		)
	};
};
