/**
 * The local Bot API the sandbox's bot talks to: the one implementation the tests use too. The
 * only file of the sandbox that names where it lives (one import to repoint when it moves).
 */
export { FakeBotApi, type FakeUser } from "../../test/support/fake-bot-api";
export type { FakeCall, PushableUpdate } from "../../test/support/fake-bot-api";
