// The file-wide fix is declared where VS Code looks for it: a code action kind that
// `editor.codeActionsOnSave` completes, and a command in the Verbatim category.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, FIX_ALL_KIND } from '../../src/shared/commands';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('extension manifest: the file-wide fix', () => {
  it('declares source.fixAll.verbatim for the draft languages', () => {
    const declared = (manifest.contributes.codeActions as { languages: string[]; actions: { kind: string; title: string }[] }[])
      .filter((entry) => entry.actions.some((action) => action.kind === FIX_ALL_KIND));
    assert.deepStrictEqual(declared.map((entry) => entry.languages), [['markdown', 'plaintext']]);
  });

  it('contributes the command', () => {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === COMMANDS.fixAllDrifts);
    assert.deepStrictEqual(command, { command: 'verbatim.fixAllDrifts', title: 'Use the Source Wording for Every Drift in This File', category: 'Verbatim' });
  });
});
