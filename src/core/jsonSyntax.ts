/**
 * Where JSON text goes wrong, for a Chinese message (JSON.parse's own message is English, and quotes the text). Run
 * only after JSON.parse has refused the text; iterative, so deep nesting costs no stack. Pure.
 */

export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first character that cannot be where it is, or the text's length. */
  offset: number;
  /** 1-based line and column of the offset. */
  line: number;
  column: number;
  /** What was found there: a character, or null at the end of the text. */
  found: string | null;
  /** What the text needed there, in Chinese. */
  expected: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const fail = (expected: string): JsonSyntaxError => at(text, i, expected);
  /** Containers open: "{" or "[". */
  const stack: string[] = [];
  let needValue = true;
  skip();
  if (text.charCodeAt(0) === 0xfeff) i++;
  for (;;) {
    skip();
    if (needValue) {
      if (i >= n) return fail("一个值");
      const ch = text[i]!;
      if (ch === "{" || ch === "[") {
        stack.push(ch);
        i++;
        skip();
        const close = ch === "{" ? "}" : "]";
        if (text[i] === close) {
          stack.pop();
          i++;
          needValue = false;
        } else if (ch === "{") {
          if (!string()) return fail("用双引号括起的字段名");
          skip();
          if (text[i] !== ":") return fail("冒号“:”");
          i++;
        }
        continue;
      }
      if (!scalar()) return fail("一个值（文本须用双引号括起）");
      needValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i >= n ? null : fail("文件结束（一个文件只能有一个 JSON 值）");
    if (i >= n) return fail(top === "{" ? "“,”或“}”" : "“,”或“]”");
    const ch = text[i];
    if (ch === ",") {
      i++;
      if (top === "{") {
        skip();
        if (!string()) return fail("用双引号括起的字段名");
        skip();
        if (text[i] !== ":") return fail("冒号“:”");
        i++;
      }
      needValue = true;
    } else if ((top === "{" && ch === "}") || (top === "[" && ch === "]")) {
      stack.pop();
      i++;
    } else {
      return fail(top === "{" ? "“,”或“}”" : "“,”或“]”");
    }
  }

  function string(): boolean {
    if (text[i] !== '"') return false;
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) {
        i = j + 1;
        return true;
      }
      if (c < 0x20) break;
      if (c === 0x5c) {
        const e = text[j + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(j + 2, j + 6))) break;
          j += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j += 2;
        else break;
        continue;
      }
      j++;
    }
    i = j;
    return false;
  }

  function scalar(): boolean {
    if (text[i] === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/u.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") return false;
    i += m[0].length;
    return true;
  }
}

function at(text: string, offset: number, expected: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const code = text.codePointAt(offset);
  return { offset, line, column, found: code === undefined ? null : String.fromCodePoint(code), expected };
}
