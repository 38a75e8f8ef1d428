/**
 * Task pane entry. Office.js comes from Microsoft's CDN (taskpane.html), so it may be missing (file opened from a
 * disk or a blocked CDN) or report no host (a plain browser): both run the same UI in standalone mode.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelPort } from "../office/excelPort";
import { createExcelRunner } from "../office/runner";
import { BrowserHost, ExcelHost, type ExcelAdapter, type Host } from "./host";

/**
 * The Office.js adapter of src/office writes the review sheets into the open workbook. Kept as a function so the
 * adapter is only created once Office is ready (and tests can swap it).
 */
export let excelAdapter: () => ExcelAdapter | null = () => createExcelPort(createExcelRunner());
export function setExcelAdapter(factory: () => ExcelAdapter | null): void {
  excelAdapter = factory;
}

export function mount(host: Host, container: HTMLElement | null = document.getElementById("root")): void {
  if (!container) return;
  createRoot(container).render(<App host={host} />);
}

/** Excel host when Office says so, the browser otherwise (another Office app, or none). */
export function hostFor(info: { host: Office.HostType | null } | null): Host {
  if (info && typeof Office !== "undefined" && info.host === Office.HostType.Excel) {
    return new ExcelHost(excelAdapter());
  }
  return new BrowserHost();
}

if (typeof Office === "undefined") {
  mount(new BrowserHost());
} else {
  // `info.host` is typed as HostType but is null outside an Office client.
  void Office.onReady((info) => mount(hostFor(info as { host: Office.HostType | null })));
}
