// Runs the TextMate grammar with VS Code's own engine (vscode-textmate + Oniguruma) over .law files
// and fails if any non-blank text gets no scope besides source.nomos / meta.*. The Java test
// (lsp/src/test/.../TextMateGrammarTest) checks the same with java.util.regex on every build;
// this confirms the engines agree.  Usage: npm run check-grammar -- FILE.law...
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'nomos.tmLanguage.json');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
});

registry.loadGrammar('source.nomos').then((grammar) => {
  let unscoped = 0;
  for (const file of process.argv.slice(2)) {
    let state = vsctm.INITIAL;
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
      const result = grammar.tokenizeLine(line, state);
      for (const token of result.tokens) {
        const text = line.substring(token.startIndex, token.endIndex);
        const real = token.scopes.filter((s) => s !== 'source.nomos' && !s.startsWith('meta.'));
        if (text.trim() && real.length === 0) {
          unscoped++;
          console.log(`${file}:${i + 1}:${token.startIndex + 1}: no scope for '${text}'`);
        }
      }
      state = result.ruleStack;
    });
  }
  console.log(`${process.argv.length - 2} files, ${unscoped} unscoped tokens`);
  process.exitCode = unscoped === 0 ? 0 : 1;
});
