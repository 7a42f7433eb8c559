// The sandbox's web chat: polls /api/state for the chosen persona and draws its chats as a
// messenger would; every tap and message goes back through the JSON API (server.ts).
"use strict";
const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
// ?persona=secretariat&chat=1 opens a persona's chat directly (a link to share, a screenshot).
const ui = { persona: query.get("persona") || localStorage.getItem("persona") || "producer", chat: Number(query.get("chat")) || 0, version: -1, drawn: "", state: null, toastSeq: 0 };
const PHONES = { producer: "09121234567", producer2: "09131234567" };

async function api(path, body) {
  const res = await fetch(path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  const data = await res.json();
  if (!res.ok) { status("خطا: " + (data.error || res.status)); throw new Error(data.error || String(res.status)); }
  return data;
}
function status(text) { $("status").textContent = text; }
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) if (child != null) node.append(child);
  return node;
}
const currentChat = () => (ui.state ? ui.state.chats[ui.chat] || ui.state.chats[0] : null);
const isGroup = () => Boolean(currentChat() && currentChat().group);

/** A t.me (or ble.ir) link to this bot with ?start=… is a deep link: it opens as /start <payload>. */
function deepLinkPayload(href) {
  try {
    const url = new URL(href);
    const bot = ui.state && ui.state.bot.username;
    if (!/^(t\.me|telegram\.me|ble\.ir)$/.test(url.hostname) || url.pathname.replace(/^\//, "") !== bot) return null;
    return url.searchParams.get("start") || "";
  } catch { return null; }
}
function openLink(href) {
  const payload = deepLinkPayload(href);
  if (payload === null) { window.open(href, "_blank", "noopener"); return; }
  send(payload ? "/start " + payload : "/start");
}
/** Text with its links clickable (deep links stay in the page). */
function richText(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    frag.append(text.slice(last, match.index));
    const href = match[0];
    const a = el("a", { href, textContent: href });
    a.addEventListener("click", (event) => { event.preventDefault(); openLink(href); });
    frag.append(a);
    last = match.index + href.length;
  }
  frag.append(text.slice(last));
  return frag;
}
function fileView(file) {
  const src = "/api/file?id=" + encodeURIComponent(file.fileId);
  if (file.photo) return el("img", { src, alt: "عکس", loading: "lazy" });
  return el("a", { href: src, className: "doc", textContent: "📄 " + (file.name || "سند"), target: "_blank", download: file.name || "" });
}
function bubble(message) {
  const node = el("div", { className: "msg " + message.from });
  node.dataset.key = message.key;
  node.dataset.messageId = String(message.messageId);
  if (message.author) node.append(el("div", { className: "author", textContent: message.author }));
  if (message.file) node.append(fileView(message.file));
  if (message.text) node.append(el("div", { className: "text" }, richText(message.text)));
  if (message.buttons.length > 0) {
    const rows = el("div", { className: "inline" });
    for (const row of message.buttons) {
      const line = el("div");
      for (const b of row) {
        const button = el("button", { type: "button", textContent: b.text });
        if (b.callback !== undefined) button.addEventListener("click", () => press(message.messageId, b.callback));
        else if (b.url) button.addEventListener("click", () => openLink(b.url));
        line.append(button);
      }
      rows.append(line);
    }
    node.append(rows);
  }
  // The sandbox's time (Tehran, Jalali), which time travel moves.
  const time = new Date(message.date * 1000).toLocaleString("fa-IR", { calendar: "persian", timeZone: "Asia/Tehran", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  node.append(el("div", { className: "meta", textContent: (message.edited ? "ویرایش‌شده · " : "") + time }));
  return node;
}
function drawPersonas() {
  const nav = $("personas");
  nav.replaceChildren(...ui.state.personas.map((p) => {
    const button = el("button", { type: "button", className: p.key === ui.persona ? "active" : "" }, p.name, el("small", { textContent: p.roleFa }));
    button.dataset.persona = p.key;
    button.addEventListener("click", () => choosePersona(p.key));
    return button;
  }));
}
function drawChats() {
  $("chats").replaceChildren(...ui.state.chats.map((chat, index) => {
    const button = el("button", { type: "button", className: index === ui.chat ? "active" : "", textContent: (chat.group ? "👥 " : "🤖 ") + chat.title });
    button.addEventListener("click", () => { ui.chat = index; ui.drawn = ""; draw(); });
    return button;
  }));
}
function drawKeyboard(chat) {
  const board = $("keyboard");
  board.replaceChildren(...(chat.replyKeyboard || []).map((row) => el("div", null, ...row.map((b) => {
    const button = el("button", { type: "button", textContent: b.text });
    button.addEventListener("click", () => (b.contact ? shareContact() : send(b.text)));
    return button;
  }))));
}
function draw() {
  const state = ui.state;
  $("clock").textContent = state.clock.fa;
  $("clock").title = state.clock.en + " — " + state.clock.iso;
  drawPersonas();
  drawChats();
  const chat = currentChat();
  if (!chat) return;
  $("title").textContent = chat.title;
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const signature = JSON.stringify(chat.messages);
  if (signature !== ui.drawn) {
    box.replaceChildren(...chat.messages.map(bubble));
    ui.drawn = signature;
    if (atBottom || ui.stick) box.scrollTop = box.scrollHeight;
    ui.stick = false;
  }
  drawKeyboard(chat);
  if (chat.notice && chat.notice.seq > ui.toastSeq) {
    ui.toastSeq = chat.notice.seq;
    const toast = $("toast");
    toast.textContent = chat.notice.text;
    toast.hidden = false;
    setTimeout(() => { toast.hidden = true; }, 3000);
  }
  status("پایگاه داده: " + (state.database === "pglite" ? "PGlite (درون‌ساخت)" : "PostgreSQL") + " · ربات: @" + state.bot.username);
}
async function refresh() {
  try {
    const state = await api("/api/state?persona=" + encodeURIComponent(ui.persona));
    if (state.persona !== ui.persona) return;
    ui.state = state;
    draw();
  } catch (error) { status("اتصال به محیط آزمایشی قطع است: " + error.message); }
}
function choosePersona(key) {
  ui.persona = key;
  ui.chat = 0;
  ui.drawn = "";
  ui.stick = true;
  localStorage.setItem("persona", key);
  refresh();
}
async function send(text) {
  ui.stick = true;
  // A deep link pasted into the composer opens as Telegram opens it: /start <payload>.
  const payload = /^https?:\/\/\S+$/.test(text) ? deepLinkPayload(text) : null;
  if (payload !== null) text = payload ? "/start " + payload : "/start";
  await api("/api/send", { persona: ui.persona, text, group: isGroup() });
  setTimeout(refresh, 150);
}
async function press(messageId, data) {
  await api("/api/press", { persona: ui.persona, messageId, data, group: isGroup() });
  setTimeout(refresh, 150);
}
async function shareContact() {
  const phone = prompt("شماره همراه برای اشتراک:", PHONES[ui.persona] || "09120000000");
  if (!phone) return;
  ui.stick = true;
  await api("/api/contact", { persona: ui.persona, phone });
  setTimeout(refresh, 150);
}
$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("text");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send(text);
});
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  if (!file) return;
  if (isGroup()) { status("فایل را در گفتگوی خصوصی با ربات بفرستید."); return; }
  const reader = new FileReader();
  reader.onload = async () => {
    const base64 = String(reader.result).split(",")[1] || "";
    const caption = $("text").value.trim();
    $("text").value = "";
    ui.stick = true;
    await api("/api/upload", { persona: ui.persona, name: file.name, mime: file.type, base64, caption });
    $("file").value = "";
    setTimeout(refresh, 150);
  };
  reader.readAsDataURL(file);
});
for (const button of document.querySelectorAll("[data-jump]")) {
  button.addEventListener("click", async () => {
    const result = await api("/api/time", { jump: button.dataset.jump });
    status("ساعت جلو رفت؛ " + result.promoted + " زمان‌سنج اجرا شد" + (result.digest ? " و خلاصه صبحگاهی فرستاده شد" : ""));
    refresh();
  });
}
refresh();
setInterval(refresh, 800);
