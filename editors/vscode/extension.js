// Starts the Nomos language server (`nomos lsp`, over stdio) for .law files.
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** How to run the server, read fresh from the settings each time it starts. */
function serverOptions() {
  const config = vscode.workspace.getConfiguration('nomos.server');
  const jar = config.get('jar');
  if (jar) {
    return executable(config.get('java') || 'java', ['-jar', jar, 'lsp']);
  }
  return executable(config.get('command') || 'nomos', ['lsp']);
}

/**
 * On Windows the launcher is `nomos.cmd`, found on the PATH only with its extension, and a .cmd
 * runs only through the shell (Node refuses to spawn one directly), quoted for paths with spaces.
 */
function executable(command, args) {
  if (process.platform !== 'win32') {
    return { command, args, transport: TransportKind.stdio };
  }
  const program = path.extname(command) ? command : `${command}.cmd`;
  if (/\.(cmd|bat)$/i.test(program)) {
    const quote = (s) => `"${s}"`;
    return { command: quote(program), args: args.map(quote), options: { shell: true }, transport: TransportKind.stdio };
  }
  return { command: program, args, transport: TransportKind.stdio };
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
