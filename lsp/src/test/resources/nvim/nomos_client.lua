-- Starts the Nomos language server as Neovim's own LSP client does (Neovim 0.7 or newer, headless),
-- for the scripts beside this file. The server command comes as a JSON array in NOMOS_LSP_CMD.
local M = {}

--- Starts the server for `root` and returns the client id; `handlers` override the client's.
function M.start(root, handlers)
  local json = assert(os.getenv('NOMOS_LSP_CMD'), 'set NOMOS_LSP_CMD to the server command (JSON array)')
  local cmd = vim.fn.json_decode(json)
  return vim.lsp.start_client({
    name = 'nomos',
    cmd = cmd,
    root_dir = root,
    handlers = handlers or {},
    -- Every keystroke goes to the server at once, as a typing user's would with no debounce.
    flags = { debounce_text_changes = 0 },
  })
end

--- Opens `path` as a Nomos buffer attached to the client; returns the buffer.
function M.open(client_id, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'nomos' -- the languageId Neovim sends
  assert(vim.lsp.buf_attach_client(buf, client_id), 'cannot attach the client')
  return buf
end

--- Waits until `predicate()` holds, up to `ms`; returns whether it did.
function M.wait(ms, predicate)
  return vim.wait(ms, predicate, 10)
end

function M.write(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

--- A position {line, character} in the protocol's terms from a 1-based line and a 0-based byte column
--- (the texts of these scripts are ASCII, so bytes and UTF-16 units agree).
function M.params(buf, line, col)
  return {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line - 1, character = col },
  }
end

--- The 1-based line and 0-based column where `needle` first occurs in the buffer, plus `offset` columns.
function M.find(buf, needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = line:find(needle, 1, true)
    if at then
      return i, at - 1 + (offset or 0)
    end
  end
  error('not in the buffer: ' .. needle)
end

--- Runs `main`; an error in it is printed and ends Neovim with exit code 2 (not a hang at a prompt).
function M.run(main)
  local ok, err = xpcall(main, debug.traceback)
  if not ok then
    io.stdout:write('error: ' .. tostring(err) .. '\n')
    vim.cmd('cquit 2')
  end
end

return M
