// On Record: "Cite" on every turn of an episode page. Each turn's heading gets a Cite button after
// its # link; it opens one shared dialog with the moment cited in APA 7, Chicago (a note, which
// carries the moment's time) and BibTeX, each with a Copy button. The episode's facts come from the
// page (#onr-cite: generator/pages/episode.py, citation), the turn's speaker, time and anchor from
// its heading, the address from `location`: the page's own, with the fragment the # link copies.
// Without JavaScript there is no button (the server writes none) and the # link is the permalink.
// Everything from the page reaches the dialog as textContent, never as markup. The dialog is
// episode.js's (window.onrecordDialog): a popover with role="dialog", which opens in a few ms where
// showModal() took most of a second on a long page; without it (no Popover API) there is no button.
(() => {
  const transcript = document.querySelector(".onr-transcript");
  let facts = null;
  try { facts = JSON.parse(document.getElementById("onr-cite")?.textContent || "null"); } catch { /* no facts: no Cite */ }
  const dialogs = window.onrecordDialog;
  if (!transcript || !facts || typeof facts !== "object" || !dialogs) return;
  const { say } = window.onrecordStrings;

  // Names. A person's name (a linked speaker) is inverted for APA ("Quinn, M. J.") and BibTeX
  // ("Quinn, Mara J."); a label ("AUDIENCE MEMBER"), a one-word name and anything reading as an
  // organisation ("Smith and Sons") are written as they are. Titles before a name are dropped
  // (APA omits them), "van", "de"... stay with the family name, "Jr.", "III" follow it.
  const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ten", "ter", "bin", "ibn", "al", "el"]);
  const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
  const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev)\.?$/i;

  // {family, given, suffix} of a person's name; given "" for a single name (and for an organisation).
  function nameParts(name) {
    let text = name.trim().replace(/\s+/g, " ");
    let suffix = "";
    const commas = text.split(/\s*,\s*/);
    if (commas.length > 1 && SUFFIX.test(commas[commas.length - 1])) { suffix = commas.pop(); text = commas.join(", "); }
    if (text.includes(",")) {  // written inverted already: "King, Martin Luther"
      const [family, ...given] = text.split(/\s*,\s*/);
      return { family, given: given.join(" "), suffix };
    }
    let words = text.split(" ");
    if (words.some((word) => word === "and" || word === "&")) return { family: text, given: "", suffix: "" };
    while (words.length > 1 && HONORIFIC.test(words[0])) words = words.slice(1);
    if (words.length > 2 && SUFFIX.test(words[words.length - 1])) suffix = words.pop();
    if (words.length < 2) return { family: words.join(" "), given: "", suffix };
    let at = words.length - 1;
    while (at > 1 && PARTICLES.has(words[at - 1])) at -= 1;
    return { family: words.slice(at).join(" "), given: words.slice(0, at).join(" "), suffix };
  }

  // "Mara Jane" -> "M. J."; "Jean-Paul" -> "J.-P."
  const initials = (given) => given.split(" ").filter(Boolean)
    .map((word) => word.split("-").map((part) => `${Array.from(part)[0].toUpperCase()}.`).join("-")).join(" ");
  const ended = (text) => (/[.?!]$/.test(text) ? text : `${text}.`);

  function apaAuthor(who) {
    if (!who.person) return ended(who.name);
    const { family, given, suffix } = nameParts(who.name);
    return ended([family, given && initials(given), suffix].filter(Boolean).join(", "));
  }

  // BibTeX: its special characters escaped; a label or one-word name braced, so BibTeX takes no
  // part of it for a first name or splits it at an "and".
  const BIB = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "%": "\\%", "&": "\\&", "$": "\\$", "#": "\\#", "_": "\\_", "^": "\\^{}", "~": "\\~{}" };
  const bib = (text) => text.replace(/[\\{}%&$#_^~]/g, (c) => BIB[c]);
  function bibAuthor(who) {
    const { family, given, suffix } = who.person ? nameParts(who.name) : { family: who.name, given: "", suffix: "" };
    if (!given) return `{${bib(family)}}`;
    return [family, suffix, given].filter(Boolean).map(bib).join(", ");
  }
  const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  const clock = (seconds) => {
    const s = Math.floor(seconds);
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, "0")).join(":");
  };

  // The three citations of a moment: `who` {name, person} or null (unattributed), `time` seconds or
  // null, `url` the moment's address, `anchor` its turn's id (for the BibTeX key); `about` the
  // episode (the page's facts).
  function citations({ who, time, url, anchor }, about = facts) {
    const at = time == null ? "" : clock(time);
    const { title, show, site, iso } = about;
    const year = iso ? iso.slice(0, 4) : "";
    const kind = about.audio ? say("cite_podcast_episode", "Audio podcast episode") : say("cite_transcript", "Transcript");
    const date = iso ? `(${year}, ${about.month_day})` : `(${say("cite_nd", "n.d.")})`;
    const work = `${title} [${kind}${at ? `, ${at}` : ""}].`;
    const apa = [...(who ? [apaAuthor(who), `${date}.`, work] : [work, `${date}.`]),
      ended(`${say("cite_in", "In")} ${show}`), site && ended(site), url].filter(Boolean).join(" ");

    const comma = /[.?!]$/.test(title) ? "" : ",";
    const medium = about.audio ? say("cite_podcast_audio", "podcast audio") : say("cite_transcript_note", "transcript");
    const rest = [show, site, about.date, medium, at && say("cite_at", "at %(time)s", { time: at }), url].filter(Boolean);
    const chicago = `${who ? `${who.name}, ` : ""}“${title}${comma}” ${rest.join(", ")}.`;

    const fields = [
      who && ["author", bibAuthor(who)],
      ["title", `{${bib(title)}}`],
      ["howpublished", `\\url{${url.replace(/[%#]/g, (c) => `\\${c}`)}}`],
      year && ["year", year],
      iso && ["month", MONTHS[Number(iso.slice(5, 7)) - 1]],
      ["note", bib([show, at && say("cite_at", "at %(time)s", { time: at })].filter(Boolean).join(", "))],
      site && ["publisher", bib(site)],
    ].filter(Boolean);
    const key = `${about.key}:${anchor}`.replace(/[^A-Za-z0-9:_-]+/g, "-");
    const body = fields.map(([name, value]) => `  ${name} = ${name === "month" || name === "year" ? value : `{${value}}`},`);
    const bibtex = [`@misc{${key},`, ...body, "}"].join("\n");
    return { apa, chicago, bibtex };
  }

  // The moment a turn's heading stands for.
  function moment(head) {
    const name = head.querySelector(".onr-who");
    const turn = head.closest(".onr-turn");
    const fragment = head.querySelector("a.onr-link")?.getAttribute("href") || `#${head.id}`;
    const address = new URL(location.href);
    address.search = "";
    address.hash = "";
    return {
      who: !name || name.classList.contains("onr-unattributed") ? null : { name: name.textContent.trim(), person: name.matches("a") },
      time: turn?.dataset.start ? Number(turn.dataset.start) : null,
      url: address.href + fragment,
      anchor: head.id,
    };
  }

  const STYLES = [["apa", "APA"], ["chicago", "Chicago"], ["bibtex", "BibTeX"]];
  let dialog = null;

  function build() {
    const box = document.createElement("div");
    const title = Object.assign(document.createElement("h2"), { id: "onr-cite-title", textContent: say("cite_title", "Cite this moment") });
    const what = Object.assign(document.createElement("p"), { className: "onr-cite-what" });
    const status = Object.assign(document.createElement("p"), { className: "onr-cite-status" });
    status.setAttribute("role", "status");
    box.append(title, what);
    for (const [id, style] of STYLES) {
      const section = document.createElement("section");
      const heading = Object.assign(document.createElement("h3"), { textContent: style });
      const text = Object.assign(document.createElement("pre"), { id: `onr-cite-${id}` });
      const copy = Object.assign(document.createElement("button"), { type: "button", className: "onr-cite-copy", textContent: say("cite_copy", "Copy") });
      copy.setAttribute("aria-label", say("cite_copy_style", "Copy %(style)s", { style }));
      copy.addEventListener("click", () => copyText(text, style, status));
      section.append(heading, text, copy);
      box.append(section);
    }
    const close = Object.assign(document.createElement("button"), { type: "button", className: "onr-cite-close", textContent: say("close", "Close") });
    close.addEventListener("click", () => made.hidePopover());
    box.append(status, close);
    const made = dialogs.make("onr-cite-dialog", title);
    made.append(box);
    return made;
  }

  // The clipboard, else the old copy command on the text selected, else the text left selected
  // for the reader to copy (a page served over plain HTTP has no clipboard API).
  async function copyText(element, style, status) {
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(element.textContent);
      status.textContent = say("cite_copied", "%(style)s citation copied", { style });
      return;
    } catch { /* below */ }
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    let copied = false;
    try { copied = document.execCommand("copy"); } catch { /* left selected */ }
    status.textContent = copied ? say("cite_copied", "%(style)s citation copied", { style }) : say("cite_select", "Selected: press Ctrl+C to copy");
  }

  function open(button) {
    dialog ||= build();
    const at = moment(button.closest(".onr-turn-head"));
    const texts = citations(at);
    for (const [id] of STYLES) dialog.querySelector(`#onr-cite-${id}`).textContent = texts[id];
    dialog.querySelector(".onr-cite-what").textContent = [at.who?.name, at.time == null ? "" : clock(at.time)].filter(Boolean).join(" · ");
    dialog.querySelector(".onr-cite-status").textContent = "";
    dialogs.open(dialog, dialog.querySelector(".onr-cite-copy"), button);
  }

  // One button after each turn's # link: out of the Tab order like the turn's other controls
  // (episode.js: a turn is one Tab stop; ←/→ reach its speaker, time, link and this).
  const model = Object.assign(document.createElement("button"), { type: "button", className: "onr-cite", tabIndex: -1, textContent: say("cite", "Cite") });
  model.setAttribute("aria-label", say("cite_label", "Cite this moment"));
  model.setAttribute("aria-haspopup", "dialog");
  for (const link of transcript.querySelectorAll(".onr-turn-head > a.onr-link")) link.after(model.cloneNode(true));
  transcript.addEventListener("click", (event) => {
    const button = event.target.closest("button.onr-cite");
    if (button) open(button);
  });
  window.onrecordCite = { citations, nameParts };  // for tests, and for a site's own scripts
})();
