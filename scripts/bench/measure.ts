/** Timing and memory helpers for the bench: wall time by hrtime, peaks by sampling every 20 ms. */
import { fork } from "node:child_process";
import { resolve } from "node:path";

export interface Measured<T> {
  value: T;
  seconds: number;
  /** Peak resident set size (bytes): the larger of the 20 ms samples and the kernel's maxRSS. */
  peakRss: number;
  /** Peak V8 heap used (bytes), sampled. */
  peakHeap: number;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function measure<T>(fn: () => T | Promise<T>): Promise<Measured<T>> {
  gc();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    sample();
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    return { value, seconds, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

export type StepResult = Record<string, number | string | null>;

/** Runs one step in its own Node process (tsx loader, --expose-gc), so that its peak RSS is its own. */
export function runStep(step: string, args: readonly string[]): Promise<StepResult> {
  return new Promise((done, fail) => {
    const child = fork(resolve(__dirname, "step.ts"), [step, ...args], {
      execArgv: ["--import", "tsx", "--expose-gc", "--max-old-space-size=4096"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: StepResult | null = null;
    child.on("message", (m) => {
      result = m as StepResult;
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (result) done(result);
      else fail(new Error(`bench step ${step} ${args.join(" ")} exited with ${code}`));
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const MB = 1024 * 1024;
