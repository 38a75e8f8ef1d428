/**
 * Static checks of manifest.xml (the Excel add-in-only manifest) against the build that serves it.
 * No XML library is a direct dependency, so a tiny parser below checks well-formedness (tag balance,
 * quoted attributes, entities) and builds an element tree good enough for these assertions.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const REQUIRED_EXCEL_API = "1.8";
const ICON_SIZES = [16, 32, 64, 80, 128];

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`, "y");
const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

function decodeEntities(value: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
  return value.replace(ENTITY, (entity) => {
    const body = entity.slice(1, -1);
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body] ?? entity;
  });
}

function checkCharacterData(text: string, where: number): void {
  if (text.includes("<")) throw new Error(`unexpected '<' near offset ${where}`);
  if (text.includes("&") && /&/.test(text.replace(ENTITY, ""))) throw new Error(`unescaped '&' near offset ${where}`);
}

/** Parses a small XML document; throws on anything not well-formed. Comments, PIs and the prolog are skipped. */
function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const tag = new RegExp(`<(/?)(${NAME})`, "y");
  while (pos < source.length) {
    const next = source.indexOf("<", pos);
    const text = source.slice(pos, next === -1 ? source.length : next);
    checkCharacterData(text, pos);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decodeEntities(text);
    else if (text.trim() !== "") throw new Error(`text outside the root element near offset ${pos}`);
    if (next === -1) break;
    pos = next;

    if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos + 4);
      if (end === -1) throw new Error(`unterminated comment at offset ${pos}`);
      pos = end + 3;
      continue;
    }
    if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos + 2);
      if (end === -1) throw new Error(`unterminated processing instruction at offset ${pos}`);
      pos = end + 2;
      continue;
    }

    tag.lastIndex = pos;
    const open = tag.exec(source);
    if (!open) throw new Error(`malformed tag at offset ${pos}`);
    const closing = open[1] === "/";
    const name = open[2] as string;
    pos = tag.lastIndex;

    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /\s*/y;
      space.lastIndex = pos;
      space.exec(source);
      const hadSpace = space.lastIndex > pos;
      pos = space.lastIndex;
      if (closing) break;
      ATTRIBUTE.lastIndex = pos;
      const attribute = ATTRIBUTE.exec(source);
      if (!attribute) break;
      if (!hadSpace) throw new Error(`missing space before attribute at offset ${pos}`);
      const attributeName = attribute[1] as string;
      if (attributeName in attributes) throw new Error(`duplicate attribute ${attributeName} on <${name}>`);
      const rawValue = (attribute[2] as string).slice(1, -1);
      checkCharacterData(rawValue, pos);
      attributes[attributeName] = decodeEntities(rawValue);
      pos = ATTRIBUTE.lastIndex;
    }

    const selfClosing = !closing && source.startsWith("/>", pos);
    if (selfClosing) pos += 2;
    else if (source[pos] === ">") pos += 1;
    else throw new Error(`malformed <${closing ? "/" : ""}${name}> at offset ${pos}`);

    if (closing) {
      const current = stack.pop();
      if (!current || current.name !== name) {
        throw new Error(`</${name}> closes <${current?.name ?? "nothing"}> at offset ${pos}`);
      }
      continue;
    }
    const element: XmlElement = { name, attributes, children: [], text: "" };
    const container = stack[stack.length - 1];
    if (container) container.children.push(element);
    else if (root) throw new Error(`second root element <${name}>`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.map((e) => e.name).join("> <")}>`);
  if (!root) throw new Error("no root element");
  return root;
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0] as XmlElement;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Every string in the manifest that starts with the dev URL (attribute values and element text). */
function devUrls(root: XmlElement): string[] {
  return [root, ...descendants(root)]
    .flatMap((e) => [...Object.values(e.attributes), e.text.trim()])
    .filter((value) => value.startsWith(DEV_URL));
}

// TaskPaneApp children in the order of the OfficeApp 1.1 schema (optional ones included so the check stays
// meaningful if they are added later), and those this add-in must have.
const SCHEMA_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dependencies",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

type WebpackConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => { plugins?: unknown[] };
interface CopyPattern {
  from: string;
  to?: string;
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}

function loadWebpackConfig(mode: "production" | "development"): { plugins?: unknown[] } {
  // webpack.config.js is a CommonJS file outside the TypeScript program, hence require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as WebpackConfigFactory;
  return factory({}, { mode });
}

function htmlOutputs(config: { plugins?: unknown[] }): string[] {
  return (config.plugins ?? [])
    .filter((plugin): plugin is HtmlWebpackPlugin => plugin instanceof HtmlWebpackPlugin)
    .map((plugin) => plugin.userOptions.filename)
    .filter((filename): filename is string => typeof filename === "string");
}

function copyPatterns(config: { plugins?: unknown[] }): CopyPattern[] {
  // CopyWebpackPlugin keeps its options in a (TypeScript-private) `patterns` field.
  return (config.plugins ?? []).flatMap((plugin) => {
    const patterns = (plugin as { patterns?: unknown }).patterns;
    return Array.isArray(patterns) ? (patterns as CopyPattern[]) : [];
  });
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  const source = fs.readFileSync(MANIFEST_PATH, "utf8");
  const root = parseXml(source);

  test("the mini parser rejects malformed XML", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml("<a><b/>")).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml("<a>fish & chips</a>")).toThrow();
    expect(() => parseXml("<a/><b/>")).toThrow();
    expect(parseXml('<?xml version="1.0"?><!-- c --><a k="v&amp;w"><b>t</b></a>')).toMatchObject({
      name: "a",
      attributes: { k: "v&w" },
      children: [{ name: "b", text: "t" }],
    });
  });

  test("is a TaskPaneApp whose children follow the schema order", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const names = root.children.map((c) => c.name);
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => REQUIRED.includes(name))).toEqual(REQUIRED);
  });

  test("has a GUID Id and a four-part Version", () => {
    expect(child(root, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("is named 网点评审助手 in zh-CN with an en-US override", () => {
    expect(child(root, "DefaultLocale").text.trim()).toBe("zh-CN");
    const displayName = child(root, "DisplayName");
    expect(displayName.attributes.DefaultValue).toBe("网点评审助手");
    expect(displayName.children).toContainEqual(
      expect.objectContaining({ name: "Override", attributes: { Locale: "en-US", Value: "Outlet Review" } }),
    );
    const description = child(root, "Description");
    expect(description.attributes.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(description.children.some((c) => c.name === "Override" && c.attributes.Locale === "en-US")).toBe(true);
  });

  test("targets Excel workbooks with ReadWriteDocument permission", () => {
    const hosts = child(root, "Hosts").children;
    expect(hosts.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(child(root, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const sets = descendants(child(root, "Requirements")).filter((e) => e.name === "Set");
    // The lowest set the required calls need: data validation is ExcelApi 1.8 (docs/sideload.md explains why).
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([["ExcelApi", REQUIRED_EXCEL_API]]);
  });

  test("ships the icons 16, 32, 64, 80 and 128 (high resolution) and the build copies them", () => {
    for (const size of ICON_SIZES) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(child(root, "IconUrl").attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(child(root, "HighResolutionIconUrl").attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-64.png`);
    const copies = copyPatterns(loadWebpackConfig("production"));
    expect(copies).toContainEqual(expect.objectContaining({ from: "assets/*.png", to: "assets/[name][ext]" }));
  });

  test("the build's task pane page loads Office.js from Microsoft's CDN and the dev server listens on 3000", () => {
    const template = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(template).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    const config = loadWebpackConfig("development") as {
      entry?: Record<string, string>;
      devServer?: { port?: number };
    };
    expect(config.devServer?.port).toBe(3000);
    for (const entry of Object.values(config.entry ?? {})) expect(fs.existsSync(path.join(ROOT, entry))).toBe(true);
  });

  test("opens the task pane from a Home tab button and defines every resource it references", () => {
    const overrides = child(root, "VersionOverrides");
    const all = descendants(overrides);
    const host = all.find((e) => e.name === "Host");
    expect(host?.attributes["xsi:type"]).toBe("Workbook");
    const tab = all.find((e) => e.name === "OfficeTab");
    expect(tab?.attributes.id).toBe("TabHome");
    const actions = all.filter((e) => e.name === "Action");
    expect(actions.map((a) => a.attributes["xsi:type"])).toContain("ShowTaskpane");

    const resources = child(overrides, "Resources");
    const defined = new Set(descendants(resources).map((e) => e.attributes.id));
    const referenced = all.map((e) => e.attributes.resid).filter((id): id is string => id !== undefined);
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(defined).toContain(id);
    }
    const groupLabel = all.find((e) => e.name === "Group")?.children.find((c) => c.name === "Label");
    const groupString = descendants(resources).find((e) => e.attributes.id === groupLabel?.attributes.resid);
    expect(groupString?.attributes.DefaultValue).toBe("网点评审");
  });

  test("every https://localhost:3000/ URL is a file the build emits", () => {
    const urls = devUrls(root);
    expect(urls).toContain(`${DEV_URL}taskpane.html`);
    const config = loadWebpackConfig("production");
    const html = htmlOutputs(config);
    const copiesPng = copyPatterns(config).some((p) => p.from === "assets/*.png" && p.to === "assets/[name][ext]");
    for (const url of new Set(urls)) {
      const file = url.slice(DEV_URL.length);
      const icon = /^assets\/icon-(\d+)\.png$/.exec(file);
      if (icon) {
        const size = Number(icon[1]);
        expect(pngSize(path.join(ROOT, file))).toEqual({ width: size, height: size });
        expect(copiesPng).toBe(true);
      } else {
        expect(html).toContain(file);
      }
    }
  });

  test("production builds rewrite the localhost URLs to ADDIN_URL_PROD", () => {
    const saved = process.env.ADDIN_URL_PROD;
    process.env.ADDIN_URL_PROD = "https://outlets.example.org/review";
    try {
      const manifestPattern = copyPatterns(loadWebpackConfig("production")).find((p) => p.from === "manifest.xml");
      expect(manifestPattern?.transform).toBeDefined();
      const output = String(manifestPattern?.transform?.(Buffer.from(source), MANIFEST_PATH));
      expect(output).not.toContain(DEV_URL);
      expect(devUrls(parseXml(output))).toEqual([]);
      expect(output).toContain('DefaultValue="https://outlets.example.org/review/taskpane.html"');
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL_PROD;
      else process.env.ADDIN_URL_PROD = saved;
    }
  });
});
