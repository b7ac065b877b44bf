// `node scripts/parallel.mjs watch:esbuild watch:tsc`: runs npm scripts side by side in one terminal,
// each output line prefixed with its script's name; stops them all on Ctrl+C or when one of them
// exits (a watcher that dies must not go unnoticed). `npm run watch` uses it; VS Code runs the two
// scripts as separate tasks instead (.vscode/tasks.json), so their problem matchers see clean lines.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const scripts = process.argv.slice(2);
const windows = process.platform === 'win32';
// Through the npm that started us, so package.json stays the one place the commands are written.
const npmCli = process.env.npm_execpath;
const [command, ...npmArgs] = npmCli ? [process.execPath, npmCli] : ['npm'];
// `watch:esbuild` → `esbuild`: the part that tells the lines apart.
const labels = scripts.map((s) => s.split(':').pop());
const width = Math.max(...labels.map((l) => l.length));
let stopping = false;

const children = scripts.map((script, i) => {
  const prefix = `[${labels[i].padEnd(width)}] `;
  // Its own process group (POSIX), so stopping it also stops the shell and the watcher npm starts.
  const child = spawn(command, [...npmArgs, 'run', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: !windows, shell: windows && !npmCli });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(prefix + line));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.log(`${prefix}exited (${signal ?? `code ${code}`}); stopping the others`);
    stop(code || 1);
  });
  return child;
});

function stop(code) {
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) kill(child);
}

function kill(child) {
  if (windows) {
    spawnSync('taskkill', ['/pid', String(child.pid), '/t', '/f'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // The group is gone already.
  }
}

process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
