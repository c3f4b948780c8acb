// connkit for VS Code: starts `connkit lsp` and lets it lint the connector folders that are
// open. Everything else (diagnostics, hover, quick fixes, completion, outline, formatting)
// comes from the server.
//
// The extension activates on JSON, YAML, Markdown, C# and TOML files and on workspaces that
// contain a connector, but starts the server only once a file of a folder that looks like a
// connector (it holds a definition, apiProperties.json or connkit.toml) is open: a JSON file
// elsewhere costs nothing.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

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
