// What the client says about the shared archive, from the server's `verbatim/archiveState`:
// one line in the language status item, so a writer sees at a glance that the archive is
// down, slow or refused the login, and that the verdicts shown come from the local corpus only.
import type { ArchiveStateParams } from '../shared/protocol';
import type { LanguageStatusView } from './corpusState';

const FAILURE_TEXT: Record<string, string> = {
  down: 'Archive down',
  slow: 'Archive slow',
  login: 'Archive login refused',
  'not-an-archive': 'Archive not readable',
  'bad-url': 'Archive URL invalid',
};

/** The archive's language status item for the latest state. */
export function archiveStatusView(state: ArchiveStateParams): LanguageStatusView {
  if (state.ok) {
    return { text: 'Archive connected', detail: state.archive, severity: 0, busy: false, command: undefined };
  }
  return {
    text: FAILURE_TEXT[state.failure ?? ''] ?? 'Archive unavailable',
    detail: state.message ?? state.archive,
    severity: 1,
    busy: false,
    command: undefined,
  };
}
