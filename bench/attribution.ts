// `npm run bench:attribution`: the attribution figures of `npm run bench` without the generated
// corpora: speaker precision and recall on the labelled shapes, misattribution precision and
// recall on the wire draft, and the misattributed claims when each shared report is checked
// against the others. `--verbose` lists every miss.

import { repoRoot } from './benchPaths';
import { measureAttribution, printAttribution } from './sections/attribution';

async function main(): Promise<void> {
  const figures = await measureAttribution(repoRoot(), process.argv.includes('--verbose'));
  printAttribution(figures);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
