/**
 * Where the task pane runs. The UI only talks to a Host: in Excel the Office.js adapter (src/office, injected) writes
 * sheets into the open workbook; in a plain browser the exceljs adapter renders .xlsx bytes offered as a download.
 */
import { xlsxPort } from "../adapters/exceljs/browser";
import type { RawWorkbook, WorkbookModel, WorkbookPort } from "../core/sheets/model";

export interface WorkProgress {
  /** Steps done out of total (sheets, chunks or files, whatever the worker counts). */
  done: number;
  total: number;
  label?: string;
}

export interface WorkOptions {
  onProgress?: (progress: WorkProgress) => void;
  signal?: AbortSignal;
}

/** What a write gave: sheets in the open workbook, or a file offered for download. */
export type WriteResult = { kind: "workbook" } | { kind: "download"; name: string; url: string };

export interface Host {
  kind: "excel" | "browser";
  writeWorkbook(model: WorkbookModel, name: string, options?: WorkOptions): Promise<WriteResult>;
  /** The sheets of the workbook open in Excel (Excel only). */
  readOpenWorkbook?(options?: WorkOptions): Promise<RawWorkbook>;
  /** Selects a cell of the open workbook, e.g. `selectCell("服务台账", "F176")` (Excel only). */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** Brings a loaded xlsx (a filled template) into the open workbook (Excel only). */
  insertWorkbook?(bytes: Uint8Array, raw: RawWorkbook, options?: WorkOptions): Promise<"sheets" | "values">;
}

/** Progress as the Office.js adapter reports it (per sheet and phase). */
export interface AdapterProgress {
  done: number;
  total: number;
  sheet?: string;
}

export interface AdapterOptions {
  onProgress?: (progress: AdapterProgress) => void;
  signal?: AbortSignal;
}

/**
 * What the Office.js adapter (src/office, `createExcelPort(createExcelRunner())`) gives the task pane. Declared here
 * so the UI compiles and is tested without Office; the adapter satisfies it structurally.
 */
export interface ExcelAdapter {
  writeModel(model: WorkbookModel, options?: AdapterOptions): Promise<void>;
  /** All sheets when `names` is absent. */
  readSheets(names?: readonly string[], options?: AdapterOptions): Promise<RawWorkbook>;
  selectCell?(sheet: string, cell: string): Promise<void>;
  insertWorkbook?(bytes: Uint8Array, raw: RawWorkbook, options?: AdapterOptions): Promise<"sheets" | "values">;
}

function adapterOptions(options: WorkOptions): AdapterOptions {
  const { onProgress, signal } = options;
  return {
    ...(signal ? { signal } : {}),
    ...(onProgress
      ? { onProgress: (p: AdapterProgress) => onProgress({ done: p.done, total: p.total, label: p.sheet }) }
      : {}),
  };
}

export class CancelledError extends Error {
  constructor() {
    super("已取消");
    this.name = "CancelledError";
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface BrowserHostOptions {
  /** The renderer of .xlsx bytes (the exceljs adapter; tests give a fake). */
  port?: WorkbookPort<Uint8Array>;
  /** Where the download link is created (the page's document). */
  document?: Document;
  /** How long the object URL lives after the click (the browser has started the download by then). */
  revokeAfterMs?: number;
}

/** Standalone mode: everything in memory, the result offered as a download (no network). */
export class BrowserHost implements Host {
  readonly kind = "browser" as const;
  private readonly port: WorkbookPort<Uint8Array>;
  private readonly doc: Document;
  private readonly revokeAfterMs: number;

  constructor(options: BrowserHostOptions = {}) {
    this.port = options.port ?? xlsxPort;
    this.doc = options.document ?? document;
    this.revokeAfterMs = options.revokeAfterMs ?? 60_000;
  }

  async writeWorkbook(model: WorkbookModel, name: string, options: WorkOptions = {}): Promise<WriteResult> {
    throwIfAborted(options.signal);
    options.onProgress?.({ done: 0, total: 2, label: name });
    const bytes = await this.port.write(model);
    throwIfAborted(options.signal);
    options.onProgress?.({ done: 1, total: 2, label: name });
    const url = this.offer(bytes, name);
    options.onProgress?.({ done: 2, total: 2, label: name });
    return { kind: "download", name, url };
  }

  /** Clicks a temporary `<a download>`; the URL is returned too, so the UI can show a link if the click was blocked. */
  private offer(bytes: Uint8Array, name: string): string {
    const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
    const url = URL.createObjectURL(blob);
    const a = this.doc.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    a.style.display = "none";
    this.doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), this.revokeAfterMs);
    return url;
  }
}

/**
 * In Excel: a thin wrapper over the injected adapter. Without one (the adapter not yet shipped, or it failed to
 * start) writes fall back to a download, so the pane still works in Excel on the web.
 */
export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly readOpenWorkbook?: (options?: WorkOptions) => Promise<RawWorkbook>;
  readonly selectCell?: (sheet: string, cell: string) => Promise<void>;
  readonly insertWorkbook?: (
    bytes: Uint8Array,
    raw: RawWorkbook,
    options?: WorkOptions,
  ) => Promise<"sheets" | "values">;
  private readonly fallback: BrowserHost;

  constructor(
    private readonly adapter: ExcelAdapter | null,
    fallback?: BrowserHost,
  ) {
    this.fallback = fallback ?? new BrowserHost();
    if (adapter) {
      this.readOpenWorkbook = (options = {}) => adapter.readSheets(undefined, adapterOptions(options));
      const select = adapter.selectCell?.bind(adapter);
      if (select) this.selectCell = select;
      const insert = adapter.insertWorkbook?.bind(adapter);
      if (insert) this.insertWorkbook = (bytes, raw, options = {}) => insert(bytes, raw, adapterOptions(options));
    }
  }

  async writeWorkbook(model: WorkbookModel, name: string, options: WorkOptions = {}): Promise<WriteResult> {
    if (!this.adapter) return this.fallback.writeWorkbook(model, name, options);
    await this.adapter.writeModel(model, adapterOptions(options));
    return { kind: "workbook" };
  }
}
