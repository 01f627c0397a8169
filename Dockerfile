# One image for every Heinrich process, built in stages: the build stage compiles
# the TypeScript (api, worker, migrate, seed: scripts/bundle.mjs) and the web UI;
# the runtime stage holds the compiled output and production dependencies only
# (no TypeScript, no tsx, no build tools). The command picks the process:
#   (default)              npm run start:api      HTTP on PORT (8080)
#   npm run start:worker   queue consumers, outbox relay; health on PORT (8081)
#   npm run migrate        one-shot: apply prisma/migrations (advisory-locked)
#   npm run seed:demo      one-shot: idempotent demo data (docker compose only)

# Only the manifests, so the `npm ci` layers below are rebuilt only when one changes.
FROM node:22-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -mindepth 1 -depth -type d -empty -delete

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /src/ ./
# --ignore-scripts: no dependency needs an install script (esbuild and
# msgpackr-extract load their platform packages; @prisma/engines would try to
# download a native engine we don't use). Our own postinstall, `prisma generate`,
# runs below once the schema is in.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run generate && npm run build

# production dependencies only. The Prisma CLI is a devDependency, but @prisma/client
# names it as an optional peer, so `--omit=dev` keeps it (and its ~100 packages):
# removed here without touching the lockfile.
FROM node:22-bookworm-slim AS dependencies
WORKDIR /app
COPY --from=manifests /src/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm uninstall --no-save --omit=dev --ignore-scripts --no-audit --no-fund prisma \
 && npm cache clean --force

FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=dependencies /app/ ./
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/dist apps/worker/dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/usecases/dist packages/usecases/dist
COPY prisma/migrations prisma/migrations

# npm runs scripts with `sh -c`, and dash neither execs the command nor passes
# SIGTERM on, so `docker stop` would kill the process without its graceful
# shutdown. bash execs a lone command, so npm hands SIGTERM straight to node.
# npm's cache (and its logs) in /tmp: the root filesystem may be read-only.
ENV NODE_ENV=production \
    npm_config_script_shell=/bin/bash \
    npm_config_update_notifier=false \
    npm_config_cache=/tmp/.npm
# files stay root-owned: the processes cannot rewrite their own code. Numeric, so
# Kubernetes can check runAsNonRoot (the image's `node` user).
USER 1000:1000
EXPOSE 8080 8081
CMD ["npm", "run", "start:api"]
