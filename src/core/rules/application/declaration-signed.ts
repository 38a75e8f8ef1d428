import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "declaration/signed",
    article: "填表说明 四",
    severity: "error",
    section: "A",
    description:
      "申请认定机构意见未盖章（declaration.sealed 为否或未填写），或经办人（declaration.handler）、负责人（declaration.head）未签字（为空）；" +
      "申报书应盖章、签字，否则视为无效申报；每项一条",
    descriptionEn:
      "The declaration is not sealed, or the handler or head has not signed (empty): one finding per missing element (否则视为无效申报)",
    fields: ["declaration.sealed", "declaration.handler", "declaration.head"],
  },
  application(doc, ctx) {
    const d = doc.declaration;
    const invalid = "申报书应盖章、签字，否则视为无效申报";
    if (d.sealed !== true) {
      ctx.report({
        path: "declaration.sealed",
        message: `申请认定机构意见${d.sealed === undefined ? "未注明是否盖章" : "未盖章"}，${invalid}`,
      });
    }
    if (isBlank(d.handler))
      ctx.report({ path: "declaration.handler", message: `申请认定机构意见未填写经办人（签字），${invalid}` });
    if (isBlank(d.head))
      ctx.report({ path: "declaration.head", message: `申请认定机构意见未填写负责人（签字），${invalid}` });
  },
});
