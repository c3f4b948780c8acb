-- Driver for tests/lsp_neovim.rs: run as
--
--   nvim --headless --clean --cmd "set rtp^=<repo>/editors/neovim" -c "luafile <this file>"
--
-- with CONNKIT_BIN (the connkit binary), CONNKIT_FILE (a connector's definition, on disk with a
-- duplicated operationId) and CONNKIT_OUT (where to write the result as JSON). It sets up
-- lua/connkit.lua as a user would, opens the file, waits (at most CONNKIT_WAIT_MS, default
-- 20 s, per step) for the server's diagnostics, then types the fix into the buffer without
-- saving and waits for the finding to go away. Everything observed is written to
-- CONNKIT_OUT; the Rust test decides what passes.

local out_path = assert(os.getenv("CONNKIT_OUT"), "CONNKIT_OUT not set")
local result = { steps = {} }

local function write_result()
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function codes(diags)
  local list = {}
  for _, d in ipairs(diags) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(list, { code = code or vim.NIL, lnum = d.lnum, message = d.message })
  end
  return list
end

-- Clients attached to `bufnr` (nil: all), on Neovim 0.7 to 0.11+.
local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(bufnr and { bufnr = bufnr } or nil)
  end
  if bufnr then
    return vim.lsp.buf_get_clients(bufnr)
  end
  return vim.lsp.get_active_clients()
end

local function has_code(bufnr, code)
  for _, d in ipairs(codes(vim.diagnostic.get(bufnr))) do
    if d.code == code then
      return true
    end
  end
  return false
end

local function run()
  local bin = assert(os.getenv("CONNKIT_BIN"), "CONNKIT_BIN not set")
  local file = assert(os.getenv("CONNKIT_FILE"), "CONNKIT_FILE not set")
  local wait_ms = tonumber(os.getenv("CONNKIT_WAIT_MS") or "") or 20000
  result.nvim = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch

  local connkit = require("connkit")
  connkit.setup({ cmd = { bin, "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  -- 1. The defect on disk shows once the server has linted the opened file.
  local t0 = vim.loop.hrtime()
  local seen = vim.wait(wait_ms, function()
    return has_code(bufnr, "OperationIdNotUnique")
  end, 50)
  table.insert(result.steps, {
    step = "open",
    found = seen,
    ms = math.floor((vim.loop.hrtime() - t0) / 1e6),
    diagnostics = codes(vim.diagnostic.get(bufnr)),
  })
  -- Which servers the buffer is attached to (listed once they have initialized).
  result.attached = {}
  for _, c in pairs(clients_of(bufnr)) do
    table.insert(result.attached, c.name)
  end

  -- 2. Type the fix (unsaved): the finding goes away.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local fixed_line = nil
  for i, line in ipairs(lines) do
    if line:find('"operationId": "CreateTask"', 1, true) then
      fixed_line = i -- the last one: the injected duplicate
    end
  end
  result.edited_line = fixed_line and (fixed_line - 1) or vim.NIL
  if fixed_line then
    local new = lines[fixed_line]:gsub('"CreateTask"', '"GetTask"')
    vim.api.nvim_buf_set_lines(bufnr, fixed_line - 1, fixed_line, false, { new })
  end
  t0 = vim.loop.hrtime()
  local cleared = vim.wait(wait_ms, function()
    return not has_code(bufnr, "OperationIdNotUnique")
  end, 50)
  table.insert(result.steps, {
    step = "typed fix",
    found = not cleared,
    ms = math.floor((vim.loop.hrtime() - t0) / 1e6),
    diagnostics = codes(vim.diagnostic.get(bufnr)),
  })
  result.modified = vim.bo[bufnr].modified

  -- 3. Type the defect back: the finding returns.
  if fixed_line then
    local again = vim.api.nvim_buf_get_lines(bufnr, fixed_line - 1, fixed_line, false)[1]:gsub('"GetTask"', '"CreateTask"')
    vim.api.nvim_buf_set_lines(bufnr, fixed_line - 1, fixed_line, false, { again })
  end
  t0 = vim.loop.hrtime()
  local back = vim.wait(wait_ms, function()
    return has_code(bufnr, "OperationIdNotUnique")
  end, 50)
  table.insert(result.steps, {
    step = "typed defect",
    found = back,
    ms = math.floor((vim.loop.hrtime() - t0) / 1e6),
    diagnostics = codes(vim.diagnostic.get(bufnr)),
  })
end

local ok, err = pcall(run)
if not ok then
  result.error = tostring(err)
end
write_result()
for _, c in pairs(clients_of(nil)) do
  c.stop()
end
vim.cmd("qa!")
