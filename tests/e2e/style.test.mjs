// The stylesheet is one file edited in many places: an unbalanced brace silently
// swallows every rule after it, so check the structure before the browser sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

test('every block of the stylesheet is closed', () => {
  const css = readFileSync(resolve(import.meta.dirname, '..', '..', 'style', 'main.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  css.split('\n').forEach((line, i) => {
    for (const c of line) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      assert.ok(depth >= 0, `a closing brace without an opening one on line ${i + 1}`);
    }
  });
  assert.equal(depth, 0, 'a block is left open');
});
