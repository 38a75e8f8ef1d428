import { UNREADABLE_ARTICLE, UNREADABLE_RULE } from "../parse";
import { defineRule } from "./types";

/**
 * Reported by the parser, not by a visitor: a file or document that cannot be read (invalid JSON,
 * unknown type, wrong field type, unknown key). Listed here so it has metadata and docs like any rule.
 */
export default defineRule({
  meta: {
    id: UNREADABLE_RULE,
    article: UNREADABLE_ARTICLE,
    severity: "error",
    section: "input",
    description:
      "文件无法读取：不是有效的 JSON、文档类型无法识别、字段类型错误或含有格式中没有的字段；其他文件照常审核",
    descriptionEn:
      "A file or document cannot be read: invalid JSON, unknown document type, a field of the wrong type or an unknown key; the other files are still reviewed",
    fields: ["type"],
  },
});
