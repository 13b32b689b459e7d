// What the client says about the corpus, checking and workspace trust, decided from plain
// inputs so the wording and the rules can be tested without VS Code. The language status items
// (languageStatus.ts), the status bar, the Quotes view, the report and the no-corpus prompt all
// take their words from here, so every view says the same thing about the same state.
import type { IndexStateParams } from '../shared/protocol';
import { COMMANDS } from '../shared/commands';
import { plural } from './displayText';

/** VS Code's command that opens the workspace trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** Said wherever quotes would be listed when there is no corpus to check them against. */
export const NO_CORPUS_TEXT = 'No corpus: there are no sources to check these quotations against. Put them in a sources/ folder, name them in verbatim.json, or run "Verbatim: Pick Corpus Folder…".';

/** Said wherever quotes would be listed when checking is turned off. */
export const DISABLED_TEXT = 'Checking is turned off (verbatim.enable). Run "Verbatim: Toggle Checking" to turn it on.';

/** What Restricted Mode leaves out, in one sentence. */
export const RESTRICTED_TEXT = 'Restricted Mode: drafts are checked only against sources inside the workspace folder; corpus paths outside it are left out until you trust the workspace.';

/**
 * Whether anything asks for a corpus in this folder: a `sources/` folder, a verbatim.json, or a
 * `verbatim.corpus` setting the user wrote. Without any of them, a missing corpus is not news.
 */
export interface CorpusHints {
  hasSourcesFolder: boolean;
  hasConfigFile: boolean;
  corpusSettingSet: boolean;
}

/** True when the writer asked for a corpus somewhere, so its absence is worth telling. */
export function corpusExpected(hints: CorpusHints): boolean {
  return hints.hasSourcesFolder || hints.hasConfigFile || hints.corpusSettingSet;
}

/** Whether to show the no-corpus notification for a folder. */
export function shouldPromptNoCorpus(input: { expected: boolean; dismissedForWorkspace: boolean; alreadyShown: boolean }): boolean {
  return input.expected && !input.dismissedForWorkspace && !input.alreadyShown;
}

/** A language status item's content, in VS Code's terms (severity 0 information, 1 warning, 2 error). */
export interface LanguageStatusView {
  text: string;
  detail: string;
  severity: 0 | 1 | 2;
  busy: boolean;
  command: { title: string; command: string } | undefined;
}

/** The "Verbatim" language status item: checking on or off, and the corpus state. */
export function corpusStatusView(input: { enabled: boolean; index: IndexStateParams | undefined; expected: boolean }): LanguageStatusView {
  if (!input.enabled) {
    return { text: 'Verbatim: off', detail: 'Checking is turned off', severity: 0, busy: false, command: { title: 'Turn On', command: COMMANDS.toggleChecking } };
  }
  const index = input.index;
  if (!index) return { text: 'Verbatim', detail: 'Starting…', severity: 0, busy: true, command: undefined };
  switch (index.state) {
    case 'indexing':
      return { text: 'Verbatim: indexing…', detail: 'Reading the corpus', severity: 0, busy: true, command: undefined };
    case 'noCorpus':
      return {
        text: 'Verbatim: no corpus',
        // Short: the language status hover is narrow, and cuts the action off after a long detail.
        // When nothing asked for a corpus, say where one would come from; else that it is missing.
        detail: input.expected ? 'corpus not found' : 'no sources/ or verbatim.json',
        severity: input.expected ? 1 : 0,
        busy: false,
        command: { title: 'Pick Corpus Folder…', command: COMMANDS.pickCorpusFolder },
      };
    case 'error':
      return { text: 'Verbatim: index failed', detail: index.message ?? 'The corpus could not be indexed', severity: 2, busy: false, command: { title: 'Rebuild', command: COMMANDS.rebuildIndex } };
    default:
      return { text: `Verbatim: ${plural(index.documents, 'source')}`, detail: 'Quotations are checked against the corpus', severity: 0, busy: false, command: { title: 'Search Corpus', command: COMMANDS.searchCorpus } };
  }
}

/** The Restricted Mode item, or undefined in a trusted workspace. */
export function trustStatusView(trusted: boolean): LanguageStatusView | undefined {
  if (trusted) return undefined;
  return {
    text: 'Verbatim: Restricted Mode',
    detail: 'outside sources left out',
    severity: 1,
    busy: false,
    command: { title: 'Manage Workspace Trust', command: MANAGE_TRUST_COMMAND },
  };
}

/** The message of the Quotes view and the report for a draft, or undefined when quotes can be listed. */
export function quotesNotice(input: { enabled: boolean; index: IndexStateParams | undefined }): string | undefined {
  if (!input.enabled) return DISABLED_TEXT;
  if (input.index?.state === 'noCorpus') return NO_CORPUS_TEXT;
  return undefined;
}
