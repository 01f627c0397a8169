# One image for every Heinrich process; node runs the TypeScript sources with the
# tsx loader, so the only build step is the web UI's static files. The command picks the process:
#   (default)              npm run start:api      HTTP on PORT (8080)
#   npm run start:worker   queue consumers, outbox relay; health on PORT (8081)
#   npm run migrate        one-shot: apply prisma/migrations (advisory-locked)
#   npm run seed:demo      one-shot: idempotent demo data (docker compose only)

# Only the manifests, so the `npm ci` layer below is rebuilt only when one changes.
FROM node:22-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -mindepth 1 -depth -type d -empty -delete

FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=manifests /src/ ./
# --ignore-scripts: no dependency needs an install script at runtime (esbuild and
# msgpackr-extract load their platform packages; @prisma/engines would try to
# download a native engine we don't use). Our own postinstall, `prisma generate`,
# runs below once the schema is in.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY . .
# the web UI: vite builds apps/web/dist, which the api serves on its own origin
RUN npm run generate && npm run build -w @heinrich/web

# npm runs scripts with `sh -c`, and dash neither execs the command nor passes
# SIGTERM on, so `docker stop` would kill the process without its graceful
# shutdown. bash execs a lone command, so npm hands SIGTERM straight to node.
ENV NODE_ENV=production \
    npm_config_script_shell=/bin/bash \
    npm_config_update_notifier=false
# files stay root-owned: the processes cannot rewrite their own code
USER node
EXPOSE 8080 8081
CMD ["npm", "run", "start:api"]
