import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { seesPersonalData } from '../kernel/auth/actor.ts';
import { stateLabel } from '../kernel/cases/define.ts';
import { maskName } from '../kernel/privacy.ts';

/** "%" and "_" typed by a user are letters, not LIKE wildcards. */
export const likeEscaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * The header's search box: 案号, 事项 or 当事人 name, over the cases the user may see. A party
 * name is shown masked unless the user handles the case, as everywhere else.
 */
export async function searchCases(k: Kernel, actor: Actor, q: string, limit = 20) {
  const pattern = likeEscaped(q.trim());
  const rows = await k.db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.type', 'c.number', 'c.title', 'c.state', 'c.received_on', 'o.name as org_name', 'o.path as org_path'])
    .select(sql<string | null>`(select p.name from case_parties p where p.case_id = c.id and p.name like ${pattern} escape '\\' order by p.id limit 1)`.as('party'))
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where((eb) =>
      eb.or([
        sql<boolean>`c.number like ${pattern} escape '\\'`,
        sql<boolean>`c.title like ${pattern} escape '\\'`,
        sql<boolean>`exists (select 1 from case_parties p where p.case_id = c.id and p.name like ${pattern} escape '\\')`,
      ]),
    )
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const def = k.types.get(r.type);
    return {
      caseId: r.id,
      number: r.number,
      title: r.title,
      typeName: def.name,
      stateLabel: stateLabel(def, r.state),
      orgName: r.org_name,
      receivedOn: r.received_on,
      party: r.party ? (seesPersonalData(actor, r.type, r.org_path) ? r.party : maskName(r.party)) : null,
    };
  });
}
