import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../kernel/kernel.ts';
import { cachedRead } from '../kernel/read-cache.ts';

/**
 * A home-page read (即将到期, figures, 待办, 预警, messages) from the read cache, kept as its JSON
 * text: every page view asks for them, and a hit is then sent as stored instead of being
 * serialised again (500 预警 rows are most of such a request's CPU).
 */
export async function sendCachedJson(k: Kernel, req: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<unknown>): Promise<FastifyReply> {
  const body = await cachedRead(k, key, async () => JSON.stringify(await compute()), req.readGeneration);
  return reply.type('application/json; charset=utf-8').send(body);
}
