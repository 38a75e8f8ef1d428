import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** src/core is the functional core: no Office, React, files, processes or clock. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/u.test(name) ? [full] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+["'](node:)?(fs|path|os|child_process|crypto|process)["']/u, "Node I/O module"],
  [/from\s+["'](react|react-dom|@fluentui\/[^"']+|exceljs)["']/u, "UI or file library"],
  [/\bOffice\.(?!js\b)|\bExcel\.run\b/u, "Office.js"],
  [/\bDate\.now\(|new Date\(\s*\)/u, "the clock"],
  [/\bprocess\.(env|cwd|argv|stdout|stderr)/u, "the process"],
  [/\bMath\.random\(/u, "randomness"],
];

describe("src/core is pure", () => {
  const files = sources(join(__dirname, "..", "..", "src", "core"));
  it("has sources", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [f.slice(f.indexOf("src/core")), f]))(
    "%s uses no I/O, UI, Office or clock",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      for (const [pattern, what] of FORBIDDEN) {
        expect({ file: _name, what, found: pattern.test(text) }).toEqual({ file: _name, what, found: false });
      }
    },
  );
});
