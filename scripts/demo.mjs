// `npm start`: after the build and packaging, shows regtext doing its main job on samples/.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

function run(title, args) {
  process.stdout.write(`\n$ regtext ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['bin/regtext', ...args], { encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  return result.status;
}

const vsix = 'dist/regtext.vsix';
process.stdout.write(`\nregtext is built. Extension package: ${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)\n`);
process.stdout.write('\n1. Checking the sample notices: banned terms, numbering, broken clause references\n');
run('check', ['check', 'samples/']);
process.stdout.write('\n2. What regtext recognises in the Chinese sample notice (first 40 entities and the outline)\n');
process.stdout.write('\n$ regtext annotate --format text samples/notice-zh.notice\n');
const annotate = spawnSync(process.execPath, ['bin/regtext', 'annotate', '--format', 'text', 'samples/notice-zh.notice'], { encoding: 'utf8' });
const lines = annotate.stdout.split('\n');
const outlineAt = lines.indexOf('Outline:');
process.stdout.write([...lines.slice(0, Math.min(40, outlineAt)), '…', ...lines.slice(outlineAt)].join('\n'));
process.stdout.write(`
Next:
  code --install-extension ${vsix}     then open the samples/ folder in VS Code
  ./bin/regtext-language-server --stdio    the language server for Neovim, Helix, Emacs (see README)
  npm test                                 every test
`);
