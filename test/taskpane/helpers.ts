/** Shared setup of the task-pane tests (jsdom): polyfills jsdom lacks, and the shipped samples as File objects. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";

export function polyfillJsdom(): void {
  const g = globalThis as Record<string, unknown>;
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  // Fluent's components ask for these; jsdom has neither.
  g.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}

export const SAMPLES = join(__dirname, "..", "..", "samples");

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith(".json")) out.push(full);
  }
  return out;
}

/** Every shipped sample, as the file picker would give it. */
export function sampleFiles(): File[] {
  return walk(SAMPLES, []).map((path) => new File([readFileSync(path)], basename(path), { type: "application/json" }));
}

export function textFile(name: string, text: string): File {
  return new File([text], name, { type: "application/json" });
}
