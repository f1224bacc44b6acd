import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { f } from '../../kernel/cases/define.ts';
import { assertCan } from '../../kernel/auth/permissions.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { recomputeInBackground, recomputeStatus } from '../../kernel/calendar/recompute.ts';
import { badRequest } from '../../kernel/errors.ts';
import { requireActor, type App } from '../app.ts';

export const calendarRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags: ['日历'],
        summary: '期限计算：自某日起若干工作日或自然日',
        querystring: z.object({
          from: f.date('起算日期'),
          workdays: z.coerce.number().int().min(1).max(3650).optional().meta({ title: '工作日数' }),
          days: z.coerce.number().int().min(1).max(3650).optional().meta({ title: '自然日数' }),
        }),
      },
    },
    async (req) => {
      const { from, workdays, days } = req.query;
      if ((workdays === undefined) === (days === undefined)) throw badRequest('请在「工作日数」和「自然日数」中填写且只填写一项');
      return computeDue(k.calendar, from, workdays ? { length: workdays, unit: 'workday' } : { length: days!, unit: 'day' });
    },
  );

  app.get('/api/calendar/overrides', { schema: { tags: ['日历'], summary: '管理员录入的节假日与调休' } }, async () => {
    return {
      overrides: await k.db.selectFrom('calendar_overrides').selectAll().orderBy('day').execute(),
      years: await k.db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),
    };
  });

  // The calculator uses the new calendar at once; stored due dates follow in the background.
  const changed = async () => {
    await k.reloadCalendar();
    void recomputeInBackground(k);
    return recomputeStatus(k);
  };

  app.get('/api/calendar/recompute', { schema: { tags: ['日历'], summary: '节假日变更后期限重算的进度' } }, async () => recomputeStatus(k));

  app.put(
    '/api/calendar/overrides/:day',
    {
      schema: {
        tags: ['日历'],
        summary: '录入一天的放假或调休上班（系统管理员）；所有期限随之重算',
        params: z.object({ day: f.date('日期') }),
        body: z.object({ kind: f.choice('类型', { holiday: '放假', workday: '调休上班' }), name: f.text('名称', 50) }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertCan(actor, 'calendar.edit');
      const row = { day: req.params.day, ...req.body };
      await k.db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('calendar_overrides').selectAll().where('day', '=', row.day).executeTakeFirst();
        await trx.insertInto('calendar_overrides').values(row).onConflict((oc) => oc.column('day').doUpdateSet({ kind: row.kind, name: row.name })).execute();
        await appendAudit(trx, { actorId: actor.id, action: 'calendar.set', entity: 'calendar', entityId: row.day, before, after: row });
      });
      return { ok: true, recompute: await changed() };
    },
  );

  app.post(
    '/api/calendar/years',
    {
      schema: {
        tags: ['日历'],
        summary: '确认某年节假日安排已全部录入（系统管理员），此后该年期限不再提示为暂定',
        body: z.object({ year: z.number().int().min(2000).max(2100).meta({ title: '年度' }), note: f.text('依据（如国务院办公厅通知文号）', 200) }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertCan(actor, 'calendar.edit');
      await k.db.transaction().execute(async (trx) => {
        await trx.insertInto('calendar_years').values(req.body).onConflict((oc) => oc.column('year').doUpdateSet({ note: req.body.note })).execute();
        await appendAudit(trx, { actorId: actor.id, action: 'calendar.publish_year', entity: 'calendar', entityId: String(req.body.year), after: req.body });
      });
      return { ok: true, recompute: await changed() };
    },
  );
};
