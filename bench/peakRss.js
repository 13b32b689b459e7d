// Preloaded into a process the benchmark starts (`node --require bench/peakRss.js …`): when the
// process exits, its peak resident memory in bytes is written to the file named by
// VERBATIM_BENCH_RSS_FILE, so the memory of the real command-line tool can be measured.
'use strict';
const fs = require('fs');

const file = process.env.VERBATIM_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
