"use strict";
// Builds the Excel task pane into dist/ (modelled on Microsoft's Office-Addin-TaskPane-React template,
// TypeScript only). Office.js itself is loaded from Microsoft's CDN by taskpane.html, never bundled.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

/** Production base URL of the add-in (where dist/ is deployed), from ADDIN_URL_PROD; always ends with "/". */
function productionUrl() {
  const url = process.env.ADDIN_URL_PROD || "https://www.contoso.com/";
  if (!/^https:\/\/[^/]+/.test(url)) {
    throw new Error(`ADDIN_URL_PROD must be an https:// URL (Office add-ins are served over HTTPS), got: ${url}`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode === "development";
  const urlProd = dev ? urlDev : productionUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.web.json covers only browser code (src/taskpane, src/core), not the tests or the CLI.
            options: { configFile: "tsconfig.web.json" },
          },
        },
      ],
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
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
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
  };
};
