import type { Mail } from '../mail/index.ts';

// Mails go to people who may read either language: Danish first, English below.

export function resetPasswordMail(to: string, url: string): Mail {
	return {
		to,
		secrets: [tokenOf(url)],
		subject: 'Nulstil din adgangskode til Uddannelsesby / Reset your password',
		body: [
			'Hej,',
			'',
			'Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til din konto på Uddannelsesby.',
			'Følg linket inden for en time for at vælge en ny adgangskode. Linket virker kun én gang:',
			'',
			url,
			'',
			'Har du ikke bedt om det, kan du se bort fra denne mail. Din adgangskode er uændret.',
			'',
			'---',
			'Someone (hopefully you) asked to reset the password of your Uddannelsesby account.',
			'Follow the link within an hour to choose a new password. It works only once.',
			'If you did not ask for this, ignore this mail; your password is unchanged.'
		].join('\n')
	};
}

export function invitationMail(to: string, url: string, role: string, organization?: string): Mail {
	const what = organization ? `${role} for ${organization}` : role;
	return {
		to,
		secrets: [tokenOf(url)],
		subject: 'Du er inviteret til Uddannelsesby / You are invited to Uddannelsesby',
		body: [
			'Hej,',
			'',
			`Du er inviteret til Uddannelsesby som ${what}.`,
			'Følg linket for at oprette din konto. Linket virker kun én gang og udløber om 7 dage:',
			'',
			url,
			'',
			'---',
			`You are invited to Uddannelsesby as ${what}.`,
			'Follow the link to create your account. It works once and expires in 7 days.'
		].join('\n')
	};
}

/** The token in a link: the last path segment, or the `token` parameter. */
function tokenOf(url: string): string {
	const parsed = new URL(url);
	return parsed.searchParams.get('token') ?? parsed.pathname.split('/').pop() ?? url;
}
