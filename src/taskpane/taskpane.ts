/*
 * Task pane entry point. Office.js is loaded from Microsoft's CDN by taskpane.html (never bundled),
 * so the page also works when opened in a plain browser, where `Office` may be missing or report no host.
 */

/** Label shown for the host reported by Office.onReady (null outside Office). */
export function hostLabel(host: Office.HostType | null | undefined): string {
  if (host === null || host === undefined) {
    return "独立浏览器模式";
  }
  return String(host);
}

function showHostInfo(text: string): void {
  const element = document.getElementById("host-info");
  if (element) {
    element.textContent = text;
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    // `info.host` is typed as HostType but is null when the page runs outside an Office client.
    showHostInfo(hostLabel(info.host as Office.HostType | null));
  });
} else {
  showHostInfo(`${hostLabel(null)}（未加载 Office.js）`);
}
