-- A second, real LSP client for regtext: headless Neovim (0.7 from Debian bookworm, or newer).
-- Run by test/editor/neovim.mjs as
--   REGTEXT_NVIM_SPEC=spec.json nvim --headless --clean -u test/editor/nvim/init.lua
-- spec.json: { cmd = {...}, root = dir, out = path, timeout_ms = n,
--              files = { { path = ..., probes = { { name, method, line, character, retry }, ... } }, ... } }
-- It starts the server on filetype regtext/text/markdown, opens each file, waits (vim.wait on a condition) until
-- the client is attached, sends each probe with vim.lsp.buf_request_sync and writes the raw results to `out`.
-- A probe with `retry` is sent again (until timeout_ms) while its answer is empty: a cross-file answer needs the
-- server to have indexed the workspace, which it does in the background after start-up.
-- It judges nothing: neovim.mjs checks the results.

local spec_path = os.getenv('REGTEXT_NVIM_SPEC')
local function read_json(path)
  local file = assert(io.open(path, 'r'), 'cannot read ' .. tostring(path))
  local text = file:read('*a')
  file:close()
  return vim.fn.json_decode(text)
end

local spec = read_json(spec_path)
local timeout_ms = spec.timeout_ms or 20000
local output = { nvim = vim.version(), files = {}, errors = {} }

vim.o.hidden = true
vim.o.swapfile = false
-- -u skips the defaults: turn filetype detection on (*.txt -> text) and add ours.
vim.cmd('filetype on')
vim.cmd([[autocmd BufRead,BufNewFile *.notice,*.regtext setfiletype regtext]])

local client_id = nil
local attached = {}

local config = {
  name = 'regtext',
  cmd = spec.cmd,
  root_dir = spec.root,
  on_attach = function(_, bufnr)
    attached[bufnr] = true
  end,
  on_exit = function(code, signal)
    table.insert(output.errors, string.format('server exited (code %s, signal %s)', tostring(code), tostring(signal)))
  end,
}

local function attach(bufnr)
  if vim.lsp.start then
    -- Neovim 0.8+: starts the client once per root and attaches the buffer.
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    -- Neovim 0.7: start the client once, attach each buffer.
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'regtext', 'text', 'markdown' },
  callback = function(args)
    attach(args.buf)
  end,
})

local function write_output()
  local file = assert(io.open(spec.out, 'w'))
  file:write(vim.fn.json_encode(output))
  file:close()
end

local function run()
  for _, entry in ipairs(spec.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(entry.path))
    local bufnr = vim.api.nvim_get_current_buf()
    local result = { path = entry.path, filetype = vim.bo[bufnr].filetype, probes = {} }
    output.files[#output.files + 1] = result
    local ok = vim.wait(timeout_ms, function()
      return attached[bufnr] == true
    end, 20)
    result.attached = ok
    if not ok then
      table.insert(output.errors, string.format('client did not attach to %s within %d ms', entry.path, timeout_ms))
    else
      for _, probe in ipairs(entry.probes) do
        local params = {
          textDocument = { uri = vim.uri_from_bufnr(bufnr) },
          position = { line = probe.line, character = probe.character },
        }
        local deadline = vim.loop.now() + timeout_ms
        local answer
        repeat
          local responses, err = vim.lsp.buf_request_sync(bufnr, probe.method, params, math.max(1, deadline - vim.loop.now()))
          answer = { name = probe.name, method = probe.method, line = probe.line, character = probe.character }
          if not responses then
            answer.error = 'no response: ' .. tostring(err)
          else
            for _, response in pairs(responses) do
              answer.result = response.result
              if response.err then
                answer.error = vim.inspect(response.err)
              end
            end
          end
          local empty = answer.result == nil or answer.result == vim.NIL or (type(answer.result) == 'table' and next(answer.result) == nil)
          local again = probe.retry and empty and not answer.error and vim.loop.now() < deadline
          if again then
            -- Between two tries, the event loop runs (the server's messages are read) for a short while.
            vim.wait(100, function() return false end, 20)
          end
        until not again
        result.probes[#result.probes + 1] = answer
      end
    end
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- so that :edit below fires BufRead and FileType

  callback = function()
    local ok, err = pcall(run)
    if not ok then
      table.insert(output.errors, 'init.lua: ' .. tostring(err))
    end
    write_output()
    if client_id then
      vim.lsp.stop_client(client_id)
      vim.wait(3000, function()
        return vim.lsp.get_client_by_id(client_id) == nil
      end, 20)
    end
    vim.cmd('qall!')
  end,
})
