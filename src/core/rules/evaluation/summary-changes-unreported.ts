import { defineRule } from "../types";

interface Part {
  /** Path inside the summary. */
  path: string;
  label: string;
  registry: string | undefined;
  summary: string | undefined;
  /** Comparison form: formatting differences are not changes. */
  norm?: (value: string) => string;
}

/** Phones compare by their digits (020-83841234 = 02083841234); e-mail addresses ignore case. */
const digits = (v: string) => v.replace(/\D/gu, "");
const lower = (v: string) => v.toLowerCase();

export default defineRule({
  meta: {
    id: "summary/changes-unreported",
    article: "第二十条",
    severity: "warning",
    section: "B",
    description:
      "工作总结表的名称、地址（场所）、主要负责人（姓名或职务）或联系方式（联系人、手机或邮箱）与市级网点名录记录不一致（变更未报备；每项一条，两边都填写时才比较）",
    descriptionEn:
      "The summary's name, address, head (name or title) or contact (name, mobile or e-mail) differs from the registry record (unreported change; one finding per field, compared only where both sides are given)",
    fields: [
      "org.name",
      "org.address",
      "org.head.name",
      "org.head.title",
      "org.contact.name",
      "org.contact.mobile",
      "org.contact.email",
    ],
  },
  annualSummary(doc, ctx) {
    const record = ctx.registryRecord;
    if (!record) return;
    const org = doc.org;
    const fields: { path: string; label: string; parts: Part[] }[] = [
      {
        path: "org.name",
        label: "名称",
        parts: [{ path: "org.name", label: "", registry: record.name, summary: org.name }],
      },
      {
        path: "org.address",
        label: "地址",
        parts: [{ path: "org.address", label: "", registry: record.address, summary: org.address }],
      },
      {
        path: "org.head",
        label: "主要负责人及职务",
        parts: [
          { path: "org.head.name", label: "负责人", registry: record.head?.name, summary: org.head?.name },
          { path: "org.head.title", label: "职务", registry: record.head?.title, summary: org.head?.title },
        ],
      },
      {
        path: "org.contact",
        label: "联系方式",
        parts: [
          { path: "org.contact.name", label: "联系人", registry: record.contact?.name, summary: org.contact?.name },
          {
            path: "org.contact.mobile",
            label: "手机",
            registry: record.contact?.mobile,
            summary: org.contact?.mobile,
            norm: digits,
          },
          {
            path: "org.contact.email",
            label: "邮箱",
            registry: record.contact?.email,
            summary: org.contact?.email,
            norm: lower,
          },
        ],
      },
    ];
    for (const field of fields) {
      const changed = field.parts.filter((p) => {
        const a = p.registry?.trim();
        const b = p.summary?.trim();
        // A value missing on either side is not evidence of a change.
        if (!a || !b) return false;
        return p.norm ? p.norm(a) !== p.norm(b) : a !== b;
      });
      if (changed.length === 0) continue;
      const detail = changed
        .map((p) => `${p.label}名录为“${p.registry!.trim()}”，工作总结表为“${p.summary!.trim()}”`)
        .join("；");
      ctx.report({
        path: changed.length === 1 ? changed[0]!.path : field.path,
        message: `${field.label}与市级网点名录不一致：${detail}；变更应及时向市市场监管局报备`,
      });
    }
  },
});
