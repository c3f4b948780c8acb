-- Driver for tests/lsp_neovim.rs: run as
--
--   nvim --headless --clean --cmd "set rtp^=<repo>/editors/neovim" -c "luafile <this file>"
--
-- with CONNKIT_BIN (the connkit binary), CONNKIT_FILE (a connector's definition, on disk with a
-- duplicated operationId) and CONNKIT_OUT (where to write the result as JSON). It sets up
-- lua/connkit.lua as a user would, opens the file, waits (at most CONNKIT_WAIT_MS, default
-- 20 s, per step) for the server's diagnostics, then types the fix into the buffer without
-- saving and waits for the finding to go away, and types the defect back. Then, through
-- Neovim's own LSP client: hover on the duplicate, completion of an `x-ms-visibility` value,
-- go to the operation a dynamic value calls, and a quick fix applied as Neovim applies a
-- workspace edit. Everything observed is written to CONNKIT_OUT; the Rust test decides what
-- passes.

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

  -- 4. Requests a user makes, through Neovim's client (results as the editor gets them).
  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local replies = vim.lsp.buf_request_sync(bufnr, method, params, wait_ms) or {}
    for _, reply in pairs(replies) do
      if reply.result ~= nil then
        return reply.result
      end
    end
    return vim.NIL
  end
  local function find_line(needle, after)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      if i > (after or 0) and line:find(needle, 1, true) then
        return i - 1, line:find(needle, 1, true) - 1
      end
    end
  end
  local function at(line, character)
    return { textDocument = { uri = uri }, position = { line = line, character = character } }
  end

  -- Hover on the duplicated operationId: the finding's explanation.
  local hover = fixed_line and request("textDocument/hover", at(fixed_line - 1, 10)) or vim.NIL
  local hover_text = ""
  if hover ~= vim.NIL and hover.contents then
    hover_text = type(hover.contents) == "table" and (hover.contents.value or vim.fn.json_encode(hover.contents)) or tostring(hover.contents)
  end
  result.hover = hover_text

  -- Completion inside an x-ms-visibility value: the allowed values.
  local vis_line, vis_col = find_line('"x-ms-visibility": "important"')
  result.completion = {}
  if vis_line then
    local items = request("textDocument/completion", at(vis_line, vis_col + #'"x-ms-visibility": "'))
    if items ~= vim.NIL then
      for _, item in ipairs(items.items or items) do
        table.insert(result.completion, item.label)
      end
    end
  end

  -- Go to definition from a dynamic value's operationId to the operation it calls.
  local dyn_line = find_line('"x-ms-dynamic-values"')
  local call_line, call_col = find_line('"operationId": "ListProjects"', dyn_line and (dyn_line + 1) or nil)
  result.definition = vim.NIL
  if call_line then
    local loc = request("textDocument/definition", at(call_line, call_col + #'"operationId": "'))
    if loc ~= vim.NIL then
      local first = loc[1] or loc
      local range = first.range or first.targetSelectionRange or first.targetRange
      result.definition = { line = range.start.line, uri_matches = (first.uri or first.targetUri) == uri }
    end
  end
  result.list_projects_line = (find_line('"operationId": "ListProjects"'))

  -- 5. A defect with a fix: the path parameter of GetTask made optional, then fixed through
  -- the code action, applied by Neovim to the unsaved buffer.
  -- (GetTask's operationId is the duplicate `CreateTask` again after step 3.)
  local get_line = fixed_line and (fixed_line - 1)
  local req_line = get_line and find_line('"required": true', get_line + 1)
  result.fix = { typed = false }
  if req_line then
    local text = vim.api.nvim_buf_get_lines(bufnr, req_line, req_line + 1, false)[1]
    vim.api.nvim_buf_set_lines(bufnr, req_line, req_line + 1, false, { (text:gsub("true", "false")) })
    result.fix.typed = true
    result.fix.reported = vim.wait(wait_ms, function()
      return has_code(bufnr, "PathParameterMustBeRequired")
    end, 50)
    local diag = nil
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == "PathParameterMustBeRequired" then
        diag = d
      end
    end
    result.fix.titles = {}
    if diag then
      local range = {
        start = { line = diag.lnum, character = diag.col },
        ["end"] = { line = diag.end_lnum or diag.lnum, character = diag.end_col or diag.col },
      }
      local actions = request("textDocument/codeAction", {
        textDocument = { uri = uri },
        range = range,
        context = { diagnostics = {} },
      })
      local chosen = nil
      for _, a in ipairs(actions ~= vim.NIL and actions or {}) do
        table.insert(result.fix.titles, a.title)
        if a.title:find("^Fix PathParameterMustBeRequired") then
          chosen = a
        end
      end
      if chosen and chosen.edit then
        vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
        result.fix.applied = true
        result.fix.cleared = vim.wait(wait_ms, function()
          return not has_code(bufnr, "PathParameterMustBeRequired")
        end, 50)
        result.fix.line = vim.api.nvim_buf_get_lines(bufnr, req_line, req_line + 1, false)[1]
      end
    end
  end
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
