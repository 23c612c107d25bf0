// Accounts: users, sessions (through better-auth), roles and permissions, invitations,
// organisation membership, sign-in rate limits and the personal-data rights of a user.
export {
	createAuth,
	authSecret,
	cookiePrefix,
	type Auth,
	type OidcProviderConfig
} from './auth.ts';
export { ROLES, type Role } from './schema.ts';
export {
	ACTIONS,
	can,
	assertCan,
	requiresTwoFactor,
	secondFactorPending,
	ForbiddenError,
	type Action,
	type Actor
} from './permissions.ts';
export { AccountError } from './errors.ts';
export { claimTotpStep, pendingSecondFactorUser, secondFactorLockedFor } from './totp-replay.ts';
export {
	inviteUser,
	findInvitation,
	acceptInvitation,
	PasswordRejectedError,
	emailSchema,
	SYSTEM_ACTOR,
	type OpenInvitation
} from './invitations.ts';
export {
	loadActor,
	hasPassword,
	listUsers,
	setRole,
	setDisabled,
	resetTwoFactor,
	signOutEverywhere,
	endSessions,
	addMembership,
	exportUserData,
	deleteUser,
	noteTwoFactorEnabled,
	memberAddresses,
	type UserSummary
} from './users.ts';
export {
	passwordProblem,
	MIN_PASSWORD_LENGTH,
	MAX_PASSWORD_LENGTH,
	type PasswordProblem
} from './password-policy.ts';
export {
	hit,
	isBlocked,
	accountKey,
	ipKey,
	LIMITS,
	pruneBuckets,
	type Verdict
} from './rate-limit.ts';
export {
	hasAdministrator,
	openFirstRun,
	findFirstRun,
	completeFirstRun,
	FIRST_RUN_MINUTES,
	FIRST_RUN_PATH,
	type FirstRunState
} from './first-run.ts';
export { sessionAge, endSession, pruneExpiredAuth } from './sessions.ts';
