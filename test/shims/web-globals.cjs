/**
 * jsdom test environments lack some globals every browser the task pane runs in has: the text codecs and the
 * compression streams the file reader uses. They come from Node here, the same implementations Node itself exposes.
 */
const util = require("node:util");
const web = require("node:stream/web");

const globals = {
  TextDecoder: util.TextDecoder,
  TextEncoder: util.TextEncoder,
  ReadableStream: web.ReadableStream,
  WritableStream: web.WritableStream,
  TransformStream: web.TransformStream,
  DecompressionStream: web.DecompressionStream,
  CompressionStream: web.CompressionStream,
};
for (const [name, value] of Object.entries(globals)) {
  if (typeof globalThis[name] === "undefined") globalThis[name] = value;
}
