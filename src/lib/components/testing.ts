// Components as the server renders them, checked with axe-core in a DOM of their own.
import axe from 'axe-core';
import { expect } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** A component rendered on the server, in a page of its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Svelte's own bound for props
export function rendered<Props extends Record<string, any>>(
	component: Component<Props>,
	props: NoInfer<Props>,
	context?: Map<unknown, unknown>
): Document {
	const { body } = render(component as Component<Record<string, unknown>>, { props, context });
	const dom = new JSDOM(
		`<!doctype html><html lang="da"><head><title>Test</title></head><body><main>${body}</main></body></html>`,
		{ runScripts: 'outside-only' }
	);
	return dom.window.document;
}

/** axe-core's WCAG 2.1 A and AA violations in a rendered page (colour contrast needs a browser). */
export async function axeViolations(document: Document): Promise<string[]> {
	const window = document.defaultView as unknown as Window & {
		eval(code: string): unknown;
		axe: typeof axe;
	};
	if (!window.axe) window.eval(axe.source);
	const results = await window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		rules: { 'color-contrast': { enabled: false } }
	});
	return results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/** What every labelled field is given in its tests: an id, a label and a hint. */
export const LABELLED = { id: 'felt', label: 'Feltets navn', hint: 'Et hint til feltet' };

/** The field's control has LABELLED's label, and its hint describes it. */
export function expectLabelled(page: Document): HTMLElement {
	const control = page.getElementById(LABELLED.id)!;
	expect(page.querySelector(`label[for="${LABELLED.id}"]`)!.textContent).toContain(LABELLED.label);
	const hint = control.getAttribute('aria-describedby')!;
	expect(page.getElementById(hint)!.textContent).toContain(LABELLED.hint);
	return control;
}
