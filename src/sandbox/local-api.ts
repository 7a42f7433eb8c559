/**
 * The local Bot API the sandbox's bot talks to: the one implementation the tests use too
 * (src/local-bot-api/). The only file of the sandbox that names where it lives.
 */
export { LocalBotApi as FakeBotApi, type LocalUser as FakeUser } from "../local-bot-api";
export type { RecordedCall as FakeCall, PushableUpdate } from "../local-bot-api";
