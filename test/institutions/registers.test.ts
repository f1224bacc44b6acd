import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { applicableItems, publishRegister, readRegister, registerWorkbook, rowsToItems } from '../../src/kernel/registers.ts';
import { readRows } from '../../src/kernel/cases/import.ts';
import { createRegisterKinds } from '../../src/institutions/registers/index.ts';

/**
 * Review §16: the 法律顾问和公职律师名册, 证明事项告知承诺制清单, 行政备案事项目录 and 应知应会法律清单
 * are registers like the others: versioned, published whole or not at all, and round-tripped through Excel.
 */
eachDatabase('registers of review §16', (tdb) => {
  let w: World;
  const kinds = createRegisterKinds();
  const counsel = (code: string, name: string, extra: Record<string, unknown> = {}) => ({
    code,
    name,
    category: 'public_lawyer',
    certificate: `1360120${code.slice(-4)}`,
    unit: '测试区司法局',
    termStart: '2025-01-01',
    termEnd: '2027-12-31',
    ...extra,
  });

  before(async () => {
    w = await makeWorld(tdb, '2025-06-16');
  });
  after(async () => w.conn.close());

  test('the 名册 refuses a term that ends before it starts, naming the row; a good one round-trips through Excel', async () => {
    const kind = kinds.get('counsel_roster');
    const bad = [counsel('GZ-0001', '王律师'), counsel('GZ-0002', '李律师', { termStart: '2026-01-01', termEnd: '2025-12-31' })];
    await rejects(publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind, items: bad, note: '首次发布', on: '2025-06-16' }), 400, /第2项：.*聘任期限止不能早于聘任期限起/);
    assert.equal((await applicableItems(w.k.db, w.justice, 'counsel_roster')).length, 0, 'nothing published');

    const items = [
      counsel('GZ-0001', '王律师'),
      counsel('GZ-0002', '李律师', { termStart: '2025-03-01', termEnd: '2025-03-01' }),
      counsel('GW-0001', '赵顾问', { category: 'adviser', unit: '某律师事务所', servedOrg: '测试区人民政府' }),
    ];
    const xlsx = await registerWorkbook(kind, items);
    const rows = await readRows('名册.xlsx', xlsx, (b) => new TextDecoder().decode(b));
    assert.equal(rows[2]['类别'], '法律顾问', 'the option is spelled out in the workbook');
    const back = rowsToItems(kind, rows);
    const r = await publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind, items: back, note: '首次发布', on: '2025-06-16' });
    assert.deepEqual([r.version, r.count], [1, 3]);
    const reg = await readRegister(w.k.db, r.registerId);
    assert.deepEqual(
      reg.items.map((i) => [i.code, i.category, i.termStart, i.termEnd]),
      [
        ['GZ-0001', 'public_lawyer', '2025-01-01', '2027-12-31'],
        ['GZ-0002', 'public_lawyer', '2025-03-01', '2025-03-01'],
        ['GW-0001', 'adviser', '2025-01-01', '2027-12-31'],
      ],
    );
    assert.ok(!('phone' in kind.item.shape), 'a roster of staff keeps no phone numbers');
  });

  test('告知承诺, 备案 and 应知应会 lists publish as versions; each item needs what its list asks for', async () => {
    const pledges = kinds.get('certification_pledges');
    const pledge = { code: 'CN-001', name: '无犯罪记录证明', matter: '律师执业许可', basis: '国办发〔2020〕42号', pledge: '本人无故意犯罪记录', verification: '事后向公安机关核查', breach: '撤销许可并记入信用记录' };
    await rejects(publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind: pledges, items: [{ ...pledge, verification: '' }], note: '首次发布', on: '2025-06-16' }), 400, /第1项：.*事中事后核查方式/);
    await publishRegister(w.k.db, w.clerk, { orgId: w.justice, kind: pledges, items: [pledge], note: '首次发布', on: '2025-06-16' });

    const filings = kinds.get('filing_items');
    await publishRegister(w.k.db, w.admin, { orgId: w.district, kind: filings, items: [{ code: 'BA-001', name: '民办培训机构收费标准备案', department: '区教体局', basis: '地方性法规' }], note: '首次发布', on: '2025-06-16' });
    assert.deepEqual((await applicableItems(w.k.db, w.education, 'filing_items')).map((i) => i.code), ['BA-001'], 'the district’s 目录 applies to its departments');

    const laws = kinds.get('required_laws');
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `YZ-${i + 1}`, name: i ? `个性法律${i}` : '中华人民共和国宪法', scope: i ? 'specific' : 'common', audience: i ? '教体局干部职工' : '全体国家工作人员' }));
    await publishRegister(w.k.db, w.eduClerk, { orgId: w.education, kind: laws, items: list(3), note: '首次发布', on: '2025-03-01' });
    const second = await publishRegister(w.k.db, w.eduClerk, { orgId: w.education, kind: laws, items: list(4), note: '年度更新', on: '2025-06-16' });
    const reg = await readRegister(w.k.db, second.registerId);
    assert.equal(reg.version, 2);
    assert.deepEqual(reg.changes[0].added, ['YZ-4']);
    await rejects(publishRegister(w.k.db, w.eduClerk, { orgId: w.education, kind: laws, items: [{ ...list(1)[0], scope: 'personal' }], note: 'x', on: '2025-06-16' }), 400, /清单类型/);
  });
});
