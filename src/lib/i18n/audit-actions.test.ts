import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { auditActionName } from './audit-actions.ts';

/** Every source file below `dir`, tests left out. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
	});
}

it('names every action the code writes to the audit log, in both languages', () => {
	const written = new Set<string>();
	for (const file of sources('src/lib/server'))
		for (const line of readFileSync(file, 'utf8').split('\n'))
			if (/\baction: /.test(line))
				for (const [, code] of line.matchAll(/'([a-z]+(?:\.[a-zA-Z-]+)+)'/g)) written.add(code!);
	expect(written.size).toBeGreaterThan(20);
	for (const locale of ['da', 'en'] as const)
		expect(
			[...written].filter((code) => auditActionName(code, locale) === code),
			locale
		).toEqual([]);
	expect(auditActionName('user.twoFactor.enable', 'da')).toBe('Slog totrinsbekræftelse til');
	expect(auditActionName('user.twoFactor.enable', 'en')).toBe('Turned on two-step verification');
	expect(auditActionName('noget.nyt', 'da')).toBe('noget.nyt');
});
