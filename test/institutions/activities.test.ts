import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { computeIndicators, indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { importCases, importTemplate, readRows } from '../../src/kernel/cases/import.ts';
import { decodeText } from '../../src/analysis/ingest.ts';

eachDatabase('activities', (tdb) => {
  let w: World;
  const year = { from: '2024-01-01', to: '2024-12-31' };
  const figures = async (keys: string[]) => Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, ...year }, keys)).map((v) => [v.name, v.value]));
  before(async () => {
    w = await makeWorld(tdb, '2025-02-28');
  });
  after(async () => w.conn.close());

  test('law study, exams and 述法: counts, sums and a pass rate computed from its parts', async () => {
    const add = (type: string, fields: Record<string, unknown>) => createCase(w.k, w.clerk, { type, orgId: w.justice, fields });
    await add('law_study', { receivedOn: '2024-03-05', form: 'center_group', topic: '习近平法治思想', attendees: 15 });
    await add('law_study', { receivedOn: '2024-06-05', form: 'executive_meeting', topic: '行政复议法', attendees: 22 });
    await add('exam', { receivedOn: '2024-11-20', name: '领导干部学法考试', takers: 120, passed: 118 });
    await add('exam', { receivedOn: '2024-12-10', name: '执法人员考试', takers: 210, passed: 207 });
    await rejects(add('exam', { receivedOn: '2024-12-11', name: '错误', takers: 10, passed: 11 }), 400, /合格人数不能多于参考人数/);
    for (const [form, reporter] of [['onsite', '区市场监管局'], ['onsite', '区住建局'], ['onsite', '区教体局'], ['written', '区民政局']]) {
      await add('law_report', { receivedOn: '2024-12-20', form, reporter });
    }
    const v = await figures(['领导干部学法.学法', '领导干部学法.理论学习中心组学法', '领导干部学法.参学人次', '学法考试.合格率', '述法.现场述法', '述法.书面述法']);
    // Hand count: 2 sessions (1 center group), 37 attendees; (118 + 207) ÷ (120 + 210) = 98.5%; 3 onsite, 1 written.
    assert.deepEqual(Object.values(v), [2, 1, 37, 98.5, 3, 1]);
    const drill = await indicatorRecords(w.k, '学法考试.合格率', { orgId: w.district, ...year });
    assert.equal(drill.total, 2);
  });

  test('述法评议: the result, the problems raised and their 整改 by the period the 评议 sets; 整改完成率 from its parts', async () => {
    const add = (reporter: string, person: string) => createCase(w.k, w.clerk, { type: 'law_report', orgId: w.justice, fields: { receivedOn: '2024-01-15', form: 'written', reporter, person, position: 'department_head', year: 2023 } });
    const a = await add('区应急局', '张三');
    const b = await add('区水利局', '李四');
    const c = await add('区商务局', '王五');
    await performAction(w.k, w.clerk, a, 'evaluate', { on: '2024-01-20', data: { result: 'good' } });
    await performAction(w.k, w.clerk, b, 'evaluate_with_issues', { on: '2024-01-20', data: { result: 'average', issues: '一是重大决策未经合法性审查；二是未组织学法', issueCount: 2, days: 60 } });
    await performAction(w.k, w.clerk, c, 'evaluate_with_issues', { on: '2024-01-20', data: { result: 'fair', issues: '未落实述法整改', issueCount: 1, days: 30 } });
    // Late: 30 days from 01-20 ends 02-19.
    await performAction(w.k, w.clerk, c, 'rectify', { on: '2024-03-01', data: { summary: '已建立制度' } });
    await rejects(performAction(w.k, w.clerk, a, 'rectify', { on: '2024-03-01', data: { summary: '无' } }), 409);
    const v = await figures(['述法.评议', '述法.限期整改', '述法.反馈问题', '述法.整改完成', '述法.整改完成率', '述法.按期整改']);
    assert.deepEqual(Object.values(v), [3, 2, 3, 1, 50, 0]);
    const open = await w.k.db.selectFrom('cases').select(['state']).where('id', '=', b).executeTakeFirstOrThrow();
    assert.equal(open.state, 'rectifying');
    const clock = await w.k.db.selectFrom('case_clocks').selectAll().where('case_id', '=', b).where('clock', '=', 'rectification').executeTakeFirstOrThrow();
    assert.equal(String(clock.due_on).slice(0, 10), '2024-03-20');
  });

  test("a year's 普法 activities imported from the platform's own template; one bad row imports nothing", async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await importTemplate(w.k.types.get('publicity'))) as any);
    const ws = template.worksheets[0];
    assert.deepEqual((ws.getRow(1).values as string[]).slice(1), ['活动日期*', '主题*', '地点或载体*', '场次*', '受众人次*']);
    assert.match(String(template.getWorksheet('填写说明')!.getRow(3).getCell(2).value), /宪法宣传周/);
    ws.addRow(['2024-12-04', '宪法宣传周', '城关街道文化广场', 12, 3000]);
    ws.addRow(['2024-05-10', '民法典宣传月', '青溪中学', 8, 1500]);
    ws.addRow(['2024-09-01', '法治进校园', '各中小学', 'abc', 5000]);
    const bytes = new Uint8Array(await template.xlsx.writeBuffer());
    await rejects(importCases(w.k, w.clerk, { type: 'publicity', orgId: w.justice, rows: await readRows('普法.xlsx', bytes, decodeText) }), 400, /第4行：.*场次/);
    assert.equal((await figures(['普法活动.场次']))['普法活动.场次'], 0, 'nothing half-imported');
    ws.getRow(4).getCell(4).value = 20;
    const fixed = new Uint8Array(await template.xlsx.writeBuffer());
    assert.deepEqual(await importCases(w.k, w.clerk, { type: 'publicity', orgId: w.justice, rows: await readRows('普法.xlsx', fixed, decodeText) }), { imported: 3 });
    const v = await figures(['普法活动.场次', '普法活动.受众人次', '普法活动.宪法宣传周场次']);
    assert.deepEqual(Object.values(v), [40, 9500, 12]);
  });

  test('法律顾问 work adds up like seed 000 (936 contracts, 231 meetings, 611 consultations, 35 opinions)', async () => {
    for (const [contracts, meetings, consultations, opinions] of [[500, 120, 300, 20], [436, 111, 311, 15]]) {
      await createCase(w.k, w.clerk, { type: 'counsel_work', orgId: w.justice, fields: { receivedOn: '2024-12-31', counsel: '律师事务所', contracts, meetings, consultations, opinions } });
    }
    const v = await figures(['法律顾问工作.审查合同', '法律顾问工作.参加会议', '法律顾问工作.法律咨询', '法律顾问工作.法律意见书']);
    assert.deepEqual(Object.values(v), [936, 231, 611, 35]);
  });
});
