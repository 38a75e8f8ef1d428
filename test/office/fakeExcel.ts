/* eslint-disable @typescript-eslint/no-this-alias -- the fake's API objects close over the sheet or range they belong to */
/**
 * A small hand-rolled fake of the Excel object model: enough of Workbook, Worksheet and Range for src/office. It
 * counts syncs, measures each request's payload (JSON of the values and formats written, plus an envelope per
 * action), logs the order of operations, and enforces load-then-sync before a loaded property is read. Text
 * semantics follow Excel: a string starting with "=" becomes a formula unless the cell's format is "@" already.
 */
export interface FakeCell {
  value: string | number | boolean;
  format: string;
  formula?: string;
  fill?: string;
  bold?: boolean;
  hyperlink?: unknown;
  validation?: unknown;
}

export interface FakeOp {
  sheet: string;
  op: string;
  address: string;
}

const ENVELOPE = 120;

export function parseAddress(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const cell = (a: string): { r: number; c: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(a.toUpperCase());
    if (!m) throw Object.assign(new Error(`bad address ${a}`), { code: "InvalidArgument" });
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const [a, b] = address.split(":");
  const p = cell(a!);
  const q = b ? cell(b) : p;
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly log: FakeOp[] = [];
  syncs = 0;
  pending = 0;
  payloads: number[] = [];
  comments: { id: string; sheet: string; address: string; content: string; deleted?: boolean }[] = [];
  private loads: (() => void)[] = [];

  queue(bytes: number): void {
    this.pending += bytes + ENVELOPE;
  }
  addLoad(resolve: () => void): void {
    this.loads.push(resolve);
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && !s.deleted);
  }
  addSheet(name: string): FakeSheet {
    const ws = new FakeSheet(this, name);
    this.sheets.push(ws);
    return ws;
  }

  /** Workbooks inserted with insertWorksheetsFromBase64. */
  readonly inserted: { base64: string; options: unknown }[] = [];

  /** The RequestContext the code under test receives. */
  context(): Excel.RequestContext {
    const fake = this;
    const workbook = {
      insertWorksheetsFromBase64(base64: string, options: unknown) {
        fake.queue(base64.length);
        fake.inserted.push({ base64, options });
      },
      worksheets: {
        items: [] as unknown[],
        getItemOrNullObject(name: string) {
          return fake.sheet(name)?.api() ?? nullSheet(fake);
        },
        add(name: string) {
          if (fake.sheet(name)) throw Object.assign(new Error("exists"), { code: "ItemAlreadyExists" });
          fake.queue(name.length);
          return fake.addSheet(name).api();
        },
        load() {
          fake.addLoad(() => (this.items = fake.sheets.filter((s) => !s.deleted).map((s) => s.api())));
          return this;
        },
      },
      comments: {
        add(range: { _sheet: FakeSheet; _address: string }, content: string) {
          fake.queue(content.length);
          const c = { id: `c${fake.comments.length + 1}`, sheet: range._sheet.name, address: range._address, content };
          fake.comments.push(c);
          return { id: c.id, load() {} };
        },
        getItemOrNullObject(id: string) {
          const c = fake.comments.find((x) => x.id === id && !x.deleted);
          return {
            isNullObject: !c,
            load() {},
            delete() {
              if (c) c.deleted = true;
            },
          };
        },
      },
    };
    return {
      workbook,
      sync: async () => {
        fake.syncs++;
        fake.payloads.push(fake.pending);
        fake.pending = 0;
        const loads = fake.loads;
        fake.loads = [];
        for (const l of loads) l();
      },
    } as unknown as Excel.RequestContext;
  }
}

function nullSheet(fake: FakeExcel): unknown {
  return {
    isNullObject: true,
    load() {
      fake.queue(0);
      return this;
    },
  };
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  visibility = "Visible";
  deleted = false;
  freeze: unknown = null;
  tables: { name: string; address: string; style?: string }[] = [];
  protectedWith: unknown = null;
  merges: string[] = [];
  widths: { address: string; points: number }[] = [];
  notes: { address: string; content: string; deleted?: boolean }[] = [];
  private _api: unknown = null;
  constructor(
    readonly fake: FakeExcel,
    public name: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.get(`${r},${c}`);
    if (!cell) {
      cell = { value: "", format: "General" };
      this.cells.set(`${r},${c}`, cell);
    }
    return cell;
  }
  used(): { r0: number; c0: number; r1: number; c1: number } | null {
    let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
    for (const [k, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      box = box
        ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }
  log(op: string, address: string): void {
    this.fake.log.push({ sheet: this.name, op, address });
  }

  api(): unknown {
    if (this._api) return this._api;
    const ws = this;
    const fake = this.fake;
    this._api = {
      isNullObject: false,
      get name() {
        return ws.name;
      },
      set name(v: string) {
        fake.queue(v.length);
        ws.name = v;
      },
      get visibility() {
        return ws.visibility;
      },
      set visibility(v: string) {
        fake.queue(v.length);
        ws.visibility = v;
      },
      load() {
        return this;
      },
      delete() {
        fake.queue(0);
        ws.deleted = true;
      },
      activate() {
        fake.queue(0);
      },
      getRange(address: string) {
        const a = parseAddress(address);
        return new FakeRange(ws, a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
      },
      getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
        return new FakeRange(ws, r, c, rows, cols);
      },
      getUsedRangeOrNullObject() {
        const box = ws.used();
        if (!box) return { isNullObject: true, load() {} };
        return new FakeRange(ws, box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1);
      },
      freezePanes: {
        freezeRows(n: number) {
          fake.queue(10);
          ws.freeze = { rows: n };
        },
        freezeAt(range: FakeRange) {
          fake.queue(10);
          ws.freeze = { at: range._address };
        },
      },
      tables: {
        add(range: FakeRange) {
          fake.queue(range._address.length);
          const t = { name: "", address: range._address };
          ws.tables.push(t);
          ws.log("table", range._address);
          return t;
        },
      },
      autoFilter: {
        apply(range: FakeRange) {
          fake.queue(10);
          ws.log("autoFilter", range._address);
        },
      },
      protection: {
        protect(options: unknown) {
          fake.queue(50);
          ws.protectedWith = options;
        },
      },
      notes: {
        add(range: FakeRange, content: string) {
          fake.queue(content.length);
          ws.notes.push({ address: range._address, content });
        },
        getItemOrNullObject(address: string) {
          const n = ws.notes.find((x) => x.address === address && !x.deleted);
          return {
            isNullObject: !n,
            load() {},
            delete() {
              if (n) n.deleted = true;
            },
          };
        },
      },
      charts: {
        add(type: string, range: FakeRange, seriesBy: string) {
          fake.queue(50);
          ws.log(`chart:${type}:${seriesBy}`, range._address);
          return {
            title: {},
            axes: { categoryAxis: { setCategoryNames: (r: FakeRange) => ws.log("categories", r._address) } },
            setPosition() {},
          };
        },
      },
    };
    return this._api;
  }
}

export class FakeRange {
  readonly _address: string;
  private loaded = false;
  private synced = false;
  constructor(
    readonly _sheet: FakeSheet,
    readonly r0: number,
    readonly c0: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    const letter = (c: number): string => {
      let n = c + 1;
      let s = "";
      while (n > 0) {
        const m = (n - 1) % 26;
        s = String.fromCharCode(65 + m) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    const a = `${letter(c0)}${r0 + 1}`;
    const b = `${letter(c0 + cols - 1)}${r0 + rows}`;
    this._address = a === b ? a : `${a}:${b}`;
  }
  get isNullObject(): boolean {
    return false;
  }
  select(): void {
    this._sheet.fake.queue(0);
    this._sheet.log("select", this._address);
  }
  get rowIndex(): number {
    return this.r0;
  }
  get columnIndex(): number {
    return this.c0;
  }
  get rowCount(): number {
    return this.rows;
  }
  get columnCount(): number {
    return this.cols;
  }
  load(): this {
    this.loaded = true;
    this._sheet.fake.queue(0);
    this._sheet.fake.addLoad(() => (this.synced = true));
    return this;
  }
  private check2d(data: unknown[][], what: string): void {
    if (data.length !== this.rows || data.some((row) => row.length !== this.cols)) {
      throw Object.assign(new Error(`${what}: dimensions do not match ${this._address}`), { code: "InvalidArgument" });
    }
  }
  get values(): (string | number | boolean)[][] {
    if (!this.loaded || !this.synced) throw new Error(`values of ${this._address} read before load + sync`);
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.cols }, (_, j) => this._sheet.cell(this.r0 + i, this.c0 + j)?.value ?? ""),
    );
  }
  set values(data: (string | number | boolean)[][]) {
    this.check2d(data, "values");
    this._sheet.fake.queue(JSON.stringify(data).length);
    this._sheet.log("values", this._address);
    data.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = this._sheet.ensure(this.r0 + i, this.c0 + j);
        if (typeof v === "string" && v.startsWith("=") && cell.format !== "@") {
          cell.formula = v;
          cell.value = 0;
        } else {
          cell.value = v;
          delete cell.formula;
        }
      }),
    );
  }
  set numberFormat(data: string[][]) {
    this.check2d(data, "numberFormat");
    this._sheet.fake.queue(JSON.stringify(data).length);
    this._sheet.log("numberFormat", this._address);
    data.forEach((row, i) => row.forEach((f, j) => (this._sheet.ensure(this.r0 + i, this.c0 + j).format = f)));
  }
  set hyperlink(link: unknown) {
    this._sheet.fake.queue(JSON.stringify(link).length);
    this.each((c) => (c.hyperlink = link));
  }
  merge(): void {
    this._sheet.fake.queue(10);
    this._sheet.merges.push(this._address);
  }
  clear(): void {
    this._sheet.fake.queue(10);
    this.each((c) => (c.value = ""));
  }
  private each(f: (cell: FakeCell) => void): void {
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) f(this._sheet.ensure(this.r0 + i, this.c0 + j));
  }
  get dataValidation(): unknown {
    const range = this;
    return {
      set rule(rule: unknown) {
        range._sheet.fake.queue(JSON.stringify(rule).length);
        range._sheet.log("validation", range._address);
        range.each((c) => (c.validation = rule));
      },
      set errorAlert(_v: unknown) {
        range._sheet.fake.queue(50);
      },
      set ignoreBlanks(_v: boolean) {
        range._sheet.fake.queue(5);
      },
    };
  }
  get format(): unknown {
    const range = this;
    const fake = range._sheet.fake;
    const first = (): FakeCell | undefined => range._sheet.cell(range.r0, range.c0);
    return {
      fill: {
        get color() {
          return first()?.fill ?? "#FFFFFF";
        },
        set color(v: string) {
          fake.queue(v.length);
          range._sheet.log("fill", range._address);
          range.each((c) => (c.fill = v));
        },
        clear() {
          fake.queue(0);
          range._sheet.log("fill:clear", range._address);
          range.each((c) => delete c.fill);
        },
      },
      font: {
        set bold(v: boolean) {
          fake.queue(5);
          range._sheet.log("bold", range._address);
          range.each((c) => (c.bold = v));
        },
        set size(_v: number) {
          fake.queue(5);
        },
        set color(_v: string) {
          fake.queue(7);
        },
        set underline(_v: string) {
          fake.queue(7);
        },
      },
      set columnWidth(points: number) {
        fake.queue(8);
        range._sheet.log("columnWidth", range._address);
        range._sheet.widths.push({ address: range._address, points });
      },
      set wrapText(_v: boolean) {
        fake.queue(5);
        range._sheet.log("wrap", range._address);
      },
      set verticalAlignment(_v: string) {
        fake.queue(5);
      },
      protection: {
        set locked(_v: boolean) {
          fake.queue(5);
          range._sheet.log("unlock", range._address);
        },
      },
    };
  }
}
