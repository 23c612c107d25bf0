import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './registry.ts';

/**
 * METRICS_PORT: /metrics on a port of its own, without a token, for a network where only the
 * monitoring system reaches that port. Everything else there is 404.
 */
export async function startMetricsServer(
	port: number,
	host: string
): Promise<{ server: Server; port: number }> {
	const server = createServer((request, response) => {
		if (
			request.method !== 'GET' ||
			new URL(request.url ?? '/', 'http://x').pathname !== '/metrics'
		) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
			response.end('Not found\n');
			return;
		}
		registry.metrics().then(
			(body) => {
				response.writeHead(200, {
					'content-type': registry.contentType,
					'cache-control': 'no-store'
				});
				response.end(body);
			},
			() => {
				response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
				response.end('The metrics could not be collected.\n');
			}
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return { server, port: (server.address() as AddressInfo).port };
}
