"use strict";
// Builds the Excel task pane into dist/ (modelled on Microsoft's Office-Addin-TaskPane-React template, TypeScript
// only). Office.js itself is loaded from Microsoft's CDN by taskpane.html, never bundled.
//
//   webpack --mode production        dist/: taskpane.html, minified JS, assets/, manifest.xml (URLs → ADDIN_URL_PROD)
//   webpack serve --mode development https://localhost:3000/ with the office-addin-dev-certs certificate (npm start)
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const devPort = 3000;
const taskpaneDir = path.resolve(__dirname, "src/taskpane");

/** Production base URL of the add-in (where dist/ is deployed), from ADDIN_URL_PROD; always ends with "/". */
function productionUrl() {
  const url = process.env.ADDIN_URL_PROD || "https://www.contoso.com/";
  if (!/^https:\/\/[^/]+/.test(url)) {
    throw new Error(`ADDIN_URL_PROD must be an https:// URL (Office add-ins are served over HTTPS), got: ${url}`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** The React task pane (index.tsx) once it exists, else the placeholder script. */
function taskpaneEntry() {
  const candidates = ["index.tsx", "taskpane.tsx", "taskpane.ts"];
  const found = candidates.find((name) => fs.existsSync(path.join(taskpaneDir, name)));
  if (!found) throw new Error(`no task pane entry in src/taskpane (looked for ${candidates.join(", ")})`);
  return `./src/taskpane/${found}`;
}

const sideloadHelp = (url) =>
  [
    "",
    "网点评审助手 · 开发服务器 / dev server: " + url + "taskpane.html",
    "旁加载 / Sideload manifest.xml (docs/sideload.md):",
    "  • Excel 网页版 / Excel on the web: 插入 → 加载项 → 上传我的加载项 (Insert → Add-ins → Upload My Add-in)",
    "  • Windows 桌面版: 把 manifest.xml 放进共享文件夹，在 信任中心 → 受信任的加载项目录 添加该共享路径，",
    "    重启 Excel 后在 插入 → 我的加载项 → 共享文件夹 中添加 (shared-folder catalog)",
    "  • Mac: 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "  • 独立模式 / Standalone (no Excel): 直接在浏览器打开上面的地址",
    "",
  ].join("\n");

const certHint = (reason) =>
  [
    "",
    "⚠ 未能取得受信任的开发证书 (office-addin-dev-certs): " + reason,
    "  请运行 `npx office-addin-dev-certs install`（Windows/Mac，需要管理员确认）以信任 https://localhost:3000。",
    "  Could not get a trusted dev certificate; run `npx office-addin-dev-certs install` to trust https://localhost:3000.",
    "  本次使用未受信任的证书，浏览器会警告，Excel 可能拒绝加载任务窗格。",
    "  Serving with an untrusted certificate: the browser will warn and Excel may refuse to load the task pane.",
    "",
  ].join("\n");

/** webpack-dev-server `server` option: the office-addin-dev-certs certificate, else a self-signed one. */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(certHint(reason));
    // The certificate may have been generated even though trusting it failed (no sudo): it still beats a fresh
    // self-signed one, because the user can trust ~/.office-addin-dev-certs/ca.crt by hand.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    try {
      const read = (name) => fs.readFileSync(path.join(dir, name));
      return {
        type: "https",
        options: { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") },
      };
    } catch (_missing) {
      return "https"; // webpack-dev-server's own self-signed certificate
    }
  }
}

function config(dev) {
  const urlProd = dev ? urlDev : productionUrl();
  return {
    mode: dev ? "development" : "production",
    target: "web",
    devtool: "source-map",
    entry: {
      taskpane: taskpaneEntry(),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // Target "web" resolves package.json "browser" first: exceljs → dist/exceljs.min.js, a prebuilt bundle with
      // its own polyfills, so no Node core modules (stream, fs…) are needed here.
      mainFields: ["browser", "module", "main"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.web.json covers only browser code (task pane, Office adapter, core, browser exceljs adapter).
            options: { configFile: "tsconfig.web.json" },
          },
        },
      ],
    },
    performance: {
      // exceljs alone is ~0.95 MB minified; the task pane loads once per session, so warn only past 2.5 MB.
      maxEntrypointSize: 2_500_000,
      maxAssetSize: 2_500_000,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      port: devPort,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
      onListening() {
        console.log(sideloadHelp(urlDev));
      },
    },
  };
}

/**
 * Synchronous for builds and tests; `webpack serve` (env.WEBPACK_SERVE) gets a promise, because the dev certificate
 * comes from office-addin-dev-certs asynchronously.
 */
module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const result = config(dev);
  if (!env.WEBPACK_SERVE) return result;
  return httpsServer().then((server) => ({ ...result, devServer: { ...result.devServer, server } }));
};
