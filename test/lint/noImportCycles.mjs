/**
 * ESLint rule: no import cycles in src/, type-only imports included (import-x/no-cycle skips
 * those, but a knot of types is still a knot a reader has to untie). The graph of relative
 * imports is read once per lint run; each file in a cycle is reported with the cycle's path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

function resolve(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f));
}

/** file → the cycle (list of files) it sits in, for every file that sits in one. */
function cyclesOf(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    graph.set(file, [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1])).filter(Boolean));
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = new Map();
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) for (const f of component) result.set(f, component);
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return result;
}

let cached;

export const noImportCycles = {
  meta: { type: 'problem', schema: [], messages: { cycle: 'Import cycle (type-only imports count): {{files}}' } },
  create(context) {
    return {
      Program(node) {
        const file = context.filename;
        const srcRoot = path.join(context.cwd, 'src');
        if (!file.startsWith(srcRoot + path.sep)) return;
        cached ??= cyclesOf(srcRoot);
        const cycle = cached.get(file);
        if (cycle) context.report({ node, messageId: 'cycle', data: { files: cycle.map((f) => path.relative(srcRoot, f)).join(' ↔ ') } });
      },
    };
  },
};
