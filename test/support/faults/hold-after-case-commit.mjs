// A fault for end-to-end tests, loaded into the bot process with
//   NODE_OPTIONS="--import <this file>"
// Every transaction that inserted a case is committed as usual, then never returns to its
// caller: the bot is frozen between the case commit and anything after it (the session write,
// the reply with the code). Each hold prints one log line, so the test knows when to SIGKILL.
// Plain JavaScript (no tsx needed); it patches the pg client the Prisma adapter uses.
import pg from "pg";

// Anywhere in the statement: the submit writes the case in a data-modifying CTE (WITH … INSERT).
const CASE_INSERT = /\bINSERT\s+INTO\s+"(?:public"\.")?Case"/i;
const flagged = new WeakSet();
const query = pg.Client.prototype.query;

pg.Client.prototype.query = function patchedQuery(config, ...rest) {
  const text = typeof config === "string" ? config : config?.text;
  const hasCallback = typeof rest[rest.length - 1] === "function" || typeof config?.callback === "function";
  if (typeof text !== "string" || hasCallback) return query.call(this, config, ...rest);
  if (/^\s*BEGIN\b/i.test(text)) flagged.delete(this);
  if (CASE_INSERT.test(text)) flagged.add(this);
  const result = query.call(this, config, ...rest);
  if (!/^\s*COMMIT\b/i.test(text) || !flagged.has(this)) return result;
  flagged.delete(this);
  return result.then(() => {
    process.stdout.write(`${JSON.stringify({ level: 40, msg: "fault: holding after a case commit" })}\n`);
    return new Promise(() => {});
  });
};
