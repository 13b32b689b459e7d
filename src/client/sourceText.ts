// Extracted source text in the editor: a read-only `verbatim-source:` document per PDF or Word
// source, filled by the server's `verbatim/sourceText`, so Go to Definition and hover links
// land on the passage in the text that was matched. Hovers get their links to such documents
// turned into a trusted command, since VS Code does not follow other schemes from a hover.
import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { COMMANDS } from '../shared/commands';
import { SourceTextRequest } from '../shared/protocol';
import { ARCHIVE_DOCUMENT_SCHEME } from '../shared/archiveUri';
import { SOURCE_TEXT_SCHEME } from '../shared/sourceText';
import { hasSourceLinks, parseOpenSourceTextArgs, rewriteSourceLinks } from './sourceLinks';
import { errorText } from './workspaceCommands';

/** Serves extracted source text from the server. */
class SourceTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: BaseLanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    try {
      const result = await this.client.sendRequest(SourceTextRequest, { uri: uri.toString() }, token);
      return result.text;
    } catch (error) {
      // The tab stays open and says why, instead of an editor error with no context.
      return `Verbatim could not show this source: ${errorText(error)}`;
    }
  }
}

/** Opens extracted source text at a 1-based line (the target of rewritten hover links). */
async function openSourceText(uri: unknown, line: unknown): Promise<void> {
  const args = parseOpenSourceTextArgs(uri, line);
  if (!args) {
    void vscode.window.showErrorMessage('Verbatim: openSourceText needs a verbatim-source URI.');
    return;
  }
  const position = new vscode.Position(Math.max(0, (args[1] ?? 1) - 1), 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(args[0]), { selection: new vscode.Range(position, position), preview: true });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Rewrites links to extracted text in one hover part, trusting only the command it links to. */
function trustSourceLinks(part: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString | vscode.MarkedString {
  if (!(part instanceof vscode.MarkdownString) || !hasSourceLinks(part.value)) return part;
  const rewritten = new vscode.MarkdownString(rewriteSourceLinks(part.value), part.supportThemeIcons);
  rewritten.isTrusted = { enabledCommands: [COMMANDS.openSourceText] };
  return rewritten;
}

/** Language client middleware that makes hover links to extracted source text clickable. */
export const sourceLinkMiddleware: Middleware = {
  provideHover: async (document, position, token, next) => {
    const hover = await next(document, position, token);
    if (!hover) return hover;
    return new vscode.Hover(hover.contents.map(trustSourceLinks), hover.range);
  },
};

/** Registers the `verbatim-source:` content provider and the command hover links use. */
export function registerSourceText(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_TEXT_SCHEME, new SourceTextProvider(client)),
    // Archived documents are read-only text the server reads from the shared archive.
    vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_DOCUMENT_SCHEME, new SourceTextProvider(client)),
    vscode.commands.registerCommand(COMMANDS.openSourceText, openSourceText),
  );
}
