/*!
 * Perinatal signposting bot: web chat widget.
 * One script tag embeds it; see bot/webchat/README.md for the options.
 * Every piece of user or bot text is put on the page with textContent or
 * createTextNode, never innerHTML; links come only from a small, checked subset.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var STORAGE_KEY = "pcw-sid";
  var LANG_KEY = "pcw-lang";
  var VERSION = "1.0.0";

  var DEFAULT_STRINGS = {
    title: "Support for parents",
    launcher: "Chat with us",
    closeChat: "Close chat",
    getHelp: "Get help now",
    leave: "Leave this page",
    leaveHint: "Or press Shift 3 times to leave quickly.",
    intro1: "You are chatting with an automated service (a chatbot), not a person.",
    intro2: "It is not for emergencies. If you or your baby are in danger now, call 999 or go to A&E.",
    intro3: "It can help you find support for you and your baby. Please do not type your name, address or phone number.",
    intro4: "Messages are kept for a limited time so trained staff can check the service is safe.",
    conversation: "Conversation",
    inputLabel: "Type your message",
    send: "Send",
    you: "You",
    bot: "Chatbot",
    typing: "Typing",
    offline: "You are offline. We are trying to reconnect. Get help now still works.",
    notSent: "You are offline. Your message has not been sent yet.",
    retry: "Try again",
    connected: "Connected again.",
    clear: "Clear this conversation",
    clearConfirm: "Clear this conversation from this screen and this device? You will not be able to get it back.",
    clearYes: "Yes, clear it",
    clearNo: "Cancel",
    cleared: "Conversation cleared.",
    helpTitle: "Get help now",
    helpIntro: "If you or your baby are in danger now, call 999 or go to A&E.",
    helpClose: "Back to chat",
    crisisTitle: "Help right now",
    call: "Call",
    text: "Text",
    to: "to",
    website: "Website",
    newTab: "(opens in a new tab)",
    email: "Email",
    who: "Who it is for",
    cost: "Cost",
    when: "When",
    how: "How",
    where: "Where",
    servicesTitle: "Services that may help",
    moreAbout: "More about this service",
    reportWrong: "These details are wrong",
    howToGet: "How to get it",
    botSent: "Chatbot:",
    botSentContacts: "Chatbot sent help contacts:",
    botSentServices: "Chatbot sent services:"
  };

  // ---------- configuration ----------
  function storedLang() {
    try { return window.sessionStorage.getItem(LANG_KEY); } catch (e) { return null; }
  }

  function readConfig() {
    var ds = (script && script.dataset) || {};
    var global = window.PerinatalChatConfig || {};
    var scriptBase = script && script.src ? new URL(".", script.src).href : "/webchat/static/";
    var cfg = {
      serverUrl: ds.serverUrl || global.serverUrl || (script && script.src ? new URL(script.src).origin : location.origin),
      socketPath: ds.socketPath || global.socketPath || "/socket.io",
      staticBase: global.staticBase || scriptBase,
      container: ds.container || global.container || null,
      storage: (ds.storage || global.storage || "session") === "local" ? "local" : "session",
      exitUrl: ds.exitUrl || global.exitUrl || "https://www.bbc.co.uk/weather",
      exitShiftWindowMs: Number(ds.exitShiftWindowMs || global.exitShiftWindowMs || 2000),
      headingLevel: Number(ds.headingLevel || global.headingLevel || 2),
      colours: global.colours || {},
      // "cy" or "en": data-lang, the page's config, the parent's choice this session, or the page's language.
      lang: ds.lang || global.lang || storedLang() || ((document.documentElement.lang || "").toLowerCase().indexOf("cy") === 0 ? "cy" : "en"),
      strings: {}
    };
    if (cfg.lang !== "cy") cfg.lang = "en";
    var k;
    for (k in DEFAULT_STRINGS) cfg.strings[k] = DEFAULT_STRINGS[k];
    var custom = global.strings || {};
    for (k in custom) if (typeof custom[k] === "string") cfg.strings[k] = custom[k];
    if (ds.title || global.title) cfg.strings.title = ds.title || global.title;
    return cfg;
  }

  var cfg = readConfig();
  var S = cfg.strings;

  // ---------- small DOM helpers (text only) ----------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var a in attrs) {
        if (attrs[a] === null || attrs[a] === undefined || attrs[a] === false) continue;
        if (a === "text") node.textContent = attrs[a];
        else if (a === "className") node.className = attrs[a];
        else node.setAttribute(a, attrs[a] === true ? "" : String(attrs[a]));
      }
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function heading(level, attrs, text) {
    var n = Math.min(Math.max(level, 1), 6);
    var h = el("h" + n, attrs);
    h.textContent = text;
    return h;
  }
  var uid = 0;
  function nextId(prefix) { uid += 1; return "pcw-" + prefix + "-" + uid; }

  // ---------- safe links ----------
  function safeWebUrl(value, allowHttp) {
    if (typeof value !== "string") return null;
    try {
      var u = new URL(value.trim());
      if (u.protocol === "https:" || (allowHttp && u.protocol === "http:")) return u.href;
    } catch (e) { /* not a URL */ }
    return null;
  }
  function safeTel(value) {
    if (typeof value !== "string" && typeof value !== "number") return null;
    var digits = String(value).replace(/[^0-9+]/g, "");
    return /^\+?[0-9]{3,15}$/.test(digits) ? "tel:" + digits : null;
  }
  function safeSms(number, body) {
    if (number === null || number === undefined) return null;
    var digits = String(number).replace(/[^0-9+]/g, "");
    if (!/^\+?[0-9]{3,15}$/.test(digits)) return null;
    return "sms:" + digits + (body ? "?&body=" + encodeURIComponent(String(body)) : "");
  }
  function safeMailto(value) {
    if (typeof value !== "string") return null;
    var v = value.trim().replace(/^mailto:/i, "");
    return /^[^\s@<>()"',;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(v) ? "mailto:" + v : null;
  }
  function link(href, text, external) {
    var a = el("a", { href: href });
    a.textContent = text;
    if (external) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(el("span", { className: "pcw-vh", text: " " + S.newTab }));
    }
    return a;
  }

  // The only markup in messages: [label](https:|tel:|mailto:...), bare https URLs, **bold**.
  var MD = /\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)|(https:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])|\*\*([^*\n]{1,500})\*\*/g;
  // UK phone numbers in bot text become tap-to-call links (999, 111, 116 123, 0xxxx xxx xxx).
  var PHONE = /(^|[^0-9])(999|111|116 ?[0-9]{3}|0[0-9]{2,4}(?: ?[0-9]{2,4}){2,3})(?![0-9])/g;
  function appendText(target, str, linkPhones) {
    if (!linkPhones) { target.appendChild(document.createTextNode(str)); return; }
    var last = 0;
    var m;
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(str)) !== null) {
      var start = m.index + m[1].length;
      var digits = m[2].replace(/ /g, "");
      if (digits.length !== 3 && digits.length !== 6 && (digits.length < 10 || digits.length > 11)) continue;
      if (start > last) target.appendChild(document.createTextNode(str.slice(last, start)));
      target.appendChild(link("tel:" + digits, m[2], false));
      last = start + m[2].length;
    }
    if (last < str.length) target.appendChild(document.createTextNode(str.slice(last)));
  }

  function renderRich(text, target, linkPhones) {
    var s = String(text);
    var last = 0;
    var m;
    MD.lastIndex = 0;
    while ((m = MD.exec(s)) !== null) {
      if (m.index > last) appendText(target, s.slice(last, m.index), linkPhones);
      if (m[1] !== undefined) {
        var href = m[2];
        var safe = /^tel:/i.test(href) ? safeTel(href.slice(4)) :
          /^mailto:/i.test(href) ? safeMailto(href) : safeWebUrl(href, false);
        if (safe) target.appendChild(link(safe, m[1], /^https:/.test(safe)));
        else target.appendChild(document.createTextNode(m[0]));
      } else if (m[3] !== undefined) {
        var url = safeWebUrl(m[3], false);
        target.appendChild(url ? link(url, m[3], true) : document.createTextNode(m[3]));
      } else if (m[4] !== undefined) {
        target.appendChild(el("strong", { text: m[4] }));
      }
      last = MD.lastIndex;
    }
    if (last < s.length) appendText(target, s.slice(last), linkPhones);
  }

  // ---------- storage ----------
  function store() {
    try { return cfg.storage === "local" ? window.localStorage : window.sessionStorage; } catch (e) { return null; }
  }
  function getSid() { var s = store(); try { return s ? s.getItem(STORAGE_KEY) : null; } catch (e) { return null; } }
  function setSid(v) { var s = store(); try { if (s) s.setItem(STORAGE_KEY, v); } catch (e) { /* private mode */ } }
  function forgetSid() {
    [function () { return window.sessionStorage; }, function () { return window.localStorage; }].forEach(function (get) {
      try { get().removeItem(STORAGE_KEY); get().removeItem(LANG_KEY); } catch (e) { /* unavailable */ }
    });
  }
  function newSid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // ---------- time ----------
  function formatTime(date) {
    var now = new Date();
    var time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    if (date.toDateString() === now.toDateString()) return time;
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "short" }) + ", " + time;
  }

  // ---------- the widget ----------
  var ui = {};
  var state = {
    sid: null, socket: null, online: false, everConnected: false, count: 0,
    nation: null, contacts: null, pin: null, inerted: null, typingTimer: null, shiftCount: 0, shiftTimer: null, shiftAsModifier: false
  };

  function applyColours(root) {
    var map = { primary: "--pcw-primary", primaryText: "--pcw-primary-text", help: "--pcw-help",
      exit: "--pcw-exit", background: "--pcw-bg", text: "--pcw-text", userBubble: "--pcw-user",
      botBubble: "--pcw-botbubble", focus: "--pcw-focus" };
    for (var k in map) {
      if (typeof cfg.colours[k] === "string" && /^[#a-zA-Z0-9(),.\s%]+$/.test(cfg.colours[k])) {
        root.style.setProperty(map[k], cfg.colours[k]);
      }
    }
  }

  function build() {
    var h = cfg.headingLevel;
    var root = el("section", { className: "pcw", "aria-labelledby": "pcw-title", "data-version": VERSION, "data-state": "connecting" });
    applyColours(root);

    var helpBtn = el("button", { type: "button", className: "pcw-btn pcw-help-btn", "aria-expanded": "false", "aria-controls": "pcw-help", text: S.getHelp, "data-pcw-s": "getHelp" });
    var exitBtn = el("button", { type: "button", className: "pcw-btn pcw-exit-btn", "aria-describedby": "pcw-exit-hint", text: S.leave, "data-pcw-s": "leave" });
    // The active offer: the other language, named in itself ("Cymraeg" / "English").
    var langBtn = el("button", { type: "button", className: "pcw-link-btn pcw-lang-btn" });
    var header = el("header", { className: "pcw-header" }, [
      heading(h, { id: "pcw-title", className: "pcw-title" }, S.title),
      el("div", { className: "pcw-actions" }, [helpBtn, exitBtn]),
      el("div", { className: "pcw-header-row" }, [
        el("p", { id: "pcw-exit-hint", className: "pcw-exit-hint", text: S.leaveHint, "data-pcw-s": "leaveHint" }),
        langBtn
      ])
    ]);

    var helpHeading = heading(h + 1, { id: "pcw-help-title", tabindex: "-1" }, S.helpTitle);
    var helpList = el("ul", { className: "pcw-contacts" });
    var helpClose = el("button", { type: "button", className: "pcw-btn pcw-secondary", text: S.helpClose, "data-pcw-s": "helpClose" });
    var help = el("div", { id: "pcw-help", className: "pcw-help", role: "region", "aria-labelledby": "pcw-help-title", hidden: true }, [
      helpHeading, el("p", { className: "pcw-help-intro", text: S.helpIntro, "data-pcw-s": "helpIntro" }), helpList, helpClose
    ]);

    var statusText = el("span");
    var retryBtn = el("button", { type: "button", className: "pcw-btn pcw-secondary", text: S.retry, "data-pcw-s": "retry" });
    var status = el("div", { className: "pcw-status", hidden: true }, [statusText, " ", retryBtn]);

    var intro = el("div", { className: "pcw-intro" }, [
      el("p", {}, [el("strong", { text: S.intro1, "data-pcw-s": "intro1" })]),
      el("p", { text: S.intro2, "data-pcw-s": "intro2" }), el("p", { text: S.intro3, "data-pcw-s": "intro3" }),
      el("p", { text: S.intro4, "data-pcw-s": "intro4" })
    ]);
    var log = el("ol", { className: "pcw-log", "aria-label": S.conversation });
    var typing = el("div", { className: "pcw-typing", hidden: true }, [
      el("span", { className: "pcw-dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]),
      el("span", { text: S.typing, "data-pcw-s": "typing" })
    ]);
    // The help panel lives in the scrolling area so long contact lists never push the message box away.
    // It is the only part that scrolls, so keyboard users can focus it to scroll with the arrow keys.
    var scroller = el("div", { className: "pcw-body", tabindex: "0", role: "region", "aria-label": S.conversation,
                               "data-pcw-s": "conversation", "data-pcw-attr": "aria-label" }, [help, intro, log, typing]);

    var input = el("textarea", { id: "pcw-input", className: "pcw-input", rows: "1", maxlength: "2000", autocomplete: "off", enterkeyhint: "send" });
    var form = el("form", { className: "pcw-form", novalidate: true }, [
      el("label", { for: "pcw-input", className: "pcw-label", text: S.inputLabel, "data-pcw-s": "inputLabel" }),
      el("div", { className: "pcw-row" }, [input, el("button", { type: "submit", className: "pcw-btn pcw-send", text: S.send, "data-pcw-s": "send" })])
    ]);

    var clearBtn = el("button", { type: "button", className: "pcw-link-btn pcw-clear", "aria-expanded": "false", "aria-controls": "pcw-confirm", text: S.clear, "data-pcw-s": "clear" });
    var yesBtn = el("button", { type: "button", className: "pcw-btn pcw-danger", text: S.clearYes, "data-pcw-s": "clearYes" });
    var noBtn = el("button", { type: "button", className: "pcw-btn pcw-secondary", text: S.clearNo, "data-pcw-s": "clearNo" });
    var confirm = el("div", { id: "pcw-confirm", className: "pcw-confirm", role: "group", "aria-labelledby": "pcw-confirm-text", hidden: true }, [
      el("p", { id: "pcw-confirm-text", text: S.clearConfirm, "data-pcw-s": "clearConfirm" }), el("div", { className: "pcw-actions" }, [yesBtn, noBtn])
    ]);
    var footer = el("div", { className: "pcw-footer" }, [clearBtn, confirm]);
    var live = el("div", { className: "pcw-vh pcw-live", "aria-live": "polite", "aria-atomic": "true" });

    root.appendChild(header);
    root.appendChild(status);
    root.appendChild(scroller);
    root.appendChild(form);
    root.appendChild(footer);
    root.appendChild(live);

    ui = { root: root, helpBtn: helpBtn, exitBtn: exitBtn, langBtn: langBtn, help: help, helpHeading: helpHeading, helpList: helpList,
      helpClose: helpClose, status: status, statusText: statusText, retryBtn: retryBtn, scroller: scroller,
      log: log, typing: typing, form: form, input: input, clearBtn: clearBtn, confirm: confirm,
      yesBtn: yesBtn, noBtn: noBtn, live: live };

    helpBtn.addEventListener("click", function () { toggleHelp(help.hidden); });
    helpClose.addEventListener("click", function () { toggleHelp(false); helpBtn.focus(); });
    exitBtn.addEventListener("click", quickExit);
    langBtn.addEventListener("click", function () {
      var other = cfg.lang === "cy" ? "en" : "cy";
      if (!sendToBot("/switch_language_" + other, other === "cy" ? "Cymraeg" : "English")) setLang(other);
    });
    retryBtn.addEventListener("click", function () { if (state.socket) { state.socket.disconnect(); state.socket.connect(); } });
    form.addEventListener("submit", function (e) { e.preventDefault(); sendTyped(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendTyped(); }
    });
    input.addEventListener("input", autoGrow);
    clearBtn.addEventListener("click", function () { showConfirm(confirm.hidden); });
    noBtn.addEventListener("click", function () { showConfirm(false); clearBtn.focus(); });
    yesBtn.addEventListener("click", clearConversation);
    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !help.hidden) { toggleHelp(false); helpBtn.focus(); }
    });
    return root;
  }

  function autoGrow() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight, 160) + "px";
  }

  function announce(text) {
    ui.live.textContent = "";
    window.setTimeout(function () { ui.live.textContent = text; }, 50);
  }

  // Only the message area scrolls (the page never does). New messages scroll it to
  // the end, except after a crisis card: its top (the numbers to call) stays in
  // view until the parent writes again, whatever follows it in the same turn.
  function scrollToEnd() {
    var sc = ui.scroller;
    var end = sc.scrollHeight - sc.clientHeight;
    var target = end;
    if (state.pin && state.pin.isConnected) {
      var top = state.pin.getBoundingClientRect().top - sc.getBoundingClientRect().top + sc.scrollTop - 8;
      target = Math.min(end, Math.max(0, top));
    }
    sc.scrollTop = target;
  }

  // ---------- messages ----------
  function messageItem(sender, date) {
    var li = el("li", { className: "pcw-msg pcw-" + sender });
    li.appendChild(el("span", { className: "pcw-vh", text: (sender === "user" ? S.you : S.bot) + ": " }));
    var bubble = el("div", { className: "pcw-bubble" });
    li.appendChild(bubble);
    var d = date || new Date();
    li.appendChild(el("time", { className: "pcw-time", datetime: d.toISOString(), text: formatTime(d) }));
    return { li: li, bubble: bubble };
  }

  function removeQuickReplies() {
    var groups = ui.log.querySelectorAll(".pcw-quick");
    Array.prototype.forEach.call(groups, function (g) { g.parentNode.removeChild(g); });
  }

  function addUser(text, date) {
    removeQuickReplies();
    state.pin = null;
    var item = messageItem("user", date);
    item.bubble.textContent = text;
    ui.log.appendChild(item.li);
    state.count += 1;
    scrollToEnd();
  }

  function quickReplies(list) {
    var group = el("div", { className: "pcw-quick", role: "group", "aria-label": S.bot });
    list.forEach(function (qr) {
      if (!qr || typeof qr.title !== "string") return;
      var b = el("button", { type: "button", className: "pcw-btn pcw-qr", text: qr.title });
      b.addEventListener("click", function () {
        if (sendToBot(String(qr.payload || qr.title), qr.title)) ui.input.focus();
      });
      group.appendChild(b);
    });
    return group;
  }

  function contactItem(c, h) {
    var li = el("li", { className: "pcw-contact" });
    li.appendChild(heading(h, { className: "pcw-contact-name" }, c.name || ""));
    if (c.description) li.appendChild(el("p", { text: c.description }));
    if (c.hours) li.appendChild(el("p", { className: "pcw-hours", text: c.hours }));
    var actions = el("div", { className: "pcw-contact-actions" });
    var tel = safeTel(c.tel || c.phone);
    if (tel) {
      var call = link(tel, S.call + " " + (c.phone || c.tel), false);
      call.className = "pcw-call";
      actions.appendChild(call);
    }
    var sms = safeSms(c.sms, c.sms_body);
    if (sms) {
      var label = c.sms_body ? S.text + " " + c.sms_body + " " + S.to + " " + c.sms : S.text + " " + c.sms;
      var t = link(sms, label, false);
      t.className = "pcw-call pcw-sms";
      actions.appendChild(t);
    }
    var web = safeWebUrl(c.url, true);
    if (web) {
      var w = link(web, S.website + ": " + (c.name || ""), true);
      w.className = "pcw-web";
      actions.appendChild(w);
    }
    li.appendChild(actions);
    return li;
  }

  function crisisCard(msg) {
    var titleId = nextId("crisis");
    var card = el("section", { className: "pcw-crisis", "aria-labelledby": titleId });
    card.appendChild(heading(cfg.headingLevel + 1, { id: titleId }, S.crisisTitle));
    var list = el("ul", { className: "pcw-contacts" });
    (Array.isArray(msg.contacts) ? msg.contacts : []).forEach(function (c) {
      if (c && typeof c === "object") list.appendChild(contactItem(c, cfg.headingLevel + 2));
    });
    card.appendChild(list);
    return card;
  }

  function detail(dl, term, value) {
    if (!value) return;
    dl.appendChild(el("dt", { text: term }));
    dl.appendChild(el("dd", { text: String(value) }));
  }

  // A compact card (name, what it is and who it is for in two lines each, the main
  // contact) with the rest behind a "More about this service" disclosure, so a card
  // stays under half a phone screen. Payload shape: docs/contracts.md
  // (ServiceCard.as_payload in bot/directory/queries.py). "opening" ("Open now,
  // until 5pm"), when the directory knows the hours, is shown on the card itself.
  function serviceCard(s) {
    var li = el("li", { className: "pcw-service" });
    var nameId = nextId("service");
    li.appendChild(heading(cfg.headingLevel + 2, { id: nameId, className: "pcw-service-name" }, s.name || ""));
    if (s.description) li.appendChild(el("p", { className: "pcw-service-what pcw-clamp", text: String(s.description) }));
    if (s.audience) {
      li.appendChild(el("p", { className: "pcw-service-who pcw-clamp" }, [el("span", { className: "pcw-k", text: S.who + ": " }), String(s.audience)]));
    }

    if (s.opening) li.appendChild(el("p", { className: "pcw-service-open", text: String(s.opening) }));

    var tel = safeTel(s.tel || s.phone);
    var mail = safeMailto(s.email);
    var web = safeWebUrl(s.url, true);
    var contacts = [];
    if (tel) contacts.push(link(tel, S.call + " " + (s.phone || s.tel), false));
    if (web) contacts.push(link(web, S.website, true));
    if (mail) contacts.push(link(mail, S.email + " " + mail.slice(7), false));
    // The short "Website" label still names the service for screen readers.
    if (web) contacts[tel ? 1 : 0].insertBefore(el("span", { className: "pcw-vh", text: ": " + (s.name || "") }), contacts[tel ? 1 : 0].lastChild);

    var row = el("div", { className: "pcw-service-row" });
    if (contacts.length) {
      contacts[0].className = "pcw-main-contact";
      row.appendChild(contacts[0]);
    }
    var detailsId = nextId("service-more");
    var more = el("button", { type: "button", className: "pcw-link-btn pcw-more", "aria-expanded": "false", "aria-controls": detailsId, "aria-describedby": nameId, text: S.moreAbout, "data-pcw-s": "moreAbout" });
    row.appendChild(more);
    li.appendChild(row);

    var details = el("div", { id: detailsId, className: "pcw-service-details", hidden: true });
    if (s.organisation && s.organisation !== s.name) details.appendChild(el("p", { className: "pcw-org", text: s.organisation }));
    var dl = el("dl", { className: "pcw-details" });
    detail(dl, S.cost, s.cost);
    detail(dl, S.when, s.schedule);
    detail(dl, S.how, s.mode);
    detail(dl, S.where, s.area);
    detail(dl, S.howToGet, s.how);
    if (dl.childNodes.length) details.appendChild(dl);
    if (contacts.length > 1) {
      var actions = el("div", { className: "pcw-contact-actions" });
      contacts.slice(1).forEach(function (a) { actions.appendChild(a); });
      details.appendChild(actions);
    }
    if (s.id) {
      // "This information is wrong": staff get the service's id, never the parent's words.
      var report = el("button", { type: "button", className: "pcw-link-btn pcw-report", "aria-describedby": nameId, text: S.reportWrong, "data-pcw-s": "reportWrong" });
      report.addEventListener("click", function () {
        sendToBot("/report_wrong_info" + JSON.stringify({ service_id: String(s.id) }), S.reportWrong + ": " + (s.name || ""));
      });
      details.appendChild(report);
    }
    li.appendChild(details);
    more.addEventListener("click", function () {
      var open = details.hidden;
      details.hidden = !open;
      li.classList.toggle("pcw-open", open);
      more.setAttribute("aria-expanded", open ? "true" : "false");
    });
    return li;
  }

  function serviceCards(msg) {
    var titleId = nextId("services");
    var wrap = el("section", { className: "pcw-services", "aria-labelledby": titleId });
    wrap.appendChild(heading(cfg.headingLevel + 1, { id: titleId, className: "pcw-vh" }, S.servicesTitle));
    var list = el("ul", { className: "pcw-service-list" });
    (Array.isArray(msg.services) ? msg.services : []).forEach(function (s) {
      if (s && typeof s === "object") list.appendChild(serviceCard(s));
    });
    wrap.appendChild(list);
    return wrap;
  }

  function addBot(msg, date, quiet) {
    if (!msg || typeof msg !== "object") return;
    state.count += 1;
    var item = messageItem("bot", date);
    var spoken = null;
    if (msg.type === "crisis") {
      if (msg.nation === "england" || msg.nation === "wales") state.nation = msg.nation;
      item.bubble.classList.add("pcw-card-bubble");
      item.bubble.appendChild(crisisCard(msg));
      state.pin = item.li;
      spoken = S.botSentContacts + " " + (msg.contacts || []).map(function (c) { return c && c.name; }).filter(Boolean).join(", ");
    } else if (msg.type === "services") {
      item.bubble.classList.add("pcw-card-bubble");
      item.bubble.appendChild(serviceCards(msg));
      spoken = S.botSentServices + " " + (msg.services || []).map(function (s) { return s && s.name; }).filter(Boolean).join(", ");
    } else if (typeof msg.text === "string") {
      var p = el("p", { className: "pcw-text" });
      renderRich(msg.text, p, true);
      item.bubble.appendChild(p);
      spoken = S.botSent + " " + msg.text;
    } else {
      // Unknown payloads still count: the server history has them too.
      return;
    }
    if (Array.isArray(msg.quick_replies) && msg.quick_replies.length) {
      removeQuickReplies();
      item.li.appendChild(quickReplies(msg.quick_replies));
    }
    ui.log.appendChild(item.li);
    if (!quiet) {
      setTyping(false);
      announce(spoken);
    }
    scrollToEnd();
  }

  function setTyping(on) {
    window.clearTimeout(state.typingTimer);
    ui.typing.hidden = !on;
    if (on) {
      state.typingTimer = window.setTimeout(function () { ui.typing.hidden = true; }, 20000);
      scrollToEnd();
    }
  }

  function sendToBot(payload, shown) {
    if (!state.socket || !state.online) {
      showStatus(S.notSent);
      announce(S.notSent);
      return false;
    }
    addUser(shown);
    if (payload === "/switch_language_cy" || payload === "/switch_language_en") setLang(payload.slice(-2));
    var data = { message: payload, session_id: state.sid };
    if (cfg.lang === "cy") data.metadata = { language: "cy" };
    state.socket.emit("user_uttered", data);
    setTyping(true);
    return true;
  }

  function sendTyped() {
    var text = ui.input.value.trim();
    if (!text) return;
    if (sendToBot(text, text)) {
      ui.input.value = "";
      autoGrow();
    }
  }

  // ---------- Cymraeg / English ----------
  // The widget's own labels follow the language; its Welsh labels come from the
  // server (/webchat/strings.json, built from data/wording/cy.yml).
  var ENGLISH = {};
  (function () { var k; for (k in S) ENGLISH[k] = S[k]; })();

  function loadStrings(done) {
    if (cfg.lang !== "cy") { done(); return; }
    var finished = false;
    function finish() { if (!finished) { finished = true; done(); } }
    window.setTimeout(finish, 2000);
    fetch(cfg.serverUrl + "/webchat/strings.json", { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (doc) { if (doc && doc.cy) { state.welsh = doc.cy; applyStrings(); } finish(); })
      .catch(finish);
  }

  function applyStrings() {
    var k;
    var source = cfg.lang === "cy" && state.welsh ? state.welsh : ENGLISH;
    for (k in ENGLISH) S[k] = typeof source[k] === "string" ? source[k] : ENGLISH[k];
    var nodes = document.querySelectorAll("[data-pcw-s]");
    Array.prototype.forEach.call(nodes, function (n) {
      var key = n.getAttribute("data-pcw-s");
      if (n.hasAttribute("aria-label") && n.getAttribute("data-pcw-attr") === "aria-label") n.setAttribute("aria-label", S[key]);
      else n.textContent = S[key];
    });
    if (ui.root) ui.root.setAttribute("lang", cfg.lang);
    labelLangButton();
  }

  function labelLangButton() {
    if (!ui.langBtn) return;
    var welsh = cfg.lang !== "cy";
    ui.langBtn.textContent = welsh ? "Cymraeg" : "English";
    ui.langBtn.setAttribute("lang", welsh ? "cy" : "en");
  }

  function setLang(lang) {
    cfg.lang = lang === "cy" ? "cy" : "en";
    try { window.sessionStorage.setItem(LANG_KEY, cfg.lang); } catch (e) { /* private mode */ }
    if (cfg.lang === "cy" && !state.welsh) loadStrings(function () {});
    else applyStrings();
  }

  // ---------- get help now ----------
  function contactsDoc() {
    if (state.contacts) return state.contacts;
    var inline = document.getElementById("pcw-contacts-data");
    if (inline) {
      try { state.contacts = JSON.parse(inline.textContent); } catch (e) { state.contacts = null; }
    }
    return state.contacts;
  }

  function loadContacts() {
    if (contactsDoc()) return;
    fetch(cfg.serverUrl + "/webchat/contacts.json", { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (doc) { if (doc && doc.sets) state.contacts = doc; })
      .catch(function () { /* the baked copy below is used */ });
  }

  // Last resort when the page could not get the contacts from the server at all.
  // >>> contacts (generated by python -m bot.safety.contacts --write; do not edit by hand)
  var BAKED = { sets: {
    uk: [
      { id: "emergency", name: "Emergency services", phone: "999", tel: "999", hours: "24 hours, every day", description: "Police, ambulance. Or go to A&E." },
      { id: "nhs111_england", name: "NHS 111 (England)", phone: "111", tel: "111", url: "https://111.nhs.uk", hours: "24 hours, every day", description: "Urgent mental health help. Call 111 and choose the mental health option." },
      { id: "nhs111_wales", name: "NHS 111 Wales", phone: "111", tel: "111", url: "https://111.wales.nhs.uk", hours: "24 hours, every day", description: "Urgent mental health help. Call 111 and press 2." },
      { id: "samaritans", name: "Samaritans", phone: "116 123", tel: "116123", url: "https://www.samaritans.org", hours: "24 hours, every day", description: "Free, confidential listening, day or night." },
      { id: "shout", name: "Shout", sms: "85258", sms_body: "SHOUT", url: "https://giveusashout.org", hours: "24 hours, every day", description: "Free text support, any time." }
    ],
    england: [
      { id: "emergency", name: "Emergency services", phone: "999", tel: "999", hours: "24 hours, every day", description: "Police, ambulance. Or go to A&E." },
      { id: "nhs111_england", name: "NHS 111 (England)", phone: "111", tel: "111", url: "https://111.nhs.uk", hours: "24 hours, every day", description: "Urgent mental health help. Call 111 and choose the mental health option." },
      { id: "samaritans", name: "Samaritans", phone: "116 123", tel: "116123", url: "https://www.samaritans.org", hours: "24 hours, every day", description: "Free, confidential listening, day or night." },
      { id: "shout", name: "Shout", sms: "85258", sms_body: "SHOUT", url: "https://giveusashout.org", hours: "24 hours, every day", description: "Free text support, any time." }
    ],
    wales: [
      { id: "emergency", name: "Emergency services", phone: "999", tel: "999", hours: "24 hours, every day", description: "Police, ambulance. Or go to A&E." },
      { id: "nhs111_wales", name: "NHS 111 Wales", phone: "111", tel: "111", url: "https://111.wales.nhs.uk", hours: "24 hours, every day", description: "Urgent mental health help. Call 111 and press 2." },
      { id: "samaritans", name: "Samaritans", phone: "116 123", tel: "116123", url: "https://www.samaritans.org", hours: "24 hours, every day", description: "Free, confidential listening, day or night." },
      { id: "shout", name: "Shout", sms: "85258", sms_body: "SHOUT", url: "https://giveusashout.org", hours: "24 hours, every day", description: "Free text support, any time." }
    ]
  } };
  // <<< contacts

  function toggleHelp(open) {
    ui.help.hidden = !open;
    ui.helpBtn.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) return;
    var doc = contactsDoc() || BAKED;
    var list = (doc.sets && (doc.sets[state.nation || "uk"] || doc.sets.uk)) || BAKED.sets.uk;
    ui.helpList.textContent = "";
    list.forEach(function (c) { ui.helpList.appendChild(contactItem(c, cfg.headingLevel + 2)); });
    ui.scroller.scrollTop = 0;
    ui.helpHeading.focus();
  }

  // ---------- clear ----------
  function showConfirm(open) {
    ui.confirm.hidden = !open;
    ui.clearBtn.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) ui.yesBtn.focus();
  }

  function clearConversation() {
    showConfirm(false);
    ui.log.textContent = "";
    state.count = 0;
    state.nation = null;
    state.pin = null;
    setTyping(false);
    forgetSid();
    state.sid = newSid();
    setSid(state.sid);
    if (state.socket && state.online) state.socket.emit("session_request", { session_id: state.sid, customData: { cards: true } });
    announce(S.cleared);
    ui.input.focus();
  }

  // ---------- quick exit (GOV.UK "Exit this page" pattern) ----------
  function quickExit() {
    try { if (state.socket) state.socket.disconnect(); } catch (e) { /* leaving anyway */ }
    forgetSid();
    try { document.title = ""; } catch (e) { /* ignore */ }
    if (document.body) document.body.textContent = "";
    window.location.replace(cfg.exitUrl);
  }

  function onKeyDown(e) {
    if (e.key !== "Shift") {
      if (e.shiftKey) state.shiftAsModifier = true;
      state.shiftCount = 0;
    }
  }
  function onKeyUp(e) {
    if (e.key !== "Shift") return;
    if (state.shiftAsModifier) { state.shiftAsModifier = false; return; }
    state.shiftCount += 1;
    window.clearTimeout(state.shiftTimer);
    if (state.shiftCount >= 3) { state.shiftCount = 0; quickExit(); return; }
    state.shiftTimer = window.setTimeout(function () { state.shiftCount = 0; }, cfg.exitShiftWindowMs);
  }

  // ---------- connection ----------
  function showStatus(text) {
    ui.statusText.textContent = text;
    ui.status.hidden = false;
  }

  function fetchHistory() {
    return fetch(cfg.serverUrl + "/webchat/history", {
      method: "POST", credentials: "omit", cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session_id: state.sid })
    }).then(function (r) { return r.ok ? r.json() : { messages: [] }; })
      .then(function (doc) { return Array.isArray(doc.messages) ? doc.messages : []; });
  }

  function renderHistory(messages) {
    messages.slice(state.count).forEach(function (m) {
      var d = typeof m.timestamp === "number" ? new Date(m.timestamp * 1000) : new Date();
      if (m.sender === "user") addUser(String(m.text || ""), d);
      else addBot(m.data, d, true);
    });
  }

  function connect() {
    if (typeof window.io !== "function") { showStatus(S.offline); return; }
    var socket = window.io(cfg.serverUrl, { path: cfg.socketPath, transports: ["websocket", "polling"], reconnectionDelayMax: 10000 });
    state.socket = socket;
    socket.on("connect", function () {
      var again = state.everConnected && !state.online;
      state.online = true;
      ui.root.setAttribute("data-state", "online");
      socket.emit("session_request", { session_id: state.sid, customData: { cards: true } });
      if (!ui.status.hidden) { ui.status.hidden = true; announce(S.connected); }
      if (again) fetchHistory().then(renderHistory).catch(function () { /* keep what is shown */ });
      state.everConnected = true;
    });
    socket.on("session_confirm", function (id) {
      var confirmed = typeof id === "string" ? id : id && id.session_id;
      if (confirmed && confirmed !== state.sid) { state.sid = confirmed; setSid(confirmed); }
    });
    socket.on("bot_uttered", function (msg) { addBot(msg, new Date(), false); });
    function offline() {
      state.online = false;
      ui.root.setAttribute("data-state", "offline");
      setTyping(false);
      showStatus(S.offline);
    }
    socket.on("disconnect", offline);
    socket.on("connect_error", offline);
  }

  function loadSocketIo(done) {
    if (typeof window.io === "function") { done(); return; }
    var s = document.createElement("script");
    s.src = cfg.staticBase + "vendor/socket.io.min.js";
    s.onload = done;
    s.onerror = done;
    document.head.appendChild(s);
  }

  function ensureStyles() {
    if (document.querySelector("link[data-pcw-css]")) return;
    var l = el("link", { rel: "stylesheet", href: cfg.staticBase + "widget.css", "data-pcw-css": "1" });
    document.head.appendChild(l);
  }

  // ---------- floating mode ----------
  var FULL_SCREEN = "(max-width: 39.99rem)";  // widget.css: below 40rem the panel fills the screen
  var FOCUSABLE = "a[href], button, textarea, input, select, [tabindex]:not([tabindex='-1'])";

  function focusables(container) {
    return Array.prototype.filter.call(container.querySelectorAll(FOCUSABLE), function (n) {
      return !n.disabled && n.getClientRects().length > 0;
    });
  }

  // While the panel covers the screen, the host page behind it is inert (no Tab stops,
  // no screen reader browsing, no scrolling); only the elements we made inert are restored.
  function makeHostInert(wrap, on) {
    if (on) {
      if (state.inerted) return;
      state.inerted = [];
      Array.prototype.forEach.call(document.body.children, function (n) {
        if (n === wrap || n.inert || /^(SCRIPT|STYLE|LINK|TEMPLATE)$/.test(n.tagName)) return;
        n.inert = true;
        state.inerted.push(n);
      });
      document.documentElement.classList.add("pcw-locked");
    } else {
      (state.inerted || []).forEach(function (n) { n.inert = false; });
      state.inerted = null;
      document.documentElement.classList.remove("pcw-locked");
    }
  }

  // Floating mode: a launcher (with "Get help now") opens the chat panel.
  function mountFloating(root) {
    var wrap = el("div", { className: "pcw-floating" });
    applyColours(wrap);
    var panel = el("div", { className: "pcw-panel", id: "pcw-panel", hidden: true });
    var close = el("button", { type: "button", className: "pcw-btn pcw-secondary pcw-close", text: S.closeChat, "data-pcw-s": "closeChat" });
    var open = el("button", { type: "button", className: "pcw-btn pcw-launch", "aria-expanded": "false", "aria-controls": "pcw-panel", text: S.launcher, "data-pcw-s": "launcher" });
    var quickHelp = el("button", { type: "button", className: "pcw-btn pcw-help-btn", text: S.getHelp, "data-pcw-s": "getHelp" });
    var launcher = el("div", { className: "pcw-launcher" }, [quickHelp, open]);
    var opener = open;
    var full = window.matchMedia ? window.matchMedia(FULL_SCREEN) : null;
    panel.appendChild(root);
    var header = root.querySelector(".pcw-header");
    header.insertBefore(close, header.children[1]);
    wrap.appendChild(panel);
    wrap.appendChild(launcher);

    function fitMode() {
      var modal = !panel.hidden && !!(full && full.matches);
      makeHostInert(wrap, modal);
      if (modal) {
        panel.setAttribute("role", "dialog");
        panel.setAttribute("aria-modal", "true");
        panel.setAttribute("aria-labelledby", "pcw-title");
      } else {
        panel.removeAttribute("role");
        panel.removeAttribute("aria-modal");
        panel.removeAttribute("aria-labelledby");
      }
    }
    function setOpen(v, from) {
      if (v && from) opener = from;
      panel.hidden = !v;
      launcher.hidden = v;
      open.setAttribute("aria-expanded", v ? "true" : "false");
      fitMode();
      if (v) scrollToEnd();
    }
    if (full) {
      if (full.addEventListener) full.addEventListener("change", fitMode);
      else if (full.addListener) full.addListener(fitMode);
    }
    // Focus trap while full screen: Tab and Shift+Tab go round the panel.
    panel.addEventListener("keydown", function (e) {
      if (e.key !== "Tab" || panel.getAttribute("aria-modal") !== "true") return;
      var list = focusables(panel);
      if (!list.length) return;
      var first = list[0];
      var last = list[list.length - 1];
      var active = document.activeElement;
      if (e.shiftKey && (active === first || !panel.contains(active))) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (active === last || !panel.contains(active))) { e.preventDefault(); first.focus(); }
    });
    open.addEventListener("click", function () { setOpen(true, open); ui.input.focus(); });
    quickHelp.addEventListener("click", function () { setOpen(true, quickHelp); toggleHelp(true); });
    close.addEventListener("click", function () { setOpen(false); opener.focus(); });
    document.body.appendChild(wrap);
  }

  function start() {
    loadStrings(startWithStrings);
  }

  function startWithStrings() {
    ensureStyles();
    var root = build();
    root.setAttribute("lang", cfg.lang);
    labelLangButton();
    var container = cfg.container ? document.querySelector(cfg.container) : null;
    if (container) container.appendChild(root);
    else mountFloating(root);
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("keyup", onKeyUp, true);
    loadContacts();

    state.sid = getSid();
    var fresh = !state.sid;
    if (fresh) { state.sid = newSid(); setSid(state.sid); }
    var restored = fresh ? Promise.resolve([]) : fetchHistory().catch(function () { return []; });
    restored.then(function (messages) {
      renderHistory(messages);
      loadSocketIo(connect);
    });
    window.PerinatalChat = { version: VERSION, exit: quickExit, openHelp: function () { toggleHelp(true); },
                             language: function () { return cfg.lang; }, setLanguage: setLang };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
