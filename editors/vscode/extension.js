// Starts the Nomos language server (`nomos lsp`, over stdio) for .law files.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('nomos.server');
  const jar = config.get('jar');
  if (jar) {
    return { command: config.get('java') || 'java', args: ['-jar', jar, 'lsp'], transport: TransportKind.stdio };
  }
  return { command: config.get('command') || 'nomos', args: ['lsp'], transport: TransportKind.stdio };
}

async function activate(context) {
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'nomos' }, { scheme: 'untitled', language: 'nomos' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{law,jar}') },
  };
  client = new LanguageClient('nomos', 'Nomos', serverOptions(), clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('nomos.restartServer', () => client.restart()));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('nomos.server')) {
      vscode.window.showInformationMessage('Nomos: restart the language server to use the new settings.',
          'Restart').then((choice) => { if (choice === 'Restart') { deactivate().then(() => activate(context)); } });
    }
  }));
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
        `Nomos: cannot start the language server (${err.message}). Set nomos.server.command or nomos.server.jar.`);
  }
}

function deactivate() {
  return client ? client.stop() : Promise.resolve();
}

module.exports = { activate, deactivate };
