import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assignDuties, eachDatabase, makeWorld, rejects, type World } from '../helpers.ts';
import { actorById, createUser } from '../../src/kernel/auth/sessions.ts';
import { can, handles } from '../../src/kernel/auth/permissions.ts';
import { maskParty, maskText } from '../../src/kernel/privacy.ts';

eachDatabase('duties and permissions', (tdb) => {
  let w: World;
  before(async () => {
    w = await makeWorld(tdb);
  });
  after(async () => w.conn.close());

  test('a duty holds in its own org only (or below it, when it says so), and never outside the scope', async () => {
    const id = await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'd1', displayName: '职责', role: 'clerk', password: 'Test@12345' });
    await assignDuties(w.k, id, [
      { orgId: w.justice, subunits: false, subject: 'registers', actions: ['publish'] },
      { orgId: w.district, subunits: true, subject: 'case:hotline', actions: ['dispatch', 'visit'] },
    ]);
    const a = (await actorById(w.k.db, id))!;
    const path = async (orgId: number) => (await w.k.db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow()).path;
    assert.equal(can(a, 'registers.publish', await path(w.justice)), true);
    assert.equal(can(a, 'registers.publish', await path(w.education)), false, 'a district-wide scope is not the duty');
    assert.equal(can(a, 'case:hotline.visit', await path(w.education)), true);
    assert.equal(can(a, 'case:hotline.sign', await path(w.education)), false);
    assert.equal(handles(a, 'hotline', await path(w.township)), true);
    assert.equal(handles(a, 'disclosure', await path(w.justice)), false);
    assert.equal(can(w.eduClerk, 'case:disclosure.answer', await path(w.justice)), false, 'outside the scope');
  });

  test('duties are checked when set: no duties for a leader or the security and audit administrators, no role-only capability, no unknown step, no org outside the scope', async () => {
    const sec = await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'sec', displayName: '安全', role: 'secadmin', password: 'Test@12345' });
    await rejects(assignDuties(w.k, sec, [{ orgId: w.justice, subject: 'case:reconsideration', actions: ['*'] }]), 400, /不承担业务职责/);
    await rejects(assignDuties(w.k, w.leader.id, [{ orgId: w.justice, subject: 'reports', actions: ['publish'] }]), 400, /不承担业务职责/);
    await rejects(assignDuties(w.k, w.eduClerk.id, [{ orgId: w.education, subject: 'audit', actions: ['read'] }]), 400, /没有「audit」/);
    await rejects(assignDuties(w.k, w.eduClerk.id, [{ orgId: w.education, subject: 'case:hotline', actions: ['fly'] }]), 400, /没有环节 fly/);
    await rejects(assignDuties(w.k, w.eduClerk.id, [{ orgId: w.justice, subject: 'case:disclosure', actions: ['*'] }]), 400, /不在该用户的管辖范围内/);
    const audit = await w.k.db.selectFrom('audit_events').select('action').where('action', '=', 'user.duties').execute();
    assert.ok(audit.length >= 3, 'every change of duties is in the audit trail');
  });
});

test('the masker: names decided by kind, not by ending; IDs by their birth date; landlines in every spelling; addresses', () => {
  assert.equal(maskParty({ role: 'applicant', name: '刘会', idNumber: null, phone: null, address: null }).name, '刘*');
  assert.equal(maskParty({ role: 'applicant', name: '青溪恒达建筑工程有限公司', idNumber: '91350100MA0000000X', phone: null, address: '青溪区人民路8号' }).name, '青溪恒达建筑工程有限公司');
  assert.equal(maskParty({ role: 'applicant', name: '张社', kind: 'person', idNumber: null, phone: null, address: null }).name, '张*');
  const t = maskText('刘会与张社，身份证990101199001011237，代码92350100000000000X，电话0799-6123456、(0799)6123456、（0799）6123456、13800138000，住城关街道幸福路1号3单元，石门乡大坪村三组', ['刘会', '张社']);
  for (const s of ['刘会', '张社', '990101199001011237', '6123456', '13800138000', '幸福路1号', '大坪村三组']) assert.ok(!t.includes(s), `${s} in ${t}`);
  assert.ok(t.includes('92350100000000000X'), 'a credit code is not an ID number');
  assert.ok(t.includes('石门乡****'), 'the township stays');
});
