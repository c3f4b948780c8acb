// connkit for VS Code: starts `connkit lsp` and lets it lint the connector folders that are
// open. Everything else (diagnostics, hover, quick fixes, completion, outline, formatting)
// comes from the server.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// Every file of a connector folder the server reads.
const documentSelector = [
  { scheme: "file", pattern: "**/apiDefinition.swagger.{json,yaml,yml}" },
  { scheme: "file", pattern: "**/*.swagger.{json,yaml,yml}" },
  { scheme: "file", pattern: "**/apiProperties.json" },
  { scheme: "file", pattern: "**/settings.json" },
  { scheme: "file", pattern: "**/script.csx" },
  { scheme: "file", pattern: "**/readme.md" },
  { scheme: "file", pattern: "**/intro.md" },
  { scheme: "file", pattern: "**/connkit.toml" },
];

function start(): LanguageClient {
  const command = vscode.workspace.getConfiguration("connkit").get<string>("path") || "connkit";
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
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
  c.start();
  return c;
}

export function activate(context: vscode.ExtensionContext): void {
  client = start();
  context.subscriptions.push(
    vscode.commands.registerCommand("connkit.restart", async () => {
      await client?.stop();
      client = start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("connkit.path")) {
        await client?.stop();
        client = start();
      }
    })
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
