/** The .xlsx reader on a file (Node): the file's bytes under zlib's inflater. */
import { readFile } from "node:fs/promises";
import type { RawWorkbook } from "../../core/sheets/model";
import { nodeInflater } from "../zip/nodeInflate";
import type { ReadLimits } from "../zip/errors";
import { readXlsx } from "./reader";

export async function readXlsxFile(
  path: string,
  options: { limits?: ReadLimits; chunkBytes?: number } = {},
): Promise<RawWorkbook> {
  return readXlsx(new Uint8Array(await readFile(path)), { inflate: nodeInflater, ...options });
}
