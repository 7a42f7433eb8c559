/**
 * The bot process. Flags:
 *   --no-workers  run the bot alone (same as RUN_WORKERS_IN_BOT=false); `npm run start:worker`
 *                 then runs the job workers elsewhere.
 *   --migrate     first apply pending migrations (`npm run db:deploy`) and seed the reference
 *                 data; both are idempotent. Without it the bot applies nothing: it checks that
 *                 no migration is pending (src/migrations.ts) and otherwise refuses to start.
 * Long polling (src/polling.ts: one process polls, others stand by) unless WEBHOOK_URL is set.
 * The HTTP server (/healthz, /readyz, and the webhook) always listens on HTTP_PORT. SIGTERM and
 * SIGINT stop it in order (README: Shutdown loses nothing).
 */
import { randomUUID } from "node:crypto";
import { sequentialize } from "@grammyjs/runner";
import type { Context } from "grammy";
import { createBot } from "./bot";
import { setBotCommands } from "./bot/commands";
import { trackInFlight } from "./bot/middlewares/in-flight";
import { orderAcrossReplicas } from "./bot/middlewares/replica-order";
import type { Config } from "./config";
import { BotApiUnreachable, reachBotApi } from "./connectivity";
import { warnAboutMissingHolidays } from "./policies";
import { createContainer, type Container } from "./container";
import { startWorkers } from "./jobs/workers";
import type { Logger } from "./logger";
import { checkMigrations, deployMigrations, ensureDatabase } from "./migrations";
import { runPollingLeader, type PollingLeader } from "./polling";
import { configOrExit, exitOnFatalError, loadEnvFile, onShutdown, orExitOnConfigError, parseFlags, tuneHeap, untilDeadline } from "./runtime";
import { seedReferenceData } from "./seed/reference-data";
import { createHttpServer, webhookRoute } from "./server";
import { createOperationsHttp } from "./operations-http";

/** Updates of one chat, and of one user (whose session they share), are handled in order. */
function updateConstraints(ctx: Context): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
  if (ctx.from) keys.push(`user:${ctx.from.id}`);
  return keys;
}

async function migrate(container: Container): Promise<void> {
  await ensureDatabase(container.config.DATABASE_URL, container.logger);
  container.logger.info("applying pending migrations");
  await deployMigrations();
  await seedReferenceData(container.db);
  container.logger.info("database is up to date; reference data seeded");
}

async function startBot(config: Config, logger: Logger, container: Container, runWorkers: boolean): Promise<void> {
  const route = config.WEBHOOK_URL ? webhookRoute(config) : undefined;
  const inFlight = trackInFlight();
  // Webhook replicas order one user's updates among themselves too (polling runs once, see polling.ts).
  const ordering = route ? [orderAcrossReplicas({ redis: container.redis, logger, keysOf: updateConstraints })] : [];
  const bot = createBot(container, {
    outermost: [inFlight.middleware],
    before: [sequentialize(updateConstraints), ...ordering],
    transport: route ? "webhook" : "polling",
  });
  // /metrics and the queue dashboard, each closed unless configured (src/operations-http.ts).
  const operations = createOperationsHttp(container);
  const server = createHttpServer(container, {
    operations,
    ...(route ? { bot, webhookPath: route.path, secretToken: route.secretToken, maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES } : {}),
  });
  // Start-up steps that need nothing of each other run together. Prisma is not connected here:
  // its query compiler (~35 MB) loads with the first query that needs it — a staff screen, or
  // the in-process workers' reconciliation — and a bot that serves only producers (whose
  // journey is on the raw SQL port) never loads it. Updates are taken as soon as the bot knows
  // itself; the workers and the command menu come up meanwhile (the ready line waits for both).
  // getMe first, on its own terms (src/connectivity.ts): where it connects, why it cannot, and
  // an end to the waiting; bot.init() then finds the bot known and asks nothing.
  const [address, metricsAddress, botInfo] = await Promise.all([
    server.listen(config.HTTP_PORT, config.HTTP_HOST),
    operations.listen(),
    reachBotApi(config, logger),
  ]);
  bot.botInfo = botInfo;
  await bot.init();
  const menu = setBotCommands(bot.api, container.t, config.DEFAULT_LOCALE).catch((error: unknown) => {
    // Not every Bot API clone implements the command menu; the bot works without it.
    logger.warn({ err: error }, "could not set the command menu");
  });
  const workersStarted = runWorkers ? startWorkers(container) : Promise.resolve(undefined);
  workersStarted.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile

  let leader: PollingLeader | undefined;
  if (route) {
    await bot.api.setWebhook(route.url, route.secretToken ? { secret_token: route.secretToken } : {});
  } else {
    // A webhook left over from an earlier deployment would make getUpdates fail with 409.
    await bot.api.deleteWebhook();
    // One process polls (the holder of a Redis lock); another one stands by (src/polling.ts).
    leader = runPollingLeader(bot, { redis: container.redis, logger, instanceId: randomUUID(), ttlMs: config.POLLING_LOCK_TTL_MS });
  }
  const [workers] = await Promise.all([workersStarted, menu]);

  onShutdown(
    logger,
    async (deadline) => {
      // 1. Take no more updates; 2. let those in progress finish, their replies included, until
      // the deadline (a polled one unfinished by then stays unconfirmed: the next poller gets
      // it); 3. the workers finish their active jobs; 4. close the connections.
      server.stopAccepting();
      const polled = leader ? await leader.stop(deadline) : { unfinished: 0 };
      const unfinished = Math.max(polled.unfinished, await inFlight.idle(deadline));
      if (unfinished > 0) logger.warn({ unfinished }, "updates still in progress at the end of the grace period");
      await untilDeadline(Promise.allSettled([server.close(), operations.close()]), deadline);
      if (workers && (await untilDeadline(workers.close().then(() => true), deadline)) === undefined) {
        logger.warn("jobs still in progress at the end of the grace period; BullMQ runs them again");
      }
      await container.close();
    },
    config.SHUTDOWN_GRACE_MS,
  );

  logger.info(
    {
      platform: config.BOT_PLATFORM,
      mode: route ? "webhook" : "polling",
      workers: runWorkers ? "in-process" : "separate",
      apiRoot: new URL(config.BOT_API_ROOT).host,
      bot: bot.botInfo.username,
      httpPort: address.port,
      ...(metricsAddress && { metricsPort: metricsAddress.port }),
    },
    "Tashil bot ready",
  );

  // If long polling dies for good (e.g. the token was revoked), exit so the supervisor restarts us.
  leader?.task.catch((error: unknown) => exitOnFatalError(logger, error, "long polling stopped"));
}

async function main(): Promise<void> {
  const args = parseFlags(process.argv.slice(2), ["--no-workers", "--migrate"]);
  loadEnvFile();
  const config = configOrExit();
  tuneHeap(config);
  const runWorkers = config.RUN_WORKERS_IN_BOT && !args.has("--no-workers");
  // createContainer also reads WORKING_CALENDAR and REMINDER_POLICY (JSON).
  const container = orExitOnConfigError(() => createContainer(config));
  const { logger } = container;
  warnAboutMissingHolidays(container);
  try {
    // Migrations are their own step (npm run db:deploy); the bot only checks, unless asked.
    if (args.has("--migrate")) await migrate(container);
    else if (!(await checkMigrations(config.DATABASE_URL, logger))) {
      await container.close().catch(() => undefined);
      process.exit(1);
    }
    await startBot(config, logger, container, runWorkers);
  } catch (error) {
    await container.close().catch(() => undefined);
    if (error instanceof BotApiUnreachable) {
      // One clear line (no stack: nothing is broken in the code) and a non-zero exit.
      logger.fatal(
        { apiRoot: config.BOT_API_ROOT, reason: error.reason, detail: error.detail, waitedMs: error.waitedMs },
        `giving up: the Bot API at ${config.BOT_API_ROOT} could not be reached for ${Math.round(error.waitedMs / 1000)} s (last reason: ${error.reason}); ` +
          "check the network, set BOT_API_PROXY, or BOT_API_STARTUP_TIMEOUT_MS=0 to wait for ever",
      );
      process.exit(1);
    }
    exitOnFatalError(logger, error);
  }
}

await main();
