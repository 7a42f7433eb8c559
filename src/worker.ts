/**
 * The job-worker process: delivers outbound messages (outbox → deliveries queue → Bot API)
 * and runs timers (reminders, re-alerts, digests). Scale it out on the same Redis and
 * PostgreSQL. It also serves /healthz and /readyz on HTTP_PORT (set a different port when a
 * bot runs on the same host).
 */
import { warnAboutMissingHolidays } from "./policies";
import { createContainer } from "./container";
import { startWorkers } from "./jobs/workers";
import { checkMigrations } from "./migrations";
import { configOrExit, exitOnFatalError, loadEnvFile, onShutdown, orExitOnConfigError, parseFlags, tuneHeap, untilDeadline } from "./runtime";
import { createHttpServer } from "./server";
import { createOperationsHttp } from "./operations-http";

parseFlags(process.argv.slice(2), []);
loadEnvFile();
const config = configOrExit();
tuneHeap(config);
// createContainer also reads WORKING_CALENDAR and REMINDER_POLICY (JSON).
const container = orExitOnConfigError(() => createContainer(config));
const { logger } = container;
warnAboutMissingHolidays(container);

try {
  // Like the bot: migrations are their own step (npm run db:deploy); a pending one stops us.
  if (!(await checkMigrations(config.DATABASE_URL, logger))) {
    await container.close().catch(() => undefined);
    process.exit(1);
  }
  // /metrics and the queue dashboard, each closed unless configured (src/operations-http.ts).
  const operations = createOperationsHttp(container);
  const server = createHttpServer(container, { operations });
  const address = await server.listen(config.HTTP_PORT, config.HTTP_HOST).catch((error: unknown) => {
    const inUse = (error as { code?: string }).code === "EADDRINUSE";
    throw inUse ? new Error(`HTTP_PORT ${config.HTTP_PORT} is in use (is the bot running on this host? give the worker its own HTTP_PORT)`) : error;
  });
  const metricsAddress = await operations.listen();
  const workers = await startWorkers(container);
  onShutdown(
    logger,
    async (deadline) => {
      // /readyz says 503 at once; the active jobs finish (until the deadline) before the connections close.
      server.stopAccepting();
      if ((await untilDeadline(workers.close().then(() => true), deadline)) === undefined) {
        logger.warn("jobs still in progress at the end of the grace period; BullMQ runs them again");
      }
      await untilDeadline(Promise.allSettled([server.close(), operations.close()]), deadline);
      await container.close();
    },
    config.SHUTDOWN_GRACE_MS,
  );
  logger.info(
    { platform: config.BOT_PLATFORM, apiRoot: new URL(config.BOT_API_ROOT).host, httpPort: address.port, ...(metricsAddress && { metricsPort: metricsAddress.port }) },
    "Tashil workers ready",
  );
} catch (error) {
  await container.close().catch(() => undefined);
  exitOnFatalError(logger, error);
}
