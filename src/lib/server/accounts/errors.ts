/** A request a service refuses because of its content; the message is for the person asking. */
export class AccountError extends Error {
	constructor(
		readonly code:
			| 'invalid'
			| 'exists'
			| 'not_found'
			| 'invitation_expired'
			| 'invitation_used'
			| 'last_administrator'
			| 'own_account',
		message: string,
		readonly field?: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}
