# syntax=docker/dockerfile:1
# Tashil: the bot and the job workers (target `runtime`, the default) and the one-shot migration
# step (target `migrate`); docker-compose.yml builds both. The processes run compiled
# JavaScript (`npm run build` → dist/) with plain `node`: no TypeScript loader, no npm wrapper.

# --- all dependencies and the generated Prisma client (for building) ------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Offline-friendly Prisma: no update checks. The client is generated with the wasm engines
# shipped in the npm packages (engine "js" + driver adapter): nothing is downloaded.
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Dev dependencies too: esbuild builds dist/, and the `prisma` CLI generates the client (our
# postinstall) and, in the migrate image, applies the migrations. Fail if generate did not run.
RUN npm ci --no-audit --no-fund \
 && test -f src/generated/prisma/client.ts \
 && npm cache clean --force

# --- compile: dist/main.js, dist/worker.js, dist/seed.js --------------------------------------
# The generated Prisma client (src/generated/prisma) is bundled into them; what stays external
# is loaded from node_modules at run time (scripts/build.mjs), and all of it is in "dependencies"
# (test/unit/runtime-dependencies.test.ts checks).
FROM deps AS build
COPY . .
RUN npm run --silent build

# --- production dependencies only -------------------------------------------------------------
# --ignore-scripts: our postinstall (prisma generate) needs the CLI, a dev dependency, and the
# client it generates is already inside dist/.
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# --- the migrate one-shot: prisma migrate deploy, then the reference-data seed ----------------
# The only image with the prisma CLI (and the other dev dependencies). Both steps are idempotent.
FROM node:20-bookworm-slim AS migrate
WORKDIR /app
ENV NODE_ENV=production CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 ENV_FILE=""
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY data ./data
USER node
CMD ["sh", "-c", "npx --no-install prisma migrate deploy && node dist/seed.js"]

# --- runtime (the default target) -------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    HTTP_PORT=8080 \
    ENV_FILE=""
# Owned by root and read-only for the process; it writes nothing here. package.json says the
# modules in dist/ are ES modules; prisma/migrations is what the start-up check compares the
# database with (src/migrations.ts); locales/ and data/ are read at start.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY prisma/migrations ./prisma/migrations
COPY locales ./locales
COPY data ./data
USER node
EXPOSE 8080
# Readiness, not only liveness: /readyz answers 200 only while PostgreSQL and Redis answer
# (and 503 from the moment an orderly stop begins); compose's depends_on waits for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HTTP_PORT || 8080}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The bot with the job workers in the same process; compose runs them as separate services.
# It refuses to start while a migration is pending, with a line saying how to apply them
# (the migrate target: `docker compose run --rm migrate`).
CMD ["node", "dist/main.js"]
