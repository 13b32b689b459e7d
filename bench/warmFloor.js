// The floor of a warm CLI start (`node bench/warmFloor.js CORPUS INDEX_FILE`): what any warm
// start must do before checking anything. Node starts, the corpus folder is listed, every file
// is stat'ed (size and time decide whether the cache still holds), and the cache's index file is
// read. Plain JavaScript with no imports of the engine, so nothing but those steps is timed.
'use strict';
const fs = require('fs');
const path = require('path');

const [corpus, indexFile] = process.argv.slice(2);
let files = 0;
let bytes = 0;
const pending = [corpus];
while (pending.length) {
  const folder = pending.pop();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      pending.push(full);
    } else if (entry.isFile()) {
      const stat = fs.statSync(full);
      bytes += stat.size + (stat.mtimeMs > 0 ? 0 : 1);
      files++;
    }
  }
}
const index = fs.readFileSync(indexFile);
process.stdout.write(`${JSON.stringify({ files, bytes, indexBytes: index.length })}\n`);
