// Tells the server where the effective `verbatim.corpus` setting comes from. The server keeps a
// corpus inside the workspace folder unless the user's own settings name folders outside it,
// and `workspace/configuration` answers with values only, so the client adds their origin.

import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { CORPUS_ORIGIN_KEY, type CorpusSettingOrigin, SETTINGS_SECTION } from '../shared/settings';

/** Where the effective `verbatim.corpus` for `scopeUri` is set: workspace or folder settings win over the user's. */
function corpusOrigin(scopeUri: string | undefined): CorpusSettingOrigin {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).inspect('corpus');
  if (inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined) return 'workspace';
  return inspected?.globalValue !== undefined ? 'user' : 'default';
}

/** Adds the corpus setting's origin to every answer for the `verbatim` section. */
export const corpusOriginMiddleware: Middleware['workspace'] = {
  configuration: async (params, token, next) => {
    const answers = await next(params, token);
    if (!Array.isArray(answers)) return answers;
    return answers.map((answer: unknown, i) => {
      const item = params.items[i];
      if (item?.section !== SETTINGS_SECTION || typeof answer !== 'object' || answer === null) return answer;
      return { ...answer, [CORPUS_ORIGIN_KEY]: corpusOrigin(item.scopeUri) };
    });
  },
};
