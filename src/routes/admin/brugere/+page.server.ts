import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg, type Msg } from '$lib/i18n/message.ts';
import {
	AccountError,
	can,
	ForbiddenError,
	inviteUser,
	listUsers,
	resetTwoFactor,
	ROLES,
	setDisabled,
	setRole
} from '$lib/server/accounts/index.ts';
import { appAuth, appConfig } from '$lib/server/app.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'users.read');
	const [users, organizations] = await Promise.all([
		listUsers(locals.db, actor, appConfig().ACCOUNT_INACTIVE_DAYS),
		listOrganizations(locals.db)
	]);
	return {
		users,
		organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
		canManage: can(actor, 'users.manage'),
		invitableRoles: can(actor, 'users.manage') ? [...ROLES] : (['partner'] as const),
		invited: url.searchParams.get('inviteret'),
		saved: url.searchParams.has('gemt')
	};
};

function accountErrorMessage(error: AccountError): Msg {
	switch (error.code) {
		case 'exists':
			return msg('users_exists');
		case 'last_administrator':
			return msg('last_admin');
		case 'own_account':
			return msg('own_account');
		case 'own_two_factor':
			return msg('own_two_factor');
		default:
			return msg('admin_forbidden');
	}
}

const userId = z.string().min(1).max(100);

export const actions: Actions = {
	invite: async (event) => {
		const actor = requireCan(event.locals, 'users.invitePartner');
		const form = await readForm(event);
		const values = {
			email: (field(form, 'email') ?? '').slice(0, 254),
			role: field(form, 'role') ?? '',
			organizationId: field(form, 'organizationId') ?? ''
		};
		const errors: Record<string, Msg> = {};
		const email = z.string().trim().max(254).pipe(z.email()).safeParse(values.email);
		if (!email.success) errors.email = msg('email_invalid');
		const role = z.enum(ROLES).safeParse(values.role);
		if (!role.success) errors.role = msg('field_required');
		const organizationId = values.organizationId
			? z.uuid().safeParse(values.organizationId)
			: undefined;
		if (organizationId && !organizationId.success) errors.organizationId = msg('field_required');
		if (role.success && role.data === 'partner' && !values.organizationId)
			errors.organizationId = msg('partner_needs_org');
		if (Object.keys(errors).length > 0) return formFailure(400, { errors, values });
		const invited = await attempt(
			() =>
				inviteUser(
					event.locals.db,
					appAuth().mailer,
					actor,
					{ email: email.data!, role: role.data!, organizationId: organizationId?.data },
					appAuth().baseUrl
				),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(AccountError, (error) =>
				formFailure(error.code === 'exists' ? 409 : 400, {
					errors: { [error.field ?? 'email']: accountErrorMessage(error) },
					values
				})
			)
		);
		if (!invited.ok) return invited.failure;
		const invitation = invited.value;
		// Without a mail server the invitation cannot be mailed, and the outbox keeps no usable
		// link: the inviter gets the link, once, to pass on.
		if (!appConfig().SMTP_URL)
			return { unsent: { email: email.data!.toLowerCase(), link: invitation.url } };
		redirect(
			303,
			`${localizedPath('/admin/brugere', event.locals.locale)}?inviteret=${encodeURIComponent(email.data!.toLowerCase())}`
		);
	},
	role: async (event) => {
		const actor = requireCan(event.locals, 'users.manage');
		const form = await readForm(event);
		const id = userId.safeParse(field(form, 'userId'));
		const role = z.enum(ROLES).safeParse(field(form, 'role'));
		if (!id.success || !role.success) return formFailure(400, { message: msg('field_required') });
		const done = await attempt(
			() => setRole(event.locals.db, actor, id.data, role.data),
			on(AccountError, (error) => formFailure(409, { message: accountErrorMessage(error) }))
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/brugere', event.locals.locale)}?gemt=1`);
	},
	twoFactor: async (event) => {
		const actor = requireCan(event.locals, 'users.manage');
		const form = await readForm(event);
		const id = userId.safeParse(field(form, 'userId'));
		if (!id.success) return formFailure(400, { message: msg('field_required') });
		const done = await attempt(
			() => resetTwoFactor(event.locals.db, actor, id.data),
			on(AccountError, (error) => formFailure(409, { message: accountErrorMessage(error) }))
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/brugere', event.locals.locale)}?gemt=1`);
	},
	disable: async (event) => {
		const actor = requireCan(event.locals, 'users.manage');
		const form = await readForm(event);
		const id = userId.safeParse(field(form, 'userId'));
		const disabled = field(form, 'disabled');
		if (!id.success || (disabled !== 'true' && disabled !== 'false'))
			return formFailure(400, { message: msg('field_required') });
		const done = await attempt(
			() => setDisabled(event.locals.db, actor, id.data, disabled === 'true'),
			on(AccountError, (error) => formFailure(409, { message: accountErrorMessage(error) }))
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/brugere', event.locals.locale)}?gemt=1`);
	}
};
