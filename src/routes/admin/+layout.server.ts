import { error } from '@sveltejs/kit';
import { can, requiresTwoFactor, type Action } from '$lib/server/accounts/index.ts';
import type { LayoutServerLoad } from './$types';

/** Admin sections, in menu order, under the actions that show them (any one of them will do). */
const SECTIONS: { action: Action | Action[]; links: Record<string, string> }[] = [
	{ action: 'admin.enter', links: { '/admin': 'admin_nav_overview' } },
	{
		action: 'submissions.create',
		links: {
			'/admin/tilbud': 'admin_nav_offers',
			'/admin/opslag': 'admin_nav_postings',
			'/admin/partnerskaber': 'admin_nav_partnerships',
			'/admin/arrangementer': 'admin_nav_events',
			'/admin/uddannelser': 'admin_nav_programmes'
		}
	},
	{ action: 'moderation.review', links: { '/admin/godkendelse': 'admin_nav_moderation' } },
	{
		action: ['followup.read', 'updates.write'],
		links: { '/admin/indsatser': 'admin_nav_initiatives', '/admin/runder': 'admin_nav_rounds' }
	},
	{ action: 'followup.read', links: { '/admin/rapporter': 'admin_nav_reports' } },
	{ action: 'indicators.import', links: { '/admin/indikatorer': 'admin_nav_indicators' } },
	{
		action: 'organizations.manage',
		links: { '/admin/organisationer': 'admin_nav_orgs', '/admin/kalendere': 'admin_nav_calendars' }
	},
	{ action: 'users.read', links: { '/admin/brugere': 'admin_nav_users' } },
	{ action: 'audit.read', links: { '/admin/log': 'admin_nav_audit' } },
	{ action: 'outbox.read', links: { '/admin/post': 'admin_nav_mail' } },
	{ action: 'backups.manage', links: { '/admin/sikkerhedskopier': 'admin_nav_backups' } },
	{ action: 'account.manageOwn', links: { '/admin/konto': 'admin_nav_account' } }
];

// The hook has already sent anyone without a session to sign-in; this is the second line.
export const load: LayoutServerLoad = ({ locals }) => {
	const { user, actor } = locals;
	if (!user || !actor) error(403, 'Forbidden');
	const mustSetUpTwoFactor =
		requiresTwoFactor(user.role) && user.hasPassword && !user.twoFactorEnabled;
	return {
		account: { name: user.name, email: user.email, role: user.role, mustSetUpTwoFactor },
		sections: SECTIONS.filter((s) => [s.action].flat().some((a) => can(actor, a))).flatMap((s) =>
			Object.entries(s.links).map(([route, label]) => ({ route, label }))
		)
	};
};
