-- Headless Neovim (0.7+) as a Verbatim LSP client. Run from test/e2e/neovim.e2e.test.ts as:
--   nvim --headless -u NONE -i NONE -n -c 'luafile nvim-client.lua' draft.md
-- Environment:
--   SERVER        path of dist/server.js (started as `node SERVER --stdio`)
--   OUT           file the observations are written to, as JSON
--   INIT_OPTIONS  JSON sent as initializationOptions (the way Neovim users pass settings)
--   WAIT_FOR      text a diagnostic message must contain before the client reads the rest
--   HOVER_LINE, HOVER_CHARACTER  0-based position of the hover request
-- Exits 0 after writing OUT, whatever it saw: the test decides what is right.

local out_path = assert(os.getenv('OUT'), 'OUT is required')
local wait_for = os.getenv('WAIT_FOR') or ''
local result = { version = vim.version(), diagnostics = {}, hover = vim.NIL, actions = {}, errors = {} }

local function finish()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

-- Any Lua error still produces an OUT file, so the test reports it instead of timing out.
local ok, err = pcall(function()
  vim.cmd('filetype on')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')

  -- vim.lsp.start() is 0.8+; start_client + buf_attach_client works from 0.5 on.
  local client_id = vim.lsp.start_client({
    name = 'verbatim',
    cmd = { 'node', assert(os.getenv('SERVER'), 'SERVER is required'), '--stdio' },
    root_dir = root,
    init_options = vim.fn.json_decode(os.getenv('INIT_OPTIONS') or '{}'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- The event loop keeps running while vim.wait polls, so notifications are processed.
  local function has_expected()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if string.find(d.message, wait_for, 1, true) then return true end
    end
    return false
  end
  result.diagnostics_received = vim.wait(45000, has_expected, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source or vim.NIL, message = d.message,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local position = { line = tonumber(os.getenv('HOVER_LINE')), character = tonumber(os.getenv('HOVER_CHARACTER')) }
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = position }, 10000)
  for _, response in pairs(hovers or {}) do
    if response.err then table.insert(result.errors, vim.inspect(response.err)) end
    local contents = response.result and response.result.contents
    if contents then result.hover = contents.value or vim.inspect(contents) end
  end

  -- The quick fixes offered on the hover position, with the text each would write.
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, position.line)
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = position, ['end'] = position },
    context = { diagnostics = lsp_diagnostics },
  }, 10000)
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      local texts = {}
      local edit = action.edit or {}
      for _, edits in pairs(edit.changes or {}) do
        for _, e in ipairs(edits) do table.insert(texts, e.newText) end
      end
      for _, change in ipairs(edit.documentChanges or {}) do
        for _, e in ipairs(change.edits or {}) do table.insert(texts, e.newText) end
      end
      table.insert(result.actions, { title = action.title, kind = action.kind or vim.NIL, newTexts = texts })
    end
  end

  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
