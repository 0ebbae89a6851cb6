// On Record's pages' words for their scripts (episode.js, find.js, search.js), loaded before them:
// the page's strings in its language when it carries them (generator/i18n.py,
// Messages.script_strings: "key", or "key.<plural category>" for a count, with %(name)s
// placeholders); otherwise the English each script passes in.
window.onrecordStrings = (() => {
  let strings = {};
  try { strings = JSON.parse(document.getElementById("onr-strings")?.textContent || "{}"); } catch { /* English */ }
  const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? values[name] : whole));
  const say = (key, english, values = {}) => fill(strings[key] || english, values);
  // A message with a count: the language's plural form for `n`, numbers written its way.
  function sayCount(key, one, other, n, values = {}) {
    const number = (x) => (strings.lang ? x.toLocaleString(strings.lang) : String(x));
    let category = "other";
    try { if (strings.lang) category = new Intl.PluralRules(strings.lang).select(n); } catch { /* an unknown tag */ }
    const text = strings[`${key}.${category}`] || strings[`${key}.other`] || (n === 1 ? one : other);
    const numbers = Object.fromEntries(Object.entries(values).map(([name, x]) => [name, number(x)]));
    return fill(text, { num: number(n), ...numbers });
  }
  return { lang: strings.lang, say, sayCount };
})();
