/**
 * End to end, standalone mode: the production build of the task pane in a real headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core), served from dist/ by a tiny static server on 127.0.0.1.
 *
 * Office.js cannot load here (its CDN request is aborted, which is also what happens offline), so the page must fall
 * back to the standalone browser mode. The test loads the shipped samples, runs 检查 and 评分, downloads both
 * workbooks and opens them with exceljs. Screenshots of every step go to test-artifacts/e2e/.
 *
 * Run with `npm run test:e2e` (jest.e2e.config.js). Needs `apt-get install chromium` (.ci/run does it).
 * E2E_REUSE_DIST=1 skips the webpack build when dist/ already holds one; CHROMIUM_PATH overrides the browser.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import webpack from "webpack";
import { buildCfb } from "../../scripts/corpus/cfb";
import { bomb, ledgerXlsx } from "../../scripts/corpus/workbooks";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
const SAMPLES = path.join(ROOT, "samples");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const PROD_URL = "https://outlets.example.org/review/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const STEP_TIMEOUT = 60_000;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

type WebpackConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => webpack.Configuration;

/** The production build into dist/, with the manifest rewritten for PROD_URL. */
async function buildDist(): Promise<void> {
  const saved = process.env.ADDIN_URL_PROD;
  process.env.ADDIN_URL_PROD = PROD_URL;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js")) as WebpackConfigFactory;
    const config = factory({}, { mode: "production" });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      const compiler = webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } });
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error("webpack gave no stats"));
        else resolve(result);
      });
    });
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true, errorDetails: true }));
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL_PROD;
    else process.env.ADDIN_URL_PROD = saved;
  }
}

/** Serves dist/ read-only; GET and HEAD only, nothing outside the folder. */
async function serveDist(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(DIST, pathname === "/" ? "taskpane.html" : pathname));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    if (request.method === "HEAD") response.end();
    else fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

function sampleFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? walk(path.join(dir, entry.name))
          : entry.name.endsWith(".json")
            ? [path.join(dir, entry.name)]
            : [],
      );
  return walk(SAMPLES).sort();
}

let shot = 0;
async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: path.join(ARTIFACTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** A step of the task pane (a tab in the React UI); nothing to click when every step is on one page. */
async function openStep(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  if ((await tab.count()) > 0) await tab.first().click();
}

function action(page: Page, name: string): Locator {
  return page
    .getByRole("button", { name, exact: true })
    .or(page.getByRole("link", { name, exact: true }))
    .first();
}

async function download(page: Page, name: string, file: string): Promise<string> {
  const target = path.join(ARTIFACTS, file);
  const [event] = await Promise.all([
    page.waitForEvent("download", { timeout: STEP_TIMEOUT }),
    action(page, name).click(),
  ]);
  await event.saveAs(target);
  expect(await event.failure()).toBeNull();
  return target;
}

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function cellText(sheet: ExcelJS.Worksheet, address: string): string {
  const value = sheet.getCell(address).value;
  return value === null || value === undefined ? "" : String(value);
}

function headerRow(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map((value) => (value === null || value === undefined ? "" : String(value)));
}

describe("task pane, standalone mode in headless Chromium", () => {
  let server: http.Server | undefined;
  let baseUrl = "";
  let context: BrowserContext | undefined;
  let userDataDir = "";
  let built = false;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: run \`apt-get update && apt-get install -y chromium\` (see .ci/run)`);
    }
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    built = !(process.env.E2E_REUSE_DIST === "1" && fs.existsSync(path.join(DIST, "taskpane.html")));
    if (built) await buildDist();
    ({ server, url: baseUrl } = await serveDist());

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outlet-review-e2e-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      acceptDownloads: true,
      locale: "zh-CN",
      viewport: { width: 480, height: 900 },
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    // Only our server may be reached: Office.js (Microsoft's CDN) is aborted, as offline, so the page must fall back
    // to the standalone mode; anything else leaving the machine would break "no network calls" and fails the test.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      blocked.push(url);
      return route.abort("internetdisconnected");
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test("dist/ holds the page, the scripts, the icons and a manifest whose every URL it serves", () => {
    const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("https://localhost:3000/");
    // The base URL the build wrote (PROD_URL unless a reused dist/ was built for another host).
    const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+\/)taskpane\.html"/.exec(manifest)?.[1] ?? "";
    if (built) expect(base).toBe(PROD_URL);
    expect(base).toMatch(/^https:\/\//);
    // Every URL that was https://localhost:3000/… in the source manifest now names a file of dist/ under `base`.
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const files = [...new Set([...source.matchAll(/"https:\/\/localhost:3000\/([^"]*)"/g)].map((m) => m[1] as string))];
    expect(files).toContain("taskpane.html");
    for (const file of files) {
      expect(manifest).toContain(`"${base}${file}"`);
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(DIST, `assets/icon-${size}.png`))).toBe(true);
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain(OFFICE_JS);
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1] as string);
    const local = scripts.filter((src) => !src.startsWith("https://"));
    expect(local.length).toBeGreaterThan(0);
    for (const src of local) expect(fs.existsSync(path.join(DIST, src))).toBe(true);
  });

  test("opens in standalone mode when Office.js cannot load, checks and scores the samples, and downloads both workbooks", async () => {
    // 1. The page, without Office.js.
    await page.goto(`${baseUrl}taskpane.html`);
    await page.getByText("独立浏览器模式").first().waitFor();
    expect(blocked).toContain(OFFICE_JS);
    await screenshot(page, "standalone");

    // 2. Load every sample (applications, summaries, ledgers, registry, reviewers' scores).
    const files = sampleFiles();
    expect(files.length).toBeGreaterThan(20);
    await openStep(page, "载入");
    await page.locator('input[type="file"]').first().setInputFiles(files);
    await page
      .getByText(/申报书 14 份/)
      .first()
      .waitFor();
    await screenshot(page, "loaded");

    // 3. Check: verdicts and findings.
    await openStep(page, "检查");
    await action(page, "运行检查").click();
    await page.getByText("问题（按规则）").first().waitFor();
    const counts = await page
      .getByText(/错误 \d+ · 警告 \d+ · 提示 \d+/)
      .first()
      .textContent();
    const errors = Number(/错误 (\d+)/.exec(counts ?? "")?.[1]);
    expect(errors).toBeGreaterThan(0);
    await page
      .getByText(/符合认定条件 \d+ 份/)
      .first()
      .waitFor();
    await screenshot(page, "findings");

    // 4. The review workbook.
    const reviewFile = await download(page, "下载审核工作簿", "review.xlsx");
    await screenshot(page, "review-downloaded");
    const review = await openWorkbook(reviewFile);
    const reviewSheets = review.worksheets.map((sheet) => sheet.name);
    expect(reviewSheets).toEqual(expect.arrayContaining(["申报汇总", "年度总结", "服务台账", "问题清单", "审核日志"]));
    const applications = review.getWorksheet("申报汇总") as ExcelJS.Worksheet;
    expect(cellText(applications, "A1")).toBe("网点名称");
    expect(headerRow(applications)).toContain("统一社会信用代码");
    expect(applications.actualRowCount).toBe(1 + 14);
    const names = Array.from({ length: 14 }, (_, i) => cellText(applications, `A${i + 2}`));
    expect(names).toContain("广州云山理工大学");
    const findings = review.getWorksheet("问题清单") as ExcelJS.Worksheet;
    expect(findings.actualRowCount - 1).toBeGreaterThanOrEqual(errors);
    expect((review.getWorksheet("服务台账") as ExcelJS.Worksheet).actualRowCount).toBeGreaterThan(1000);

    // 5. Score: ranks, totals and grades.
    await openStep(page, "评分");
    await action(page, "运行评分").click();
    await page.getByText("总分", { exact: true }).first().waitFor();
    await page
      .getByText(/优秀|良好|合格/)
      .first()
      .waitFor();
    await screenshot(page, "score");

    // 6. The scoring workbook.
    const scoreFile = await download(page, "下载评审结果", "score.xlsx");
    await screenshot(page, "score-downloaded");
    const score = await openWorkbook(scoreFile);
    expect(score.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["评审结果", "评分明细", "专家"]),
    );
    const results = score.getWorksheet("评审结果") as ExcelJS.Worksheet;
    const header = headerRow(results);
    for (const column of ["名次", "网点", "总分", "等级"]) expect(header).toContain(column);
    const rankColumn = header.indexOf("名次") + 1;
    const gradeColumn = header.indexOf("等级") + 1;
    expect(results.getRow(2).getCell(rankColumn).value).toBe(1);
    expect(["优秀", "良好", "合格", "不合格"]).toContain(String(results.getRow(2).getCell(gradeColumn).value));

    // Nothing but Office.js was asked of the network, and the page threw nothing.
    expect(blocked.filter((url) => url !== OFFICE_JS)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("reads a workbook with the browser's own inflater, and gives every file it cannot review its message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outlet-review-e2e-files-"));
    const ledgerFile = path.join(dir, "台账.xlsx");
    fs.writeFileSync(ledgerFile, await ledgerXlsx());
    const broken: [string, Buffer | string, RegExp][] = [
      ["台账.csv", "服务日期,服务事项\n2025-03-05,知识产权培训\n", /这是 CSV 文本表格/],
      ["旧版.xls", buildCfb(["Workbook"]), /这是旧版 Excel 工作簿（\.xls）/],
      ["加密.xlsx", buildCfb(["EncryptionInfo", "EncryptedPackage"]), /文件设置了打开密码/],
      ["压缩炸弹.xlsx", bomb(20), /疑似“压缩炸弹”/],
    ];
    for (const [name, bytes] of broken) fs.writeFileSync(path.join(dir, name), bytes);

    await openStep(page, "载入");
    await action(page, "清空").click();
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles([ledgerFile, ...broken.map(([n]) => path.join(dir, n))]);
    // The ledger, read through DecompressionStream in the page: 401 entries of the sample.
    await page
      .getByText(/台账 1 份（401 条）/)
      .first()
      .waitFor();
    for (const [name, , message] of broken) {
      await page.getByText(`无法读取：文件“${name}”`).first().waitFor();
      await page.getByText(message).first().waitFor();
    }
    await screenshot(page, "unreadable-files");
    expect(pageErrors).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
