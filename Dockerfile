# syntax=docker/dockerfile:1
# Uddannelsesby in a container. The last stage runs exactly the path a lifecycle test runs
# (tests/e2e/lifecycle.spec.ts, "production: …"): the site built by `npm run build`, production
# dependencies from `npm ci --omit=dev --ignore-scripts`, and `node scripts/serve.js`
# (`npm run start:prod`), with nothing built at run time. Base images cannot be pulled on the
# machine the tests run on, so CI tests those commands rather than this image.

# 1. Build the site (needs the dev dependencies: SvelteKit, Vite, Paraglide).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run prepare && npm run build

# 2. Production dependencies only.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. What runs: the build, the sources the command line and the migrations read (including the
#    messages Paraglide generated in stage 1), and the dependencies of stage 2. Read-only for the
#    user it runs as; only /data is written.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/src ./src
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY cli ./cli
COPY migrations ./migrations
COPY strategies ./strategies
COPY taxonomy ./taxonomy
COPY demo ./demo
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness: /healthz never waits for the database. (Readiness, /readyz, is for the proxy.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A larger young generation: the server allocates much per request, and with the default size
# objects of requests still in flight are promoted early and collected expensively (docs/deployment.md).
CMD ["node", "--max-semi-space-size=64", "scripts/serve.js"]
