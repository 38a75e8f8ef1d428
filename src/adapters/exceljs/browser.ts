/** The adapter for browser bundles (task pane standalone mode): in memory only, nothing from Node. */
export { readWorkbook, parseMarker } from "./read";
export { writeWorkbook } from "./write";
export { LISTS_SHEET } from "./render";
