# syntax=docker/dockerfile:1
# BigTix payments service. Build from the repository root:
#   docker build -f deploy/docker/payments.Dockerfile -t bigtix/payments:dev .
FROM node:20.20.2-bookworm-slim AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app

# Every workspace's package.json and the lock, nothing else: npm ci needs all workspaces to match
# the lock, and the npm ci layers below then stay cached until a manifest changes.
FROM base AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -mindepth 1 -type d -empty -delete

FROM base AS build
COPY --from=manifests /src/ ./
# --ignore-scripts: nothing this service needs has an install script, and it keeps native
# builds (node-pty for the CLI tests) out of the image.
RUN npm ci --ignore-scripts --include-workspace-root -w services/payments
COPY tsconfig.base.json ./
COPY packages/common packages/common
COPY packages/middleware packages/middleware
COPY packages/mailer packages/mailer
COPY services/payments services/payments
RUN npm run build -w services/payments

FROM base AS prod-deps
COPY --from=manifests /src/ ./
RUN npm ci --ignore-scripts --omit=dev -w services/payments && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production PORT=4004
# Files stay root-owned and the process runs as node: the app cannot rewrite its own code.
COPY --from=prod-deps /app/ ./
COPY --from=build /app/packages/common/package.json packages/common/package.json
COPY --from=build /app/packages/common/dist packages/common/dist
COPY --from=build /app/packages/middleware/package.json packages/middleware/package.json
COPY --from=build /app/packages/middleware/dist packages/middleware/dist
COPY --from=build /app/packages/mailer/package.json packages/mailer/package.json
COPY --from=build /app/packages/mailer/dist packages/mailer/dist
COPY --from=build /app/services/payments/package.json services/payments/package.json
COPY --from=build /app/services/payments/dist services/payments/dist
USER node
EXPOSE 4004
# node:*-slim has no curl; Node 20's fetch does the probe.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4004)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/payments/dist/index.js"]
