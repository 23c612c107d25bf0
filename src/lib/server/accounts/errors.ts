/** A request a service refuses because of its content; the message is for the person asking. */
export class AccountError extends Error {
	constructor(
		readonly code:
			| 'invalid'
			| 'exists'
			| 'not_found'
			| 'invitation_expired'
			| 'invitation_used'
			| 'first_run_unknown'
			| 'first_run_expired'
			| 'first_run_done'
			| 'last_administrator'
			| 'own_account'
			| 'own_two_factor',
		message: string,
		readonly field?: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}
