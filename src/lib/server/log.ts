import pino from 'pino';

/** Structured JSON logs on stdout. Request logs carry a request id and a duration. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { app: 'uddannelsesby' },
	timestamp: pino.stdTimeFunctions.isoTime
});
