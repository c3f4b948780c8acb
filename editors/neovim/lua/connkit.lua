-- connkit for Neovim without nvim-lspconfig: starts `connkit lsp` for the files of a Power
-- Platform connector folder and attaches every such buffer to one server.
--
--   vim.opt.runtimepath:append("/path/to/connkit/editors/neovim")
--   require("connkit").setup()                              -- connkit on PATH
--   require("connkit").setup({ cmd = { "/opt/bin/connkit", "lsp" } })
--
-- A file is attached when its name is one the server reads (the definition in JSON or YAML,
-- apiProperties.json, settings.json, script.csx, readme.md, intro.md, connkit.toml) and its
-- folder looks like a connector (it holds a definition, apiProperties.json or connkit.toml).
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).

local M = {}

M.config = {
  cmd = { "connkit", "lsp" },
  name = "connkit",
}

local FILES = {
  ["apiproperties.json"] = true,
  ["settings.json"] = true,
  ["script.csx"] = true,
  ["readme.md"] = true,
  ["intro.md"] = true,
  ["connkit.toml"] = true,
}

local function is_definition(lower)
  return lower:match("%.swagger%.json$") or lower:match("%.swagger%.ya?ml$")
end

--- Whether a file name (no folder) is one the server lints.
function M.is_connector_file_name(name)
  local lower = name:lower()
  return FILES[lower] == true or is_definition(lower) ~= nil
end

--- Whether `dir` holds a definition, apiProperties.json or connkit.toml.
function M.is_connector_dir(dir)
  local handle = vim.loop.fs_scandir(dir)
  if not handle then
    return false
  end
  while true do
    local name = vim.loop.fs_scandir_next(handle)
    if not name then
      return false
    end
    local lower = name:lower()
    if lower == "apiproperties.json" or lower == "connkit.toml" or is_definition(lower) then
      return true
    end
  end
end

local client_id = nil

local function live_client()
  if client_id and vim.lsp.get_client_by_id(client_id) then
    return client_id
  end
  client_id = nil
  return nil
end

local function client_config(root)
  return {
    name = M.config.name,
    cmd = M.config.cmd,
    root_dir = root,
    on_exit = function()
      client_id = nil
    end,
  }
end

--- Attach `bufnr` (default: the current buffer) to the connkit server when it is a connector
--- file; start the server on the first one. Returns the client id, or nil.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == "" or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.fn.fnamemodify(path, ":t")
  local dir = vim.fn.fnamemodify(path, ":p:h")
  if not M.is_connector_file_name(name) or not M.is_connector_dir(dir) then
    return nil
  end
  if vim.lsp.start then
    -- Neovim 0.8+: one server for every connector folder.
    client_id = vim.lsp.start(client_config(dir), {
      bufnr = bufnr,
      reuse_client = function(client, config)
        return client.name == config.name
      end,
    })
    return client_id
  end
  local id = live_client() or vim.lsp.start_client(client_config(dir))
  client_id = id
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Attach connector files as they are opened. `opts.cmd` replaces { "connkit", "lsp" }.
function M.setup(opts)
  M.config = vim.tbl_extend("force", M.config, opts or {})
  local group = vim.api.nvim_create_augroup("connkit", { clear = true })
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    group = group,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
end

return M
