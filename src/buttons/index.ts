/**
 * Every callback payload of the bot, declared once, below both the bot and the services (a
 * notice queued by a service carries buttons too). Each area declares its buttons in its own
 * file here; handlers match `X.filter`, read `X.unpack(data)`, and keyboards use `X.pack(…)`.
 * No callback literal lives anywhere else (a test greps for them).
 */
export { button, checkLength, declaredButtons, MAX_CALLBACK_BYTES, type Button, type PlainButton, type PayloadOf } from "./define";
export * as shared from "./shared";
export * as invitations from "./invitations";
export * as broadcasts from "./broadcasts";
export * as producer from "./producer";
export * as meetings from "./meetings";
export * as resolutions from "./resolutions";
export * as countdown from "./countdown";
export * as statistics from "./statistics";
export * as desk from "./desk";
export * as tasks from "./tasks";
export * as rating from "./rating";
export * as fastTrack from "./fast-track";
export * as admin from "./admin";
export * as report from "./report";
export * as batch from "./batch";
export * as representatives from "./representatives";
export * as intake from "./intake";
export * as clusters from "./clusters";
export * as visits from "./visits";
export * as restart from "./restart";
