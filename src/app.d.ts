import type { Database, Db } from '$lib/server/db/index.ts';
import type { Locale } from '$lib/i18n/routes.ts';
import type { Actor } from '$lib/server/accounts/index.ts';
import type { SignedIn } from '$lib/server/http/session.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** The request id, so a reader can quote it when reporting the error. */
			id?: string;
		}
		interface Locals {
			requestId: string;
			locale: Locale;
			/** The database; opening it is lazy so /healthz answers without one. */
			readonly db: Db;
			readonly database: Database;
			/** The signed-in user, when the request has a live session. */
			user?: SignedIn['user'];
			actor?: Actor;
			sessionId?: string;
		}
	}
}

export {};
