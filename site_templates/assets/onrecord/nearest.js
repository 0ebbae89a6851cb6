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
// max + 1 as soon as it must exceed max. Three rows, reused from call to call: the lookup
// compares a word with thousands, and allocating rows for each was most of its time.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * b.length + 2));
  let [before, previous, row] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length];
}

// The letters of a word as 32 bits (a letter's code modulo 32). Each edit takes at most one letter
// away and brings at most one: a word whose letters not in the other's number more than `max`
// is farther than `max`, which rules out most words before any distance is computed.
function letters(word) {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bits(n) {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

export class Vocabulary {
  constructor(text) {
    this.words = text.split("\n").filter(Boolean);
    this.keys = this.words.map(key);
    this.masks = Int32Array.from(this.keys, letters);
    this.bands = new Map();  // length -> the words' indices, most frequent first
    this.keys.forEach((k, i) => {
      if (!this.bands.has(k.length)) this.bands.set(k.length, []);
      this.bands.get(k.length).push(i);
    });
  }

  // Up to `limit` words within the word's edit budget, nearest first, then most frequent.
  // Only the length bands that can be that near are compared, and only words with nearly the
  // same letters.
  nearest(word, limit = 3) {
    const w = key(word);
    const max = budget(w);
    const mask = letters(w);
    const found = [];
    for (let length = w.length - max; length <= w.length + max; length++) {
      for (const i of this.bands.get(length) || []) {
        if (bits(mask & ~this.masks[i]) > max || bits(this.masks[i] & ~mask) > max) continue;
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
