import { expect, it } from 'vitest';
import { render } from 'svelte/server';
import JsonLd from './JsonLd.svelte';

it('JsonLd: writes the data into the head as a data block that no text can close', () => {
	const data = { '@type': 'Service', name: 'Klub </script><script>alert(1)</script>' };
	const { head, body } = render(JsonLd, { props: { data } });
	expect(body).not.toContain('script');
	const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(head)![1]!;
	expect(block).not.toContain('<');
	expect(JSON.parse(block)).toEqual(data);
	expect(head.match(/<script/g)).toHaveLength(1);
});
