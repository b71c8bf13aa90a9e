// Starts the Nomos language server (`nomos lsp`, over stdio) for .law files.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** How to run the server, read fresh from the settings each time it starts. */
function serverOptions() {
  const config = vscode.workspace.getConfiguration('nomos.server');
  const jar = config.get('jar');
  if (jar) {
    return { command: config.get('java') || 'java', args: ['-jar', jar, 'lsp'], transport: TransportKind.stdio };
  }
  return { command: config.get('command') || 'nomos', args: ['lsp'], transport: TransportKind.stdio };
}

async function start() {
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'nomos' }, { scheme: 'untitled', language: 'nomos' }],
    // Fitted files and model jars beside a law change what hover shows; worlds change diagnostics.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{law,jar}') },
  };
  client = new LanguageClient('nomos', 'Nomos', serverOptions(), clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(`Nomos: cannot start the language server (${err.message}). `
        + 'Set nomos.server.command or nomos.server.jar.');
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop().catch(() => undefined);
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('nomos.restartServer', async () => {
    await stop();
    await start();
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('nomos.server')) {
      await stop();
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
