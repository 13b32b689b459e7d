// Long messages are encoded and decoded in slices over stdio, and must come out exactly as the
// library's own writer and reader would make them.

import * as assert from 'assert';
import type { Message } from 'vscode-languageserver/node';
import { decodeMessage, encodeMessage } from '../../src/server/transport';

/** A diagnostic with the characters that test an encoder: quotes, emoji, lone surrogate halves, line breaks. */
function diagnostic(i: number): unknown {
  return {
    range: { start: { line: i, character: 2 }, end: { line: i, character: 40 } },
    severity: 2,
    source: 'verbatim',
    message: `Drift ${i}: “quoted” words 😀 \uD83D and \uDC00, a "straight" one\r\nand a \\ backslash`,
    data: { quote: `é${i}`, renderings: i % 3 ? [] : [{ title: 'Reuters', text: 'twelve\u2028thirteen' }] },
  };
}

describe('stdio transport', () => {
  it('encodes a message with a long list a batch at a time, byte for byte as JSON.stringify does', async () => {
    const messages: Message[] = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: Array.from({ length: 1000 }, (_, i) => diagnostic(i)), version: 7 } } as Message,
      { jsonrpc: '2.0', id: 3, result: { uri: 'file:///a.md', version: null, quotes: Array.from({ length: 300 }, (_, i) => ({ text: `q${i} “x”` })), counts: { drift: 1 } } } as Message,
      // A list with a single element, and one too short to slice.
      { jsonrpc: '2.0', id: 4, result: { items: Array.from({ length: 257 }, (_, i) => i), other: [1] } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///b.md', diagnostics: [diagnostic(1)] } } as Message,
      { jsonrpc: '2.0', id: 5, result: null } as Message,
    ];
    for (const message of messages) {
      let pauses = 0;
      const encoded = await encodeMessage(message, async () => {
        pauses++;
      });
      assert.ok(encoded.equals(Buffer.from(JSON.stringify(message), 'utf8')), JSON.stringify(message).slice(0, 80));
      const items = ((message as { params?: { diagnostics?: unknown[] } }).params?.diagnostics ?? []).length;
      if (items >= 1000) assert.ok(pauses >= 10, `paused ${pauses} times`);
    }
  });

  it('decodes a long message a piece at a time, with characters split between pieces', async () => {
    // Two- and four-byte characters at every offset, so some fall across a piece's edge.
    const text = 'é😀a“'.repeat(200_000);
    const message = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///a.md', version: 2 }, contentChanges: [{ text }] } };
    const bytes = Buffer.from(JSON.stringify(message), 'utf8');
    let pauses = 0;
    const decoded = await decodeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), async () => {
      pauses++;
    });
    assert.deepStrictEqual(decoded, message);
    assert.ok(pauses > 1, `paused ${pauses} times`);
    const small = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, result: 'ok “x”' }), 'utf8');
    assert.deepStrictEqual(await decodeMessage(small), { jsonrpc: '2.0', id: 1, result: 'ok “x”' });
  });
});
