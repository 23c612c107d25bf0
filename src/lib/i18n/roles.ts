import { m } from '$lib/paraglide/messages.js';

/** A role's name in the reader's language, lower-case as it reads inside a sentence. */
export function roleName(role: 'administrator' | 'editor' | 'council' | 'partner'): string {
	switch (role) {
		case 'administrator':
			return m.role_administrator();
		case 'editor':
			return m.role_editor();
		case 'council':
			return m.role_council();
		case 'partner':
			return m.role_partner();
	}
}
