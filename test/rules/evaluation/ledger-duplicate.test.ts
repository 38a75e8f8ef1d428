import rule from "../../../src/core/rules/evaluation/ledger-duplicate";
import { ledger, ledgerEntry, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

/** A copy of the fixture ledger's second entry (2025-01-08, B04, 广州明远电子科技有限公司, 咨询答复记录). */
const second = () => ledger().entries[1] as Record<string, unknown>;

testRule(rule, {
  valid: [
    { name: "clean ledger", documents: [summary(), ledger()] },
    {
      name: "same day, item and client, another deliverable",
      documents: [ledger((l) => l.entries.push({ ...second(), deliverable: "检索指导记录" }))],
    },
    { name: "same but another day", documents: [ledger((l) => l.entries.push({ ...second(), date: "2025-01-09" }))] },
    {
      name: "a copy lacking the deliverable is not compared",
      documents: [ledger((l) => l.entries.push({ ...second(), deliverable: "" }))],
    },
    {
      name: "the same lecture for two audiences",
      documents: [ledger((l) => l.entries.push(ledgerEntry((e) => (e.client.name = "社会公众（线上直播观众）"))))],
    },
  ],
  invalid: [
    {
      name: "exact copy at the end",
      documents: [ledger((l) => l.entries.push(second()))],
      errors: [
        {
          path: "entries[10]",
          entry: 11,
          message:
            "第 11 条：与第 2 条重复（服务日期 2025-01-08、服务事项“B04 知识产权信息咨询”、服务对象“广州明远电子科技有限公司”、成果交付“咨询答复记录”均相同）",
        },
      ],
    },
    {
      name: "item by 附件2 name and date written 2025/1/8",
      documents: [ledger((l) => l.entries.push({ ...second(), item: "知识产权信息咨询", date: "2025/1/8" }))],
      errors: [{ entry: 11, message: "与第 2 条重复" }],
    },
    {
      name: "three copies: each later one names the first",
      documents: [
        ledger((l) => {
          l.entries.push(ledgerEntry());
          l.entries.push(ledgerEntry((e) => (e.satisfaction = 4)));
        }),
      ],
      errors: [
        { entry: 11, message: "第 11 条：与第 1 条重复" },
        { entry: 12, message: "第 12 条：与第 1 条重复" },
      ],
    },
  ],
});
