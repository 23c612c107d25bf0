import { describe, expect, it } from 'vitest';
import { alternatePath, localeOf, localizedPath, routePath } from './routes.ts';

describe('localized paths', () => {
	it('reads the language from the /en prefix only', () => {
		expect(localeOf('/')).toBe('da');
		expect(localeOf('/en')).toBe('en');
		expect(localeOf('/en/guideposts/gode-overgange')).toBe('en');
		expect(localeOf('/english-page')).toBe('da');
	});

	it('maps English URLs onto the Danish routes', () => {
		expect(routePath('/en')).toBe('/');
		expect(routePath('/en/')).toBe('/');
		expect(routePath('/en/guideposts/uddannelse-for-alle')).toBe(
			'/pejlemaerker/uddannelse-for-alle'
		);
		expect(routePath('/en/accessibility-statement')).toBe('/tilgaengelighedserklaering');
		expect(routePath('/pejlemaerker/gode-overgange')).toBe('/pejlemaerker/gode-overgange');
	});

	it('keeps the reader on the same content when switching language', () => {
		expect(alternatePath('/pejlemaerker/trivsel-og-faellesskaber', 'en')).toBe(
			'/en/guideposts/trivsel-og-faellesskaber'
		);
		expect(alternatePath('/en/guideposts/trivsel-og-faellesskaber', 'da')).toBe(
			'/pejlemaerker/trivsel-og-faellesskaber'
		);
		expect(alternatePath('/strategi', 'en')).toBe('/en/strategy');
		expect(alternatePath('/en', 'da')).toBe('/');
		expect(localizedPath('/', 'en')).toBe('/en');
	});
});

describe('nested route names', () => {
	it('maps English admin and sign-in paths to the Danish routes and back', () => {
		expect(routePath('/en/admin/users')).toBe('/admin/brugere');
		expect(routePath('/en/login/code')).toBe('/log-ind/kode');
		expect(routePath('/en/indicators/frafald')).toBe('/indikatorer/frafald');
		expect(localizedPath('/admin/indikatorer', 'en')).toBe('/en/admin/indicators');
		expect(localizedPath('/invitation/abc', 'en')).toBe('/en/invitation/abc');
		expect(localizedPath('/log-ind/kode', 'en')).toBe('/en/login/code');
	});
});
