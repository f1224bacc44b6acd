import type { FastifyPluginAsync } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { scenarioSchema, simulate } from '../../conformance/simulate.ts';
import { requireActor, type App } from '../app.ts';

/**
 * What-if: replays a scenario on a throw-away in-memory database with this server's calendar.
 * Nothing is written to the real database, so any logged-in user may ask.
 */
export const simulateRoutes = (k: Kernel): FastifyPluginAsync => async (app: App) => {
  app.post(
    '/api/simulate',
    {
      schema: {
        tags: ['期限模拟'],
        summary: '期限模拟：在临时数据库上按日期重放办理环节，返回每一步后的状态和全部期限（不写入数据）',
        body: scenarioSchema,
      },
    },
    async (req) => {
      requireActor(req);
      return simulate(req.body, k.calendar);
    },
  );
};
