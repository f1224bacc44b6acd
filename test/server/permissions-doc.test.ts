import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRegistry } from '../../src/institutions/index.ts';
import { PERMISSIONS_DOC, permissionsMarkdown } from '../../src/server/permissions-doc.ts';

test('docs/permissions.md is the matrix as the code has it (regenerate with npm run docs:permissions)', () => {
  const doc = permissionsMarkdown(createRegistry());
  assert.ok(doc.includes('| POST | `/api/{type}/cases/{id}/{step}` |'), 'the generated per-type routes are listed');
  assert.equal(fs.readFileSync(PERMISSIONS_DOC, 'utf8'), doc, 'docs/permissions.md is stale: run npm run docs:permissions');
});
