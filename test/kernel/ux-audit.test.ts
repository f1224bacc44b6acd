import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { eachDatabase, makeWorld, reconsiderationIntake, rejects, applicant, type World } from '../helpers.ts';
import { createCase, getCase, performAction } from '../../src/kernel/cases/engine.ts';
import { computeIndicators } from '../../src/kernel/indicators/compute.ts';
import { scopeWords, SCOPE_MARK } from '../../src/reports/draft.ts';
import { checkReport, clauseBefore } from '../../src/reports/check.ts';
import { reportDocx } from '../../src/reports/docx.ts';
import { SECTION_HEADINGS } from '../../src/reports/report.ts';
import { stateWithOutcome } from '../../web/src/components/labels.ts';

/**
 * The UX audit of 2026-11 (docs/ux-audit.md): each bug fixed in the kernel or the reports, where it
 * would come back. Browser behaviour is in test/browser/ux-audit.e2e.ts.
 */
eachDatabase('UX audit 2026-11', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb, '2026-12-28');
  });
  after(async () => w.conn.close());

  test('B12: once 补正 was notified, 通知补正 is no longer offered, and the API names the 一次性 rule', async () => {
    const id = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2026-12-01') });
    assert.ok((await getCase(w.k, w.clerk, id)).actions.some((a) => a.key === 'request_correction'));
    await performAction(w.k, w.clerk, id, 'request_correction', { on: '2026-12-02', data: { items: '请补充身份证明' } });
    await performAction(w.k, w.clerk, id, 'receive_correction', { on: '2026-12-04' });
    const c = await getCase(w.k, w.clerk, id);
    assert.equal(c.state, 'received');
    assert.ok(!c.actions.some((a) => a.key === 'request_correction'), c.actions.map((a) => a.key).join());
    await rejects(performAction(w.k, w.clerk, id, 'request_correction', { on: '2026-12-07', data: { items: '再补' } }), 409, /一次性/);
  });

  test('B28: an unpublished next year warns on a running clock, not on one stopped this year', async () => {
    const running = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2026-12-01') });
    const done = await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2026-12-01') });
    for (const id of [running, done]) await performAction(w.k, w.clerk, id, 'accept', { on: '2026-12-03' });
    const decisionOf = async (id: number) => (await getCase(w.k, w.clerk, id)).clocks.find((x) => x.key === 'decision')!;
    const open = await decisionOf(running);
    assert.ok(open.dueOn! > '2027-01-01', open.dueOn!);
    assert.ok(open.warnings.some((x) => x.startsWith('2027年')), 'a clock running into 2027 says its due date is provisional');
    await performAction(w.k, w.clerk, done, 'hear_views', { on: '2026-12-18', data: { method: 'phone', record: '双方意见' } });
    await performAction(w.k, w.clerk, done, 'decide', { on: '2026-12-20', data: { outcome: 'upheld', approval: 'head', reviewers: '张三、李四', summary: '维持' } });
    const closed = await decisionOf(done);
    assert.equal(closed.status, 'stopped');
    assert.deepEqual(closed.warnings, [], '2027 holidays cannot change a clock that stopped in 2026');
  });

  test('B34: after 派单 the 经办人 is the unit that signs, and the centre\'s 回访 does not take it back', async () => {
    const id = await createCase(w.k, w.admin, { type: 'hotline', orgId: w.district, fields: { receivedOn: '2026-12-01', channel: 'phone', kind: 'complaint', category: '教育收费', content: '学校违规收取资料费', urgency: 'normal', parties: [applicant] } });
    assert.equal((await getCase(w.k, w.admin, id)).handlerName, '管理员');
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2026-12-01', data: { unitId: w.education } });
    assert.equal((await getCase(w.k, w.admin, id)).handlerName, null, 'unassigned until the unit signs');
    await performAction(w.k, w.eduClerk, id, 'sign', { on: '2026-12-02' });
    await performAction(w.k, w.eduClerk, id, 'complete', { on: '2026-12-03', data: { result: '已责令退费' } });
    const done = await getCase(w.k, w.admin, id);
    assert.equal(done.handlerName, '教体局经办');
    assert.equal(done.closedOn, null, '已办结待回访 is not yet 结案');
    await performAction(w.k, w.admin, id, 'visit', { on: '2026-12-04', data: { resolved: true, satisfaction: 'satisfied' } });
    const closed = await getCase(w.k, w.admin, id);
    assert.equal(closed.handlerName, '教体局经办');
    assert.equal(closed.closedOn, '2026-12-04');

    // B9: the unit's page counts the order as 承办 (sent to it), not as 受理 (registered by the centre).
    const figures = async (orgId: number) => Object.fromEntries((await computeIndicators(w.k, { orgId, from: '2026-01-01', to: '2026-12-31' }, ['hotline.orders', 'hotline.assigned', 'hotline.completed'])).map((v) => [v.key, v.value]));
    assert.deepEqual(await figures(w.education), { 'hotline.orders': 0, 'hotline.assigned': 1, 'hotline.completed': 1 });
    assert.deepEqual(await figures(w.district), { 'hotline.orders': 1, 'hotline.assigned': 1, 'hotline.completed': 1 });
  });

  test('B11: report sentences leave the scope to the reporting unit: 全区各级, 本街道, 本单位指导的', () => {
    for (const t of w.k.types.all()) for (const s of t.report?.sentences ?? []) assert.ok(!/全区|全县|各级/.test(s), `${t.key}: ${s}`);
    assert.ok(w.k.types.all().some((t) => t.report?.sentences.some((x) => x.startsWith(`${SCOPE_MARK}人民调解组织`))));
    assert.equal(scopeWords({ kind: 'government', name: '测试区人民政府', shortName: '测试区' }), '全区各级');
    assert.equal(scopeWords({ kind: 'government', name: '安福县人民政府', shortName: '安福县' }), '全县各级');
    assert.equal(scopeWords({ kind: 'township', name: '城关街道办事处', shortName: '城关街道' }), '本街道');
    assert.equal(scopeWords({ kind: 'township', name: '青溪镇人民政府', shortName: '青溪镇' }), '本镇');
    assert.equal(scopeWords({ kind: 'department', name: '测试区司法局', shortName: '区司法局' }), '本单位指导的');
  });

  const report = (sections: Record<string, string>) => {
    const h = SECTION_HEADINGS(2025);
    return { org_id: w.justice, year: 2025, title: '测试区司法局2025年法治政府建设年度报告', state: 'draft', snapshot: null, sections: Object.entries(sections).map(([kind, body]) => ({ kind: kind as any, heading: (h as any)[kind], body })) };
  };
  const full = {
    achievements: '（一）化解矛盾纠纷。本局指导受理人民调解案件297起。',
    shortcomings: '一是调解力量不足，主要原因是专职调解员少。',
    first_responsibility: '主要负责人认真履行第一责任人职责。',
    next_year: '一是充实调解力量，全年人民调解受理案件不少于300起，人民调解受理案件达到320起。',
  };

  test('B24: a target in the next year\'s 安排 is not a typed figure; the quotation starts at its clause', async () => {
    const r = await checkReport(w.k, report(full));
    const typed = r.findings.filter((f) => f.rule === 'typed_figure');
    assert.equal(typed.length, 1, JSON.stringify(typed));
    assert.equal(typed[0].section, 'achievements');
    assert.equal(typed[0].text, '本局指导受理人民调解案件297起', 'from the last punctuation, not mid-word');
    const targets = await checkReport(w.k, report({ ...full, achievements: '（一）化解矛盾纠纷。力争人民调解受理案件不少于300起。' }));
    assert.deepEqual(targets.findings.filter((f) => f.rule === 'typed_figure'), [], 'a target in any part is not a record');
    assert.equal(clauseBefore('一二三四五六七八九十甲乙丙', 13, 5), '…九十甲乙丙', 'no clause mark in reach: marked as cut');
  });

  test('B25: 错误 is what blocks 送审; a missed deadline is a 警告 and the check passes', async () => {
    const r = await checkReport(w.k, report(full));
    const deadline = r.findings.find((f) => f.rule === 'deadline')!;
    assert.match(deadline.message, /已过.*尚未报送/);
    assert.equal(deadline.severity, 'warning');
    assert.equal(r.ok, true);
  });

  test('B29: in the .docx (and the PDF made from it) a heading keeps with its first paragraph', async () => {
    const docx = await reportDocx({ title: '测试报告', date: '2026-01-20', signature: '测试区司法局', sections: [{ number: '一、', heading: '主要举措', rendered: '正文。' }, { number: '四、', heading: '下一年安排', rendered: '一是。' }] });
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
    const paragraphs = xml.split('<w:p>').filter((p) => /四、下一年安排|一、主要举措/.test(p));
    assert.equal(paragraphs.length, 2);
    for (const p of paragraphs) assert.match(p, /<w:keepNext\/>/);
    const body = xml.split('<w:p>').find((p) => p.includes('正文。'))!;
    assert.doesNotMatch(body, /<w:keepNext\/>/, 'body text flows');
  });
});

test('B32: lists say a state and its outcome once', () => {
  assert.equal(stateWithOutcome('不予受理', '不予受理'), '不予受理');
  assert.equal(stateWithOutcome('终止', '撤回申请终止（含和解）'), '撤回申请终止（含和解）');
  assert.equal(stateWithOutcome('已决定', '撤销'), '已决定（撤销）');
  assert.equal(stateWithOutcome('审理中', null), '审理中');
});
