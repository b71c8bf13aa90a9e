-- Drives the Nomos language server through Neovim's built-in LSP client and checks the answers:
-- diagnostics, hover, completion (plain text: Neovim 0.7 announces no snippet support),
-- definition, prepareRename/rename and formatting. Prints one line per check and ends with
-- "nvim-lsp: N checks, 0 failed"; exits 1 if any failed. NOMOS_TEST_DIR is a scratch directory.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local nomos = dofile(here .. 'nomos_client.lua')
local dir = assert(os.getenv('NOMOS_TEST_DIR'), 'set NOMOS_TEST_DIR')

local checks, failed = 0, 0
local function check(ok, what, detail)
  checks = checks + 1
  if not ok then
    failed = failed + 1
  end
  io.stdout:write((ok and 'ok   ' or 'FAIL ') .. what .. (ok and '' or ('  -- ' .. vim.inspect(detail))) .. '\n')
end

nomos.run(function()
  nomos.write(dir .. '/world.law', table.concat({
    'world W {',
    '  screen 160 x 210',
    '  velocity -8..8',
    '  actions NOOP, UP, DOWN',
    '  /// The ball.',
    '  entity Ball',
    '  entity Wall',
    '}',
    '',
  }, '\n'))
  nomos.write(dir .. '/laws.law', table.concat({
    'use "world.law"',
    '',
    'law bounce {',
    '  on contact(b: Ball, w: Wall)',
    '  then b.vy := ',
    '}',
    '',
  }, '\n'))

  local client_id = nomos.start(dir)
  local buf = nomos.open(client_id, dir .. '/laws.law')
  local client = vim.lsp.get_client_by_id(client_id)
  local function request(method, params)
    local answer, err = client.request_sync(method, params, 20000, buf)
    return answer, err
  end

  -- Diagnostics: the unfinished assignment is a syntax error...
  local got = nomos.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end)
  local diags = vim.diagnostic.get(buf)
  check(got and diags[1].code == 'N001' and diags[1].lnum >= 4 and diags[1].lnum <= 5,
    'diagnostics: N001 at the unfinished assignment', diags)

  -- ...and typing the missing operand (an incremental change) clears it.
  local line, col = nomos.find(buf, 'b.vy := ', #'b.vy := ')
  vim.api.nvim_buf_set_text(buf, line - 1, col, line - 1, col, { '-b.vy' })
  check(nomos.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end), 'diagnostics: cleared after the fix',
    vim.diagnostic.get(buf))

  -- Hover on the binder shows its type and the entity's doc comment.
  line, col = nomos.find(buf, 'then b.vy', #'then ')
  local hover = request('textDocument/hover', nomos.params(buf, line, col))
  local text = hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  check(text:find('b: Ball', 1, true) and text:find('The ball.', 1, true), 'hover: the binder\'s type and docs', hover)

  -- Completion after `b.` lists the attributes; functions insert plain text, not snippets.
  line, col = nomos.find(buf, 'then b.', #'then b.')
  local completion = request('textDocument/completion', nomos.params(buf, line, col))
  local labels = {}
  for _, item in ipairs((completion and completion.result) or {}) do
    labels[item.label] = item
  end
  check(labels.vy and labels.alive and labels.x, 'completion: attributes after b.', completion)
  line, col = nomos.find(buf, ':= -b.vy', #':= ')
  completion = request('textDocument/completion', nomos.params(buf, line, col))
  labels = {}
  for _, item in ipairs((completion and completion.result) or {}) do
    labels[item.label] = item
  end
  check(labels.clamp and labels.clamp.insertText == 'clamp' and labels.clamp.insertTextFormat == 1,
    'completion: plain text for a client without snippet support', labels.clamp)

  -- Definition of the entity type goes to the world file.
  line, col = nomos.find(buf, 'b: Ball', #'b: B')
  local definition = request('textDocument/definition', nomos.params(buf, line, col))
  local location = definition and definition.result and (definition.result[1] or definition.result)
  check(location and location.uri and location.uri:match('world%.law$') and location.range.start.line == 5,
    'definition: Ball in world.law line 6', definition)

  -- prepareRename on a keyword says why not; rename of the binder edits every use.
  line, col = nomos.find(buf, 'then b.vy', 1)
  local refused, refusal = request('textDocument/prepareRename', nomos.params(buf, line, col))
  local message = refused and refused.err and refused.err.message or vim.inspect(refusal)
  check(message:find('cannot rename here', 1, true), 'prepareRename: refused with a reason', refused)
  line, col = nomos.find(buf, 'contact(b', #'contact(')
  local rename_params = nomos.params(buf, line, col)
  rename_params.newName = 'ball'
  local rename = request('textDocument/rename', rename_params)
  if rename and rename.result then
    vim.lsp.util.apply_workspace_edit(rename.result, client.offset_encoding or 'utf-16')
  end
  local renamed = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  check(renamed:find('contact(ball: Ball', 1, true) and renamed:find('then ball.vy := -ball.vy', 1, true)
    and not renamed:find('b%.vy'), 'rename: every use of the binder', renamed)

  -- Formatting: a badly laid out law comes back as `nomos fmt` prints it (the test compares the file).
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { 'law   still {for w:Wall', 'then w.vx:=0 w.vy := 0}' })
  local formatting = request('textDocument/formatting',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, options = { tabSize = 2, insertSpaces = true } })
  local edits = formatting and formatting.result or {}
  if #edits > 0 then
    vim.lsp.util.apply_text_edits(edits, buf, client.offset_encoding or 'utf-16')
  end
  check(#edits > 0, 'formatting: edits for the badly laid out law', formatting)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  nomos.write(dir .. '/formatted.law', table.concat(lines, '\n') .. '\n')

  io.stdout:write(string.format('nvim-lsp: %d checks, %d failed\n', checks, failed))
  vim.lsp.stop_client(client_id)
  nomos.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end)
  if failed > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end)
