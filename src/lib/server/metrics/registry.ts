import { Registry, collectDefaultMetrics } from 'prom-client';

/** The one registry every metric of the process is in, with the process's own figures. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'uddannelsesby_' });
