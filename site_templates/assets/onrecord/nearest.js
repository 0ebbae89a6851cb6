// On Record search page: the archive's words nearest to a word no page holds, for "Did you mean".
// search.js imports this only when a query has such a word; it then fetches the archive's words
// (pagefind/onrecord-words.txt, written by generator/vocabulary.py: one spelling for each word
// whatever its case and accents, most frequent first, one a line), once.

// A word as the vocabulary compares words: lower case, without accents ("Inès" -> "ines").
export const key = (word) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

// Edits allowed for a word of this length: none up to 2 letters, 1 up to 5, then 2 (the bands
// common spelling checkers use: a short word within 2 edits of a query is mostly another word).
export const budget = (word) => (word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);

// Edit distance counting a swap of two neighbours as one edit (optimal string alignment), or
// max + 1 as soon as it must exceed max.
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}

export class Vocabulary {
  constructor(text) {
    this.words = text.split("\n").filter(Boolean);
    this.keys = this.words.map(key);
    this.bands = new Map();  // length -> the words' indices, most frequent first
    this.keys.forEach((k, i) => {
      if (!this.bands.has(k.length)) this.bands.set(k.length, []);
      this.bands.get(k.length).push(i);
    });
  }

  // Up to `limit` words within the word's edit budget, nearest first, then most frequent.
  // Only the length bands that can be that near are compared.
  nearest(word, limit = 3) {
    const w = key(word);
    const max = budget(w);
    const found = [];
    for (let length = w.length - max; length <= w.length + max; length++) {
      for (const i of this.bands.get(length) || []) {
        const d = this.keys[i] === w ? max + 1 : distance(w, this.keys[i], max);
        if (d <= max) found.push([d, i]);
      }
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return found.slice(0, limit).map(([, i]) => this.words[i]);
  }

  // Whether some longer word starts with this one (a word still being typed).
  begins(word) {
    const w = key(word);
    return this.keys.some((k) => k.length > w.length && k.startsWith(w));
  }
}

let loading;
// The archive's words, fetched once; none when the file is missing (an index built before it).
export function vocabulary(url) {
  loading ??= fetch(url).then((r) => (r.ok ? r.text() : "")).catch(() => "").then((text) => new Vocabulary(text));
  return loading;
}
