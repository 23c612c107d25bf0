import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The language an import's problems are written in: Danish for a Danish page, English for the
 * command line and the English pages. Set once around an import (`inProblemLanguage`), so the
 * readers and checks deep inside need no extra parameter; English when none is set.
 */
export type ProblemLanguage = 'da' | 'en';
const current = new AsyncLocalStorage<ProblemLanguage>();

export function inProblemLanguage<T>(language: ProblemLanguage | undefined, work: () => T): T {
	return language ? current.run(language, work) : work();
}

/** A problem's text in the language of the import under way. */
export function tr(en: string, da: string): string {
	return current.getStore() === 'da' ? da : en;
}
