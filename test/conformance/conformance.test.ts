import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Sandbox } from '../../src/conformance/simulate.ts';
import { RULES } from '../../src/conformance/rules.ts';
import { coverage, conformanceMarkdown, loadScenarios, runScenario } from '../../src/conformance/registry.ts';

/**
 * The law as the specification: every scenario under test/scenarios/ is replayed with the
 * platform's own engine and must meet what it says the law requires; every rule of the registry
 * has a scenario; docs/conformance.md is what the registry generates.
 */
const scenarios = loadScenarios();
let sb: Sandbox;
before(async () => {
  sb = await Sandbox.open();
});
after(async () => sb.close());

for (const s of scenarios) {
  test(`${s.file}: ${s.title}`, async () => {
    assert.ok(s.rules.length > 0, 'a scenario names the rules it proves');
    for (const id of s.rules) assert.ok(RULES.some((r) => r.id === id), `unknown rule ${id}`);
    const { problems } = await runScenario(sb, s);
    assert.deepEqual(problems, []);
  });
}

test('every rule in the registry has at least one scenario', () => {
  const untested = coverage(scenarios).filter((r) => r.scenarios.length === 0).map((r) => r.id);
  assert.deepEqual(untested, []);
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length, 'rule ids are unique');
});

test('docs/conformance.md carries the registry as generated', () => {
  const doc = fs.readFileSync('docs/conformance.md', 'utf8');
  assert.ok(doc.includes(conformanceMarkdown(coverage(scenarios))), 'docs/conformance.md is stale: run `npx fazhi conformance --markdown` and paste the table');
});

test('a refused step says why and names the article', async () => {
  const r = await sb.run({
    type: 'disclosure',
    intake: { receivedOn: '2026-03-02', channel: 'letter', applicantType: 'person', content: '某信息', parties: [{ role: 'applicant', name: '李四' }] },
    steps: [{ on: '2026-03-26', action: 'request_correction', fields: { items: '补正', deadline: '2026-04-10' } }],
  });
  assert.equal(r.final.ok, false);
  assert.match(r.final.refusal!, /政府信息公开条例第三十条/);
  assert.equal(r.final.refusalStatus, 409, 'a step the law forbids is a 409');
  assert.equal(r.final.state, 'received', 'a refused step changes nothing');
});
