import { parentPort } from 'node:worker_threads';
import { analyzeFile } from '../analysis/files.ts';
import { decodeText } from '../analysis/ingest.ts';
import { readRows } from '../kernel/cases/import.ts';
import { AppError } from '../kernel/errors.ts';

/** What the parse worker does: the CPU- and memory-heavy reading of uploaded files. */
export type ParseTask = { kind: 'analyze'; filename: string; bytes: Uint8Array } | { kind: 'rows'; filename: string; bytes: Uint8Array };

parentPort?.on('message', async ({ id, task }: { id: number; task: ParseTask }) => {
  try {
    const value = task.kind === 'analyze' ? await analyzeFile(task.filename, task.bytes, true) : await readRows(task.filename, task.bytes, decodeText);
    parentPort!.postMessage({ id, value });
  } catch (e) {
    const err = e instanceof AppError ? { status: e.status, code: e.code, message: e.message, details: e.details } : { message: String((e as Error)?.stack ?? e) };
    parentPort!.postMessage({ id, error: err });
  }
});
