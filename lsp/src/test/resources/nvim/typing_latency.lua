-- Typing latency of the Nomos language server as Neovim's LSP client sees it. Generates a file of
-- NOMOS_LINES lines (default 5000: a world and many laws), then types NOMOS_BURSTS new laws
-- (default 6) into its middle at NOMOS_CPS characters a second (default 25), one keystroke one
-- didChange. With every keystroke it asks for hover (on a name near the cursor) and completion
-- (at the cursor), in turn, without waiting for the answers. Prints p50/p95/max of hover and
-- completion (over all bursts, and per burst) and, per burst, the time from its last keystroke to
-- the diagnostics of that version.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local nomos = dofile(here .. 'nomos_client.lua')
local dir = assert(os.getenv('NOMOS_TEST_DIR'), 'set NOMOS_TEST_DIR')
local lines_wanted = tonumber(os.getenv('NOMOS_LINES') or '5000')
local cps = tonumber(os.getenv('NOMOS_CPS') or '25')
local bursts = tonumber(os.getenv('NOMOS_BURSTS') or '6')
local hr = vim.loop.hrtime
local function ms(ns) return ns / 1e6 end

local function generate(path)
  local out = {
    'world Big {', '  screen 160 x 210', '  velocity -10..10', '  contact_gap 0',
    '  actions NOOP, FIRE, RIGHT, LEFT', '  entity Player', '  entity Ball', '  entity Wall',
    '  entity Block { points: int 0..7 }', '}', '',
  }
  local n = 0
  while #out < lines_wanted do
    for _, l in ipairs({
      '/// Paddle ' .. n .. ' moves right.', 'law paddle_' .. n .. ' {', '  for p: Player',
      '  when action in {RIGHT}', '  then p.vx := clamp(min(p.vx + 2, 8), 8 - p.x, 136 - p.x)', '       p.vy := 0',
      '}', '', 'law bounce_' .. n .. ' {', '  on contact(b: Ball, w: Wall)', '  when b.vy > 0 and w.h > w.w',
      '  then b.vy := -b.vy', '}', '',
    }) do
      out[#out + 1] = l
    end
    n = n + 1
  end
  nomos.write(path, table.concat(out, '\n') .. '\n')
  return #out
end

local function percentile(values, p)
  if #values == 0 then return 0 end
  local sorted = vim.deepcopy(values)
  table.sort(sorted)
  return sorted[math.max(1, math.ceil(p / 100 * #sorted))]
end

local function summary(name, values, answered)
  io.stdout:write(string.format('%-12s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests, %d with a result)\n',
    name, percentile(values, 50), percentile(values, 95), percentile(values, 100), #values, answered))
end

nomos.run(function()
  local path = dir .. '/big.law'
  local total = generate(path)
  local published = {}
  local client_id = nomos.start(dir, {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[#published + 1] = { version = result.version, at = hr(), count = #result.diagnostics }
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
  })
  local buf = nomos.open(client_id, path)
  local client = vim.lsp.get_client_by_id(client_id)
  assert(nomos.wait(120000, function() return #published > 0 end), 'no diagnostics for the generated file')
  io.stdout:write(string.format('file: %d lines; typing %d laws at %d characters/s\n', total, bursts, cps))

  local hover_ms, completion_ms, diagnostics_ms = {}, {}, {}
  local per_burst = {} -- request latencies of each burst, hover and completion together
  local hovered, completed, requested = 0, 0, 0
  local errors = {}
  local interval = 1e9 / cps
  for burst = 1, bursts do
    -- Type a new law above the law in the middle of the file (a different place each burst).
    local at = math.floor(total / 2) + burst * 14
    while not vim.api.nvim_buf_get_lines(buf, at - 1, at, false)[1]:match('^law ') do at = at + 1 end
    local text = 'law typed_' .. burst .. ' {\n  for b: Ball, w: Wall\n  when b.vy > 0\n  then b.vy := -b.vy\n}\n\n'
    local row, col = at - 1, 0
    local start = hr()
    local mine = {}
    per_burst[burst] = mine
    for i = 1, #text do
      vim.wait(1000, function() return hr() >= start + (i - 1) * interval end, 1)
      local ch = text:sub(i, i)
      if ch == '\n' then
        vim.api.nvim_buf_set_text(buf, row, col, row, col, { '', '' })
        row, col = row + 1, 0
      else
        vim.api.nvim_buf_set_text(buf, row, col, row, col, { ch })
        col = col + 1
      end
      local sent = hr()
      requested = requested + 1
      if i % 2 == 0 then
        -- `b` of `then b.vy` in the law just below what is being typed.
        local below = row + 1
        while not vim.api.nvim_buf_get_lines(buf, below, below + 1, false)[1]:match('^  then ') do below = below + 1 end
        client.request('textDocument/hover', nomos.params(buf, below + 1, #'  then '), function(err, result)
          hover_ms[#hover_ms + 1] = ms(hr() - sent)
          mine[#mine + 1] = hover_ms[#hover_ms]
          if err then errors[#errors + 1] = err.message end
          if result and result.contents then hovered = hovered + 1 end
        end, buf)
      else
        client.request('textDocument/completion', nomos.params(buf, row + 1, col), function(err, result)
          completion_ms[#completion_ms + 1] = ms(hr() - sent)
          mine[#mine + 1] = completion_ms[#completion_ms]
          if err then errors[#errors + 1] = err.message end
          if result and #result > 0 then completed = completed + 1 end
        end, buf)
      end
    end
    local last = hr()
    local version = vim.lsp.util.buf_versions[buf]
    local ok = nomos.wait(30000, function()
      for _, p in ipairs(published) do
        if p.version and p.version >= version and p.at >= last then return true end
      end
      return false
    end)
    for _, p in ipairs(published) do
      if ok and p.version and p.version >= version and p.at >= last then
        diagnostics_ms[#diagnostics_ms + 1] = ms(p.at - last)
        break
      end
    end
    nomos.wait(1000, function() return false end)
  end
  nomos.wait(30000, function() return #hover_ms + #completion_ms >= requested end) -- the last answers
  summary('hover', hover_ms, hovered)
  summary('completion', completion_ms, completed)
  local bursts_p95 = {}
  for _, values in ipairs(per_burst) do bursts_p95[#bursts_p95 + 1] = string.format('%.0f', percentile(values, 95)) end
  io.stdout:write('requests     p95 of each burst (the first one warms the server up): ' .. table.concat(bursts_p95, ', ') .. ' ms\n')
  local each = {}
  for _, d in ipairs(diagnostics_ms) do each[#each + 1] = string.format('%.0f', d) end
  io.stdout:write(string.format('diagnostics  p50 %6.1f ms   max %6.1f ms   after the last keystroke of each burst: %s ms\n',
    percentile(diagnostics_ms, 50), percentile(diagnostics_ms, 100), table.concat(each, ', ')))
  if #errors > 0 then
    io.stdout:write(string.format('errors: %d, the first: %s\n', #errors, errors[1]))
  end
  vim.lsp.stop_client(client_id)
  nomos.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end)
  vim.cmd(#errors > 0 and 'cquit 1' or 'qall!')
end)
