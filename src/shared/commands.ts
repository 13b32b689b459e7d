// Command ids the client contributes in package.json. Kept in one place so the manifest, the
// client and anything the server suggests (code lenses, messages) cannot drift apart.

export const COMMANDS = {
  searchCorpus: 'verbatim.searchCorpus',
  checkWorkspace: 'verbatim.checkWorkspace',
  rebuildIndex: 'verbatim.rebuildIndex',
  showReport: 'verbatim.showReport',
  exportReport: 'verbatim.exportReport',
  restartServer: 'verbatim.restartServer',
  revealQuote: 'verbatim.revealQuote',
  pickCorpusFolder: 'verbatim.pickCorpusFolder',
  openSourceText: 'verbatim.openSourceText',
  toggleChecking: 'verbatim.toggleChecking',
  fixAllDrifts: 'verbatim.fixAllDrifts',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The code action kind of the file-wide fix, which `editor.codeActionsOnSave` and the fixAllDrifts command ask for. */
export const FIX_ALL_KIND = 'source.fixAll.verbatim';
