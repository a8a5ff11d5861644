-- Neovim 0.7 (Debian's package), headless, with the set-up docs/editors.md gives for it
-- (`vim.lsp.start_client` + `vim.lsp.buf_attach_client`): opens `src/lib.rs` of the workspace
-- `TLSLINT_WS`, waits for tlslint's diagnostic, checks its code and the hover, applies the
-- preferred quick fix through `vim.lsp.buf.code_action()` (the selection UI answered by the first
-- entry), and checks the buffer and that the diagnostic goes away. Exits 0 on success, 1 with a
-- message on stderr otherwise. Run by `tests/editors.rs`.

local bin = os.getenv('TLSLINT_BIN')
local root = os.getenv('TLSLINT_WS')

local function finish(code, message)
  if message then
    io.stderr:write(message .. '\n')
  end
  vim.cmd(code == 0 and 'qall!' or 'cquit!')
end

local function check(ok, message)
  if not ok then
    finish(1, 'FAIL: ' .. message)
    error(message)
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/src/lib.rs'))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'tlslint',
  cmd = { bin, 'tlslint', 'server', '--stdio' },
  root_dir = root,
})
check(client_id ~= nil, 'the server did not start')
vim.lsp.buf_attach_client(buf, client_id)

local function tlslint_diagnostics()
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
end

check(vim.wait(20000, function() return #tlslint_diagnostics() > 0 end, 20), 'no diagnostic within 20 s')
local d = tlslint_diagnostics()[1]
check(d.code == 'TLS301', 'code ' .. tostring(d.code))
check(d.source == 'tlslint', 'source ' .. tostring(d.source))
check(d.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(d.severity))
local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
check(line:find('min_tls_version(Version::TLS_1_0)', 1, true) ~= nil, 'finding on line: ' .. line)
check(line:sub(d.col + 1, d.end_col) == 'min_tls_version', 'range covers ' .. line:sub(d.col + 1, d.end_col))

vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 5000)
local contents = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents
check(contents ~= nil and contents.value:find('# TLS301 `legacy_tls_version`', 1, true) == 1, 'hover: ' .. vim.inspect(contents))

local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    table.insert(offered, item[2].title)
  end
  on_choice(items[1], 1)
end
vim.lsp.buf.code_action()
check(vim.wait(5000, function()
  return vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]:find('TLS_1_2', 1, true) ~= nil
end, 20), 'the quick fix was not applied; offered: ' .. vim.inspect(offered))
check(offered[1] == 'raise the minimum to TLS 1.2 (TLS301)', 'offered: ' .. vim.inspect(offered))
local fixed = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
check(fixed == line:gsub('TLS_1_0', 'TLS_1_2'), 'fixed line: ' .. fixed)
check(vim.wait(5000, function() return #tlslint_diagnostics() == 0 end, 20), 'the diagnostic stayed after the fix')

vim.lsp.stop_client(client_id)
finish(0)
