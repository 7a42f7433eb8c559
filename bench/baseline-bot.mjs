// The yardstick of the benchmarks: a bare grammY bot that keeps a Redis session (ioredis +
// @grammyjs/storage-redis, like Tashil) and answers every update with one message. Plain
// JavaScript, run with plain `node` — no loader, no framework beyond grammY and its runner.
//   BOT_TOKEN, BOT_API_ROOT, REDIS_URL, REDIS_PREFIX (environment)
// Prints one JSON line {"msg":"baseline ready"} once it polls.
import { run } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, session } from "grammy";
import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { keyPrefix: `${process.env.REDIS_PREFIX ?? "baseline"}:` });
const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.BOT_API_ROOT } });
bot.use(session({ initial: () => ({ updates: 0 }), storage: new RedisAdapter({ instance: redis, ttl: 3600 }) }));
bot.use((ctx) => {
  ctx.session.updates += 1;
  return ctx.reply(`update ${ctx.session.updates}`);
});

await bot.init();
await bot.api.deleteWebhook();
const runner = run(bot);
process.stdout.write(`${JSON.stringify({ msg: "baseline ready" })}\n`);
const stop = () => {
  Promise.resolve(runner.isRunning() ? runner.stop() : undefined)
    .then(() => redis.quit())
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
