# syntax=docker/dockerfile:1
# Tashil: one image for the bot, the workers and the one-shot migration step (see
# docker-compose.yml). The processes run compiled JavaScript (`npm run build` → dist/) with
# plain `node`: no TypeScript loader, no npm wrapper.

# --- dependencies and the generated Prisma client -------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Offline-friendly Prisma: no update checks. The client is generated with the wasm engines
# shipped in the npm packages (engine "js" + driver adapter): nothing is downloaded.
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Dev dependencies stay: the `prisma` CLI (a dev dependency) runs the migrations in production,
# and esbuild builds dist/. Our postinstall runs `prisma generate` into src/generated/prisma;
# fail the build if it did not.
RUN npm ci --no-audit --no-fund \
 && test -f src/generated/prisma/client.ts \
 && npm cache clean --force

# --- compile: dist/main.js, dist/worker.js, dist/seed.js --------------------------------------
FROM deps AS build
COPY . .
RUN npm run --silent build

# --- runtime ------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    HTTP_PORT=8080 \
    ENV_FILE=""
# Owned by root and read-only for the process; it writes nothing here. package.json says the
# modules in dist/ are ES modules; prisma/ holds the migrations (applied by the migrate
# service, checked by the bot at start) and the CLI's adapter; locales/ is read at start.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY locales ./locales
COPY data ./data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HTTP_PORT || 8080}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The bot with the job workers in the same process; compose runs them as separate services.
# It refuses to start while a migration is pending (the migrate service applies them).
CMD ["node", "dist/main.js"]
