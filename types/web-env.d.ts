// Globals for the browser build only (tsconfig.web.json, which keeps @types/node out so that Node APIs cannot slip
// into the task pane). The exceljs adapter names Node's Buffer in types alone; in a browser exceljs hands back a
// Uint8Array, which is what this stands for.
interface Buffer extends Uint8Array {}
