/**
 * Serialised access to the open workbook. Every task goes through one promise queue (two Excel.run batches that
 * interleave can see each other's half-written sheets), with delayForCellEdit so a reviewer typing in a cell is
 * waited for instead of failing. Syncs go through the session so tests (and the progress UI) can count them and
 * see the estimated payload of each request.
 */
import { ExcelTaskError, errorCode } from "./errors";

export type ExcelRunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SyncEvent {
  /** 1-based count of syncs made through this runner. */
  index: number;
  /** Estimated bytes of the request just sent (what the caller queued: JSON length of its arrays and ops). */
  payloadBytes: number;
  label: string;
}

/**
 * What a task receives. Named `context` at call sites on purpose: it reads like Office.js code (context.workbook,
 * context.sync()) and lets eslint-plugin-office-addins check load/sync order; its sync is the counted one.
 */
export interface ExcelSession {
  readonly requestContext: Excel.RequestContext;
  readonly workbook: Excel.Workbook;
  /** Adds to the payload estimate of the pending request. */
  queued(bytes: number): void;
  readonly pendingBytes: number;
  sync(label?: string): Promise<void>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  supports(version: string): boolean;
}

export interface ExcelRunner {
  run<T>(task: (session: ExcelSession) => Promise<T>): Promise<T>;
  readonly syncCount: number;
}

export interface RunnerOptions {
  /** Defaults to Excel.run with delayForCellEdit. */
  run?: ExcelRunFn;
  onSync?: (event: SyncEvent) => void;
  /** Defaults to Office.context.requirements.isSetSupported("ExcelApi", version). */
  supports?: (version: string) => boolean;
}

const defaultRun: ExcelRunFn = (batch) => Excel.run({ delayForCellEdit: true }, batch);

function defaultSupports(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

export function createExcelRunner(options: RunnerOptions = {}): ExcelRunner {
  const run = options.run ?? defaultRun;
  const supports = options.supports ?? defaultSupports;
  let tail: Promise<unknown> = Promise.resolve();
  let syncCount = 0;

  const execute = <T>(task: (session: ExcelSession) => Promise<T>): Promise<T> =>
    run(async (context) => {
      let pending = 0;
      const session: ExcelSession = {
        requestContext: context,
        workbook: context.workbook,
        queued: (bytes) => void (pending += bytes),
        get pendingBytes() {
          return pending;
        },
        sync: async (label = "") => {
          const payloadBytes = pending;
          pending = 0;
          await context.sync();
          syncCount++;
          options.onSync?.({ index: syncCount, payloadBytes, label });
        },
        supports,
      };
      return task(session);
    });

  return {
    run<T>(task: (session: ExcelSession) => Promise<T>): Promise<T> {
      const result = tail.then(() => execute(task));
      tail = result.catch(() => undefined);
      // RichApi errors become Chinese messages; our own errors (already Chinese) and aborts pass through.
      return result.catch((error: unknown) => {
        if (error instanceof ExcelTaskError || errorCode(error) === null) throw error;
        throw new ExcelTaskError(error);
      });
    },
    get syncCount() {
      return syncCount;
    },
  };
}

/** UTF-8 byte length of a string (what travels in the request), without Buffer or TextEncoder. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
