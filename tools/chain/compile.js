// Compiles contracts/*.sol with the pinned solc-js (package.json) into build/<Contract>.json
// ({abi, bytecode}). Skips the work when every output is newer than every source.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const srcDir = path.join(__dirname, 'contracts');
const outDir = path.join(__dirname, 'build');
const sources = fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort();
const stamp = path.join(outDir, '.compiled');
const newestSource = Math.max(
  fs.statSync(__filename).mtimeMs,
  ...sources.map((f) => fs.statSync(path.join(srcDir, f)).mtimeMs));
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource
    && fs.readFileSync(stamp, 'utf8') === solc.version()) {
  console.log('[chain] contracts up to date (solc ' + solc.version() + ')');
  process.exit(0);
}

const input = {
  language: 'Solidity',
  sources: Object.fromEntries(sources.map((f) => [f, { content: fs.readFileSync(path.join(srcDir, f), 'utf8') }])),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // interfaces
    fs.writeFileSync(path.join(outDir, name + '.json'),
      JSON.stringify({ contractName: name, sourceName: file, abi: c.abi, bytecode: '0x' + c.evm.bytecode.object }, null, 1));
    count++;
  }
}
fs.writeFileSync(stamp, solc.version());
console.log('[chain] compiled ' + count + ' contracts with solc ' + solc.version());
