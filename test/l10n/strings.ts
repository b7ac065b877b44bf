/**
 * Every user-facing string in src/: the first argument of `vscode.l10n.t(...)` and of the pure
 * layers' `text(...)`. Read with the TypeScript parser, so quotes and escapes are exact; a call
 * whose message is not a plain string literal is reported (it could never be translated).
 *
 *   npx tsx test/l10n/strings.ts --write     (rewrites l10n/bundle.l10n.json)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** `l10n.t(...)` (however vscode is imported) or a bare `text(...)`. */
function isMessageCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'text';
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 't' &&
    ts.isPropertyAccessExpression(callee.expression) &&
    callee.expression.name.text === 'l10n'
  );
}

export interface Extracted {
  messages: Set<string>;
  /** `file:line` of calls whose message is not a string literal. */
  nonLiteral: string[];
}

export function extractMessages(srcDir = path.join(ROOT, 'src')): Extracted {
  const messages = new Set<string>();
  const nonLiteral: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isMessageCall(node) && node.arguments.length > 0) {
        const first = node.arguments[0];
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) messages.add(first.text);
        // The one place that forwards a Text's message to l10n.t is allowed to.
        else if (!/\bmessage\b/.test(first.getText(source))) {
          nonLiteral.push(`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(first.getStart()).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, nonLiteral };
}

export function bundleFor(messages: Set<string>): Record<string, string> {
  return Object.fromEntries([...messages].sort().map((m) => [m, m]));
}

if (require.main === module && process.argv.includes('--write')) {
  const { messages, nonLiteral } = extractMessages();
  if (nonLiteral.length) throw new Error(`messages that are not string literals:\n${nonLiteral.join('\n')}`);
  writeFileSync(BUNDLE, JSON.stringify(bundleFor(messages), null, 2) + '\n');
  console.log(`${messages.size} messages → ${path.relative(ROOT, BUNDLE)}`);
}
