# syntax=docker/dockerfile:1
# BigTix web (Next.js, output: 'standalone'). Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t bigtix/web:dev .
FROM node:20.20.2-bookworm-slim AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

# Every workspace's package.json and the lock, nothing else (see the service Dockerfiles).
FROM base AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -mindepth 1 -type d -empty -delete

FROM base AS build
COPY --from=manifests /src/ ./
RUN npm ci --ignore-scripts --include-workspace-root -w web -w packages/common
COPY tsconfig.base.json ./
COPY packages/common packages/common
COPY web web
# public/ is optional in a Next app, but the runtime stage copies it.
RUN mkdir -p web/public \
 && npx tsc -b packages/common \
 && npm run build -w web

# The standalone output already holds the traced production node_modules: no npm install here.
FROM base AS runtime
ENV NODE_ENV=production PORT=3100 HOSTNAME=0.0.0.0
COPY --from=build /app/web/.next/standalone/ ./
COPY --from=build /app/web/.next/static web/.next/static
COPY --from=build /app/web/public web/public
USER node
EXPOSE 3100
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3100)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "web/server.js"]
