// connkit for VS Code: starts `connkit lsp` and lets it lint the connector folders that are
// open. Everything else (diagnostics, hover, quick fixes, completion, outline, formatting)
// comes from the server.
//
// The extension activates on JSON, YAML, Markdown, C# and TOML files and on workspaces that
// contain a connector, but starts the server only once a file of a folder that looks like a
// connector (it holds a definition, apiProperties.json or connkit.toml) is open: a JSON file
// elsewhere costs nothing.

import * as cp from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The command "connkit: Preview connector" runs `connkit preview` on the connector folder of the
// active editor and shows the page in a webview (scripts off: the page needs none).

// Every file of a connector folder the server reads.
export const documentSelector = [
  { scheme: "file", pattern: "**/apiDefinition.swagger.{json,yaml,yml}" },
  { scheme: "file", pattern: "**/*.swagger.{json,yaml,yml}" },
  { scheme: "file", pattern: "**/apiProperties.json" },
  { scheme: "file", pattern: "**/settings.json" },
  { scheme: "file", pattern: "**/script.csx" },
  { scheme: "file", pattern: "**/{readme,README,Readme}.md" },
  { scheme: "file", pattern: "**/intro.md" },
  { scheme: "file", pattern: "**/connkit.toml" },
];

// The file names above, for deciding without VS Code's glob engine.
const CONNECTOR_FILE =
  /^(apiDefinition\.swagger\.(json|ya?ml)|.+\.swagger\.(json|ya?ml)|apiProperties\.json|settings\.json|script\.csx|readme\.md|intro\.md|connkit\.toml)$/i;

// A folder is a connector (or holds connkit.toml) when one of these is in it.
const CONNECTOR_MARKER = /^(apiDefinition\.swagger\.(json|ya?ml)|.+\.swagger\.(json|ya?ml)|apiProperties\.json|connkit\.toml)$/i;

/** Whether `dir` looks like a connector folder (or a folder configured for connkit). */
export function looksLikeConnectorFolder(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((name) => CONNECTOR_MARKER.test(name));
  } catch {
    return false;
  }
}

/** Whether the file at `fsPath` is one the server lints: a connector file in a connector folder. */
export function isConnectorFile(fsPath: string): boolean {
  return CONNECTOR_FILE.test(path.basename(fsPath)) && looksLikeConnectorFolder(path.dirname(fsPath));
}

/** The server's command line from the `connkit.path` and `connkit.args` settings. */
export function serverCommand(config: { get<T>(key: string): T | undefined }): {
  command: string;
  args: string[];
} {
  const configured = config.get<string>("path");
  const command = typeof configured === "string" && configured.trim() !== "" ? configured.trim() : "connkit";
  const configuredArgs = config.get<unknown>("args");
  const args =
    Array.isArray(configuredArgs) && configuredArgs.every((a) => typeof a === "string")
      ? (configuredArgs as string[])
      : ["lsp"];
  return { command, args };
}

/** The connector folder of a file: its own folder when that looks like a connector. */
export function connectorFolderOf(fsPath: string | undefined): string | undefined {
  if (!fsPath) {
    return undefined;
  }
  const dir = path.dirname(fsPath);
  return looksLikeConnectorFolder(dir) ? dir : undefined;
}

/** The command line that writes the preview page of `dir` into `out`. */
export function previewCommand(
  config: { get<T>(key: string): T | undefined },
  dir: string,
  out: string
): { command: string; args: string[] } {
  // `connkit.args` holds the server's arguments; the preview runs the same executable.
  const { command } = serverCommand(config);
  return { command, args: ["preview", dir, "-o", out] };
}

/** Run `connkit preview` on `dir`; the page's HTML, or an error message. */
export function renderPreview(
  config: { get<T>(key: string): T | undefined },
  dir: string
): Promise<{ html?: string; error?: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "connkit-preview-"));
  const out = path.join(tmp, "preview.html");
  const { command, args } = previewCommand(config, dir, out);
  return new Promise((resolve) => {
    cp.execFile(command, args, { timeout: 60000, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
      let result: { html?: string; error?: string };
      if (err) {
        result = { error: (String(stderr).trim() || String(err)).split("\n")[0] };
      } else {
        try {
          result = { html: fs.readFileSync(out, "utf8") };
        } catch (e) {
          result = { error: String(e) };
        }
      }
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve(result);
    });
  });
}

async function preview(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const dir = connectorFolderOf(doc && doc.uri.scheme === "file" ? doc.uri.fsPath : undefined);
  if (!dir) {
    void vscode.window.showErrorMessage("connkit: open a file of a connector folder to preview it.");
    return;
  }
  const { html, error } = await renderPreview(vscode.workspace.getConfiguration("connkit"), dir);
  if (html === undefined) {
    void vscode.window.showErrorMessage(`connkit preview failed: ${error ?? "no page"}`);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    "connkit.preview",
    `Preview: ${path.basename(dir)}`,
    vscode.ViewColumn.Beside,
    { enableScripts: false, localResourceRoots: [] }
  );
  panel.webview.html = html;
}

function start(): LanguageClient {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration("connkit"));
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      // Files changed outside the editor (git checkout, connkit lint --fix) relint too.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{apiDefinition.swagger.json,*.swagger.json,*.swagger.yaml,apiProperties.json,settings.json,script.csx,readme.md,intro.md,icon.png,connkit.toml}"
      ),
    },
  };
  const c = new LanguageClient("connkit", "connkit", serverOptions, clientOptions);
  c.start().catch((e: unknown) => {
    void vscode.window.showErrorMessage(
      `connkit: could not start \`${[command, ...args].join(" ")}\` (${String(e)}). ` +
        "Install connkit or set connkit.path."
    );
  });
  return c;
}

function ensureStarted(): void {
  if (!client) {
    client = start();
  }
}

async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop();
  ensureStarted();
}

export function activate(context: vscode.ExtensionContext): void {
  const startIfConnector = (doc: vscode.TextDocument): void => {
    if (!client && doc.uri.scheme === "file" && isConnectorFile(doc.uri.fsPath)) {
      ensureStarted();
    }
  };
  vscode.workspace.textDocuments.forEach(startIfConnector);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfConnector),
    vscode.commands.registerCommand("connkit.restart", restart),
    vscode.commands.registerCommand("connkit.preview", preview),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (client && (e.affectsConfiguration("connkit.path") || e.affectsConfiguration("connkit.args"))) {
        await restart();
      }
    })
  );
}

export function deactivate(): Thenable<void> | undefined {
  const c = client;
  client = undefined;
  return c?.stop();
}
