import { Worker } from 'node:worker_threads';
import { AppError } from '../kernel/errors.ts';
import type { FileResult } from '../analysis/files.ts';
import type { ParseTask } from './parse-tasks.ts';

/** Memory the parser may use; a file that needs more is refused instead of swelling the server. */
export const PARSE_MEMORY_MB = 512;
const PARSE_TIMEOUT_MS = 120_000;

/**
 * Uploaded reports and spreadsheets are parsed in one worker thread with a memory cap, one file at a
 * time, so a large or hostile file cannot stall the requests of everybody else. A worker that runs
 * out of memory or time is replaced.
 */
class ParseWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  private spawn(): Worker {
    const w = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_MB, maxYoungGenerationSizeMb: 64 },
    });
    w.unref();
    w.on('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    return w;
  }

  run<T>(task: ParseTask): Promise<T> {
    const result = this.queue.then(() => this.exec<T>(task));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private exec<T>(task: ParseTask): Promise<T> {
    const w = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        w.unref();
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const kill = (err: AppError) => {
        done();
        if (this.worker === w) this.worker = null;
        void w.terminate();
        reject(err);
      };
      const onMessage = (m: { id: number; value?: T; error?: { status?: number; code?: string; message: string; details?: unknown } }) => {
        if (m.id !== id) return;
        done();
        if (!m.error) return resolve(m.value as T);
        if (m.error.status) return reject(new AppError(m.error.status, m.error.code ?? 'bad_request', m.error.message, m.error.details));
        reject(new Error(`解析文件出错：${m.error.message}`));
      };
      const onError = (e: Error & { code?: string }) =>
        kill(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError(413, 'too_large', `文件「${task.filename}」解析时所需内存超过${PARSE_MEMORY_MB}MB 的上限，已停止处理；请拆分或简化后再上传`)
            : new AppError(400, 'unreadable', `文件「${task.filename}」无法解析，请确认文件是否完整`),
        );
      const onExit = () => kill(new AppError(400, 'unreadable', `文件「${task.filename}」无法解析，请确认文件是否完整`));
      const timer = setTimeout(() => kill(new AppError(413, 'too_large', `文件「${task.filename}」处理超过${PARSE_TIMEOUT_MS / 1000}秒，已停止；请拆分后再上传`)), PARSE_TIMEOUT_MS);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      w.postMessage({ id, task });
    });
  }
}

const shared = new ParseWorker();

export const analyzeInWorker = (filename: string, bytes: Uint8Array) => shared.run<FileResult>({ kind: 'analyze', filename, bytes });
export const readRowsInWorker = (filename: string, bytes: Uint8Array) => shared.run<Record<string, unknown>[]>({ kind: 'rows', filename, bytes });
