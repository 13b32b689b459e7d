// Entry point VS Code calls inside the extension host: runs the mocha suite in
// extension.spec.js (bundled next to this file) and resolves once it has passed.
import * as path from 'path';
import Mocha from 'mocha';

/** Runs the suite; rejects when any test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  mocha.addFile(path.join(__dirname, 'extension.spec.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
