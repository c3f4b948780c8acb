// Smoke test of the compiled extension (out/extension.js) without VS Code: `npm test` after
// `npm run compile`.
//
// 1. Loads the module with `vscode` and `vscode-languageclient/node` replaced by recording
//    fakes, and checks what activate() does: no server for a JSON file outside a connector,
//    `connkit.path` + `connkit.args` started once a connector file opens, a restart when the
//    settings change, stop on deactivate.
// 2. With a connkit binary (CONNKIT_BIN, or `connkit` on PATH), starts the very command line
//    the extension computed, over stdio with vscode-jsonrpc (the transport the real client
//    uses), opens a copy of a sample connector with a duplicated operationId, and waits for
//    OperationIdNotUnique in textDocument/publishDiagnostics; and runs "connkit: Preview
//    connector" on the same folder, checking the webview it opens holds the page's cards with
//    scripts off. Without a binary that part prints "skipped: …".
"use strict";

const assert = require("assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const Module = require("module");
const cp = require("child_process");

const here = path.resolve(__dirname, "..");
const repo = path.resolve(here, "..", "..");

// --- fakes ---------------------------------------------------------------------------------

const settings = { path: undefined, args: undefined };
const listeners = { open: [], config: [] };
const commands = {};
const errors = [];
const clients = [];
const panels = [];

class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.id = id;
    this.serverOptions = serverOptions;
    this.clientOptions = clientOptions;
    this.started = false;
    this.stopped = false;
    clients.push(this);
  }
  start() {
    this.started = true;
    return Promise.resolve();
  }
  stop() {
    this.stopped = true;
    return Promise.resolve();
  }
}

const fakeVscode = {
  workspace: {
    textDocuments: [],
    getConfiguration(section) {
      assert.strictEqual(section, "connkit");
      return { get: (key) => settings[key] };
    },
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
    onDidOpenTextDocument(f) {
      listeners.open.push(f);
      return { dispose() {} };
    },
    onDidChangeConfiguration(f) {
      listeners.config.push(f);
      return { dispose() {} };
    },
  },
  commands: {
    registerCommand(name, f) {
      commands[name] = f;
      return { dispose() {} };
    },
  },
  ViewColumn: { Beside: -2 },
  window: {
    activeTextEditor: undefined,
    createWebviewPanel(viewType, title, column, options) {
      const panel = { viewType, title, column, options, webview: { html: "" } };
      panels.push(panel);
      return panel;
    },
    showErrorMessage(m) {
      errors.push(m);
      return Promise.resolve();
    },
  },
};

const fakeClientModule = {
  LanguageClient: FakeLanguageClient,
  TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
};

const realLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return fakeVscode;
  if (request === "vscode-languageclient/node") return fakeClientModule;
  return realLoad.apply(this, arguments);
};
const ext = require(path.join(here, "out", "extension.js"));
Module._load = realLoad;

// --- a connector folder and a plain folder ----------------------------------------------------

function copySample(name) {
  const src = path.join(repo, "connectors", "certified-connectors", name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connkit-vscode-smoke-"));
  for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(dir, f));
  return dir;
}
const connector = copySample("ContosoTasks");
const plain = fs.mkdtempSync(path.join(os.tmpdir(), "connkit-vscode-plain-"));
fs.writeFileSync(path.join(plain, "settings.json"), "{}\n");
fs.writeFileSync(path.join(plain, "package.json"), "{}\n");

const doc = (p) => ({ uri: { scheme: "file", fsPath: p } });

let failures = 0;
async function check(name, f) {
  try {
    await f();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n${e && e.stack ? e.stack : e}`);
  }
}

async function unit() {
  await check("serverCommand: defaults, settings, bad values", () => {
    const cfg = (o) => ({ get: (k) => o[k] });
    assert.deepStrictEqual(ext.serverCommand(cfg({})), { command: "connkit", args: ["lsp"] });
    assert.deepStrictEqual(ext.serverCommand(cfg({ path: "  " })), { command: "connkit", args: ["lsp"] });
    assert.deepStrictEqual(ext.serverCommand(cfg({ path: "/opt/connkit/bin/connkit", args: ["--color", "never", "lsp"] })), {
      command: "/opt/connkit/bin/connkit",
      args: ["--color", "never", "lsp"],
    });
    assert.deepStrictEqual(ext.serverCommand(cfg({ args: ["lsp", 3] })).args, ["lsp"]);
  });

  await check("isConnectorFile: connector files in a connector folder only", () => {
    for (const f of ["apiDefinition.swagger.json", "apiProperties.json", "settings.json", "readme.md", "README.md", "intro.md", "script.csx", "connkit.toml"]) {
      assert.ok(ext.isConnectorFile(path.join(connector, f)), f);
    }
    assert.ok(!ext.isConnectorFile(path.join(connector, "package.json")));
    assert.ok(!ext.isConnectorFile(path.join(plain, "settings.json")), "settings.json outside a connector");
    assert.ok(!ext.looksLikeConnectorFolder(path.join(plain, "missing")));
  });

  await check("activate: no server for a plain folder, connkit.path + connkit.args once a connector file opens", async () => {
    fakeVscode.workspace.textDocuments = [doc(path.join(plain, "settings.json"))];
    settings.path = "/custom/bin/connkit";
    settings.args = ["--color", "never", "lsp"];
    const context = { subscriptions: [] };
    ext.activate(context);
    assert.strictEqual(clients.length, 0, "started for a non-connector file");
    assert.ok(commands["connkit.restart"], "connkit.restart registered");
    assert.ok(commands["connkit.preview"], "connkit.preview registered");
    assert.strictEqual(context.subscriptions.length, 4);
    listeners.open.forEach((f) => f(doc(path.join(plain, "package.json"))));
    assert.strictEqual(clients.length, 0);
    listeners.open.forEach((f) => f(doc(path.join(connector, "apiProperties.json"))));
    assert.strictEqual(clients.length, 1);
    const c = clients[0];
    assert.ok(c.started);
    assert.strictEqual(c.serverOptions.run.command, "/custom/bin/connkit");
    assert.deepStrictEqual(c.serverOptions.run.args, ["--color", "never", "lsp"]);
    assert.strictEqual(c.serverOptions.run.transport, fakeClientModule.TransportKind.stdio);
    const patterns = c.clientOptions.documentSelector.map((s) => s.pattern).join(" ");
    for (const f of ["apiProperties.json", "settings.json", "script.csx", "intro.md", "connkit.toml", "*.swagger.{json,yaml,yml}"]) {
      assert.ok(patterns.includes(f), `${f} not in the document selector: ${patterns}`);
    }
    // A second connector file does not start a second server.
    listeners.open.forEach((f) => f(doc(path.join(connector, "apiDefinition.swagger.json"))));
    assert.strictEqual(clients.length, 1);
  });

  await check("preview: the connector folder of the active file, connkit.path preview DIR -o FILE", async () => {
    assert.strictEqual(ext.connectorFolderOf(path.join(connector, "apiDefinition.swagger.json")), connector);
    assert.strictEqual(ext.connectorFolderOf(path.join(plain, "settings.json")), undefined);
    assert.strictEqual(ext.connectorFolderOf(undefined), undefined);
    const cfg = (o) => ({ get: (k) => o[k] });
    assert.deepStrictEqual(ext.previewCommand(cfg({ path: "/opt/connkit", args: ["lsp"] }), "/c", "/t/p.html"), {
      command: "/opt/connkit",
      args: ["preview", "/c", "-o", "/t/p.html"],
    });
    // Outside a connector folder: a message, no panel.
    fakeVscode.window.activeTextEditor = { document: doc(path.join(plain, "settings.json")) };
    const before = errors.length;
    await commands["connkit.preview"]();
    assert.strictEqual(panels.length, 0);
    assert.strictEqual(errors.length, before + 1);
    assert.ok(/connector folder/.test(errors[errors.length - 1]), errors[errors.length - 1]);
  });

  await check("settings change restarts with the new command; other settings do not", async () => {
    const affects = (key) => ({ affectsConfiguration: (k) => k === key });
    for (const f of listeners.config) await f(affects("editor.tabSize"));
    assert.strictEqual(clients.length, 1);
    settings.path = "connkit-nightly";
    for (const f of listeners.config) await f(affects("connkit.path"));
    assert.strictEqual(clients.length, 2);
    assert.ok(clients[0].stopped, "old server stopped");
    assert.strictEqual(clients[1].serverOptions.run.command, "connkit-nightly");
    await commands["connkit.restart"]();
    assert.strictEqual(clients.length, 3);
    assert.ok(clients[1].stopped);
    await ext.deactivate();
    assert.ok(clients[2].stopped, "deactivate stops the server");
  });
}

// --- the real server, started as the extension starts it -------------------------------------

function findConnkit() {
  if (process.env.CONNKIT_BIN) return process.env.CONNKIT_BIN;
  const r = cp.spawnSync("connkit", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? "connkit" : undefined;
}

async function endToEnd() {
  const bin = findConnkit();
  if (!bin) {
    console.log("skipped: no connkit binary (set CONNKIT_BIN or put connkit on PATH) for the end-to-end part");
    return;
  }
  await check(`end to end: ${bin} lsp publishes OperationIdNotUnique for a duplicated operationId`, async () => {
    const rpc = require("vscode-jsonrpc/node");
    const { command, args } = ext.serverCommand({ get: (k) => ({ path: bin })[k] });
    const child = cp.spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const defPath = path.join(connector, "apiDefinition.swagger.json");
    const uri = "file://" + defPath.split(path.sep).map(encodeURIComponent).join("/");
    const published = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no OperationIdNotUnique within 20 s")), 20000);
      conn.onNotification("textDocument/publishDiagnostics", (p) => {
        if (p.uri === uri && p.diagnostics.some((d) => d.code === "OperationIdNotUnique")) {
          clearTimeout(timer);
          resolve(p);
        }
      });
    });
    conn.listen();
    try {
      await conn.sendRequest("initialize", {
        processId: process.pid,
        rootUri: "file://" + connector.split(path.sep).map(encodeURIComponent).join("/"),
        capabilities: {},
      });
      conn.sendNotification("initialized", {});
      const text = fs.readFileSync(defPath, "utf8").replace('"operationId": "GetTask"', '"operationId": "CreateTask"');
      assert.ok(text.includes('"operationId": "CreateTask",') && !text.includes('"GetTask"'), "defect injected");
      conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "json", version: 1, text } });
      const p = await published;
      const d = p.diagnostics.find((x) => x.code === "OperationIdNotUnique");
      assert.ok(d.range && typeof d.range.start.line === "number");
      const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
      await conn.sendRequest("shutdown");
      await conn.sendNotification("exit");
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running after 5 s"), 5000))]);
      assert.strictEqual(code, 0, "connkit lsp exit code after shutdown + exit");
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
}

async function previewEndToEnd() {
  const bin = findConnkit();
  if (!bin) {
    console.log("skipped: no connkit binary (set CONNKIT_BIN or put connkit on PATH) for the preview part");
    return;
  }
  await check(`end to end: "connkit: Preview connector" shows ${bin} preview's page in a webview`, async () => {
    settings.path = bin;
    settings.args = ["lsp"];
    fakeVscode.window.activeTextEditor = { document: doc(path.join(connector, "apiDefinition.swagger.json")) };
    const before = errors.length;
    await commands["connkit.preview"]();
    assert.strictEqual(errors.length, before, errors.join("\n"));
    assert.strictEqual(panels.length, 1);
    const p = panels[0];
    assert.strictEqual(p.options.enableScripts, false);
    assert.ok(p.title.includes(path.basename(connector)), p.title);
    for (const id of ["OnTaskCreated", "ListProjects", "CreateTask", "GetTask", "DeleteTask"]) {
      assert.ok(p.webview.html.includes(`data-operation-id="${id}"`), id);
    }
    assert.ok(!p.webview.html.includes('data-operation-id="DeleteTaskHook"'), "internal operation shown");
    // A broken connkit.path: an error message, no panel.
    settings.path = path.join(plain, "no-such-connkit");
    await commands["connkit.preview"]();
    assert.strictEqual(panels.length, 1);
    assert.ok(/connkit preview failed/.test(errors[errors.length - 1]), errors[errors.length - 1]);
  });
}

// Whatever hangs (a server that never answers initialize), the test ends.
setTimeout(() => {
  console.log("not ok - the smoke test did not finish within 60 s");
  process.exit(1);
}, 60000).unref();

(async () => {
  await unit();
  await endToEnd();
  await previewEndToEnd();
  fs.rmSync(connector, { recursive: true, force: true });
  fs.rmSync(plain, { recursive: true, force: true });
  if (failures) {
    console.log(`${failures} failed`);
    process.exit(1);
  }
  console.log("smoke test passed");
})();
