import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { eachDatabase, makeWorld, applicant, rejects, type World } from '../helpers.ts';
import { createCase, performAction, getCase, listCases, actionForm } from '../../src/kernel/cases/engine.ts';
import { computeIndicators, indicatorRecords } from '../../src/kernel/indicators/compute.ts';
import { importCases, readRows } from '../../src/kernel/cases/import.ts';
import { todosFor } from '../../src/kernel/todos.ts';
import { warningSummary } from '../../src/workbench/warnings.ts';
import { getOrg } from '../../src/kernel/orgs.ts';
import { decodeText } from '../../src/analysis/ingest.ts';
import { hotline } from '../../src/institutions/hotline/index.ts';

/** Review rows 8.2/8.3: a 紧急 12345 order's 签收 (2 小时) and 办理 (24 小时) limits are counted in hours. */
eachDatabase('12345 紧急工单 in hours', (tdb) => {
  let w: World;
  const clock = async (id: number, key: string) => (await getCase(w.k, w.admin, id)).clocks.find((c) => c.key === key)!;
  const figures = async (keys: string[], live = false) =>
    Object.fromEntries((await computeIndicators(w.k, { orgId: w.district, from: '2026-03-01', to: '2026-03-31' }, keys, { live })).map((v) => [v.key, v.value]));
  const order = (urgency: string, on = '2026-03-02') =>
    createCase(w.k, w.admin, { type: 'hotline', orgId: w.district, fields: { receivedOn: on, channel: 'phone', kind: 'help', category: '供水', content: '整栋楼停水', urgency, parties: [applicant] } });

  before(async () => {
    w = await makeWorld(tdb, '2026-03-31');
  });
  after(async () => w.conn.close());

  test('签收 within 2 hours and 办结 within 24 hours of the minute of 派单; late by minutes is late; figures and rollups by the instant', async () => {
    const a = await order('urgent');
    await performAction(w.k, w.admin, a, 'dispatch', { on: '2026-03-02', data: { unitId: w.education, at: '09:00' } });
    const sign = await clock(a, 'sign');
    assert.deepEqual([sign.unit, sign.length, sign.startedAt, sign.dueAt, sign.dueOn], ['hour', 2, '2026-03-02 09:00', '2026-03-02 11:00', '2026-03-02']);
    await performAction(w.k, w.eduClerk, a, 'sign', { on: '2026-03-02', data: { at: '11:20' } });
    const signed = await clock(a, 'sign');
    assert.deepEqual([signed.stoppedAt, signed.late], ['2026-03-02 11:20', true], 'signed on the due date, 20 minutes late');
    await performAction(w.k, w.eduClerk, a, 'complete', { on: '2026-03-03', data: { result: '已抢修恢复供水', at: '08:59' } });
    assert.equal((await clock(a, 'handling')).late, false, 'done before 03-03 09:00');
    // A second urgent order signed in time but finished a minute after its 24 hours.
    const b = await order('urgent');
    await performAction(w.k, w.admin, b, 'dispatch', { on: '2026-03-02', data: { unitId: w.education, at: '14:00' } });
    await performAction(w.k, w.eduClerk, b, 'sign', { on: '2026-03-02', data: { at: '15:59' } });
    await performAction(w.k, w.eduClerk, b, 'complete', { on: '2026-03-03', data: { result: '已处理', at: '14:01' } });
    assert.equal((await clock(b, 'handling')).late, true);
    // A 一般 order is counted in working days as before, its time of day ignored.
    const c = await order('normal');
    await performAction(w.k, w.admin, c, 'dispatch', { on: '2026-03-02', data: { unitId: w.education, at: '17:00' } });
    await performAction(w.k, w.eduClerk, c, 'sign', { on: '2026-03-03', data: { at: '16:00' } });
    const normal = await clock(c, 'sign');
    assert.deepEqual([normal.unit, normal.dueOn, normal.dueAt, normal.late], ['workday', '2026-03-03', null, false]);
    // Hand count: signed 3, on time 2 (b, c); completed 2, on time 1 (a). Rollups agree with the live count.
    const keys = ['12345工单.签收', '12345工单.按时签收', '12345工单.办结', '12345工单.按时办结'];
    assert.deepEqual(Object.values(await figures(keys)), [3, 2, 2, 1]);
    assert.deepEqual(await figures(keys, true), await figures(keys));
    const records = await indicatorRecords(w.k, '12345工单.按时接单率', { orgId: w.district, from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual(
      records.items.map((r) => [r.caseId, r.inNumerator]),
      [[a, false], [b, true], [c, true]],
      'the drill-down marks the same orders',
    );
  });

  test('overdue by the minute: the case page, the case list, 待办 and the red warnings', async () => {
    w.today.value = '2026-03-10';
    w.today.at = '08:00';
    const id = await order('urgent', '2026-03-10');
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2026-03-10', data: { unitId: w.education, at: '08:00' } });
    const gov = await getOrg(w.k.db, w.district);
    const seen = async () => {
      const page = await clock(id, 'sign');
      const list = await listCases(w.k, w.admin, { page: 1, pageSize: 50, overdue: 'true', type: 'hotline' } as any);
      const todo = (await todosFor(w.k, w.eduClerk)).items.find((t) => t.caseId === id);
      const red = (await warningSummary(w.k, gov.path, { level: 'red', limit: 50 })).items.some((x) => x.caseId === id && x.clock.key === 'sign');
      return { page: page.overdue, list: list.items.some((x) => x.id === id), todo: todo?.overdue, red };
    };
    w.today.at = '10:00';
    assert.deepEqual(await seen(), { page: false, list: false, todo: false, red: false }, 'due at 10:00: not yet');
    w.today.at = '10:01';
    assert.deepEqual(await seen(), { page: true, list: true, todo: true, red: true }, 'a minute later, overdue the same day');
    assert.equal((await clock(id, 'sign')).dueOn, '2026-03-10');
    w.today.value = '2026-03-31';
    w.today.at = undefined;
  });

  test('a step without its time is judged by dates; the forms offer the time; an urgent order has no 延期', async () => {
    const id = await order('urgent', '2026-03-11');
    await performAction(w.k, w.admin, id, 'dispatch', { on: '2026-03-11', data: { unitId: w.education } });
    const c = await clock(id, 'handling');
    assert.deepEqual([c.dueAt, c.dueOn], [null, '2026-03-12'], '24 hours from the start of 03-11');
    await performAction(w.k, w.eduClerk, id, 'sign', { on: '2026-03-11', data: { at: '23:00' } });
    assert.equal((await clock(id, 'sign')).late, false, 'without the dispatch time only the dates compare');
    await rejects(performAction(w.k, w.eduClerk, id, 'request_extension', { on: '2026-03-11', data: { days: 1, reason: '需协调' } }), 400, /紧急工单.*24小时.*不予延期/);
    await rejects(performAction(w.k, w.eduClerk, id, 'complete', { on: '2026-03-12', data: { result: '已处理', at: '24:00' } }), 400, /HH:mm/);
    const form = actionForm(hotline.actions.find((a) => a.key === 'sign')!);
    assert.ok((form.schema as any).properties.at, '签收 asks for its time');
  });

  test('the 12345 import reads a time in the date columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['热线工单编号', '受理日期', '来源渠道', '诉求类型', '问题分类', '诉求内容', '紧急程度', '当事人姓名/名称', '承办单位', '派单日期', '签收日期', '办结日期', '办理结果']);
    ws.addRow(['RH001', '2026-03-16', '电话', '求助', '供水', '停水', '紧急', '周某', '测试区教育体育局', '2026-03-16 09:30', '2026-03-16 11:45', '2026-03-17 09:00', '已恢复']);
    // An Excel date-time cell (ExcelJS reads it as the wall-clock time in UTC).
    ws.addRow(['RH002', '2026-03-16', '电话', '求助', '供电', '停电', '紧急', '吴某', '测试区教育体育局', new Date(Date.UTC(2026, 2, 16, 10, 0)), new Date(Date.UTC(2026, 2, 16, 11, 30)), '', '']);
    const rows = await readRows('export.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), decodeText);
    assert.deepEqual(await importCases(w.k, w.admin, { type: 'hotline', orgId: w.district, rows }), { imported: 2 });
    const ids = (await w.k.db.selectFrom('cases').select('id').where('type', '=', 'hotline').where(sql<string>`fields ->> 'orderNo'`, 'in', ['RH001', 'RH002']).orderBy('id').execute()).map((r) => r.id);
    const [one, two] = await Promise.all(ids.map((id) => clock(id, 'sign')));
    assert.deepEqual([one.dueAt, one.stoppedAt, one.late], ['2026-03-16 11:30', '2026-03-16 11:45', true]);
    assert.deepEqual([two.dueAt, two.stoppedAt, two.late], ['2026-03-16 12:00', '2026-03-16 11:30', false]);
    assert.equal((await clock(ids[0], 'handling')).late, false, 'done 03-17 09:00, due 09:30');
  });
});
