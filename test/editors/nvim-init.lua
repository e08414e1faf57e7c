-- Headless Neovim (0.7+) as a transcript language server client.
-- nvim --headless --clean -u nvim-init.lua, with TRANSCRIPT_SERVER (dist/server.js),
-- TRANSCRIPT_FILE (the document) and TRANSCRIPT_OUT (where to write what Neovim received, as JSON).
local server = assert(os.getenv('TRANSCRIPT_SERVER'))
local file = assert(os.getenv('TRANSCRIPT_FILE'))
local out = assert(os.getenv('TRANSCRIPT_OUT'))
local result = { diagnostics = {}, shown = 0, errors = {} }

local function finish()
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

-- Whatever happens, leave within a minute.
vim.defer_fn(function()
  table.insert(result.errors, 'timed out')
  finish()
end, 60000)

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'transcript'

local client_id = vim.lsp.start_client({
  name = 'transcript',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      result.diagnostics = params.diagnostics
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local ready = vim.wait(30000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized and #result.diagnostics > 0
end, 50)
if not ready then
  table.insert(result.errors, 'no diagnostics received')
  finish()
  return
end
result.shown = #vim.diagnostic.get(bufnr)

local document = { uri = vim.uri_from_bufnr(bufnr) }
local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return nil
  end
  local response = responses[client_id]
  if response.err then table.insert(result.errors, method .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

result.symbols = request('textDocument/documentSymbol', { textDocument = document })
result.hover = request('textDocument/hover', { textDocument = document, position = { line = 4, character = 3 } })
finish()
