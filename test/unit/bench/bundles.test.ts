import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageScripts, staticClosure } from '../../../bench/suites/bundles';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('what a page loads up front', () => {
  it('follows static imports and re-exports, not dynamic import()', () => {
    root = mkdtempSync(join(tmpdir(), 'bundle-'));
    mkdirSync(join(root, 'chunks'));
    writeFileSync(
      join(root, 'popup.html'),
      '<html><head><script type="module" crossorigin src="/chunks/popup.js"></script></head></html>',
    );
    writeFileSync(
      join(root, 'chunks/popup.js'),
      'import{a as b}from"./shared.js";export{c}from"/chunks/reexport.js";const l=()=>import("./lazy.js");',
    );
    writeFileSync(join(root, 'chunks/shared.js'), 'import"./side.js";export const a=1;');
    writeFileSync(join(root, 'chunks/side.js'), 'console.log(1)');
    writeFileSync(join(root, 'chunks/reexport.js'), 'export const c=2;');
    writeFileSync(join(root, 'chunks/lazy.js'), 'export const big=3;');
    const [entry] = pageScripts(root, 'popup.html');
    expect(entry).toBe(join(root, 'chunks/popup.js'));
    const files = staticClosure(root, entry!).map((f) => f.slice(root.length + 1));
    expect(files.sort()).toEqual(['chunks/popup.js', 'chunks/reexport.js', 'chunks/shared.js', 'chunks/side.js']);
  });
});
