import { defineRule } from "../types";

/** 附件1 六、附件列表 1–4 (第七条 2–5); 5 (其他材料) is optional. */
const REQUIRED = [
  ["license", "1、营业执照或法人登记证等证件盖章复印件"],
  ["systems", "2、知识产权信息服务相关制度"],
  ["history", "3、近两年开展知识产权信息公共服务的情况说明、案例证明材料"],
  ["credentials", "4、知识产权信息服务人员有关学历及资格证书的材料"],
] as const;

export default defineRule({
  meta: {
    id: "materials/required",
    article: "第七条",
    severity: "error",
    section: "A",
    description:
      "附件列表中 1 营业执照或法人登记证复印件（attachments.license）、2 相关制度（attachments.systems）、3 近两年服务情况说明" +
      "（attachments.history）、4 人员学历及资格证书材料（attachments.credentials）中某项为否或未填写；每项一条",
    descriptionEn:
      "One finding for each of the attachments license, systems, history and credentials marked absent or not stated",
    fields: REQUIRED.map(([key]) => `attachments.${key}`),
  },
  application(doc, ctx) {
    for (const [key, label] of REQUIRED) {
      const value = doc.attachments[key];
      if (value === true) continue;
      ctx.report({
        path: `attachments.${key}`,
        message: `附件列表${value === undefined ? "未注明是否提供" : "未提供"}“${label}”，该材料为申请材料的必备项`,
      });
    }
  },
});
