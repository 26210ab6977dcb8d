import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => existsSync(f) && statSync(f).isFile());
}

/** Every import and re-export between the project's modules, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(file, importedFiles.map((f) => resolve(file, f.fileName)).filter((f): f is string => f !== undefined));
  }
  return graph;
}

/** The cycles of a graph, each as the modules on it (one per strongly connected component). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

// ESLint's import/no-cycle skips type-only imports; a cycle of types still ties two modules
// together for whoever reads or moves them, so this test walks every import.
describe('imports', () => {
  it('form no cycle, type-only imports included', () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it('the cycle finder finds a cycle of type-only imports', () => {
    const graph = new Map([
      [path.join(ROOT, 'a.ts'), [path.join(ROOT, 'b.ts')]],
      [path.join(ROOT, 'b.ts'), [path.join(ROOT, 'c.ts')]],
      [path.join(ROOT, 'c.ts'), [path.join(ROOT, 'a.ts')]],
      [path.join(ROOT, 'd.ts'), [path.join(ROOT, 'a.ts')]],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    // And the real graph is read: the studio's entry reaches its shell.
    expect(importGraph().get(path.join(ROOT, 'entrypoints/studio/main.tsx'))).toContain(path.join(ROOT, 'components/studio/StudioApp.tsx'));
  });
});
