import rule from "../../../src/core/rules/evaluation/ledger-required-field";
import { ledger, ledgerEntry } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "clean ledger", documents: [ledger()] },
    {
      name: "optional fields left out",
      documents: [
        ledger((l) =>
          l.entries.push(
            ledgerEntry((e) => {
              delete e.channel;
              delete e.fee;
              delete e.satisfaction;
              delete e.staff;
              delete e.client.district;
            }),
          ),
        ),
      ],
    },
    { name: "client type by its Chinese label", documents: [ledger((l) => (l.entries[0].client.type = "社会公众"))] },
    { name: "empty ledger (ledger/missing covers it)", documents: [ledger((l) => (l.entries = []))] },
  ],
  invalid: [
    {
      name: "deliverable missing on the third entry",
      documents: [ledger((l) => delete l.entries[2].deliverable)],
      errors: [
        {
          path: "entries[2].deliverable",
          entry: 3,
          document: "ledger",
          message: "第 3 条：成果交付（deliverable）未填写",
        },
      ],
    },
    {
      name: "client left empty: one finding per field",
      documents: [ledger((l) => (l.entries[1].client = {}))],
      errors: [
        { path: "entries[1].client.type", entry: 2, message: "第 2 条：服务对象类型（client.type）未填写" },
        { path: "entries[1].client.name", entry: 2, message: "第 2 条：服务对象名称（client.name）未填写" },
      ],
    },
    {
      name: "blank text counts as missing",
      documents: [ledger((l) => (l.entries[0].deliverable = "   "))],
      errors: [{ path: "entries[0].deliverable" }],
    },
    {
      name: "an entry with only a date, and another without one",
      documents: [
        ledger((l) => {
          l.entries.push({ date: "2025-10-01" });
          l.entries.push(ledgerEntry((e) => (e.date = "")));
        }),
      ],
      errors: [
        { path: "entries[10].item", entry: 11, message: "第 11 条：服务事项（item）未填写" },
        { path: "entries[10].client.type" },
        { path: "entries[10].client.name" },
        { path: "entries[10].deliverable" },
        { path: "entries[11].date", entry: 12, message: "第 12 条：服务日期（date）未填写" },
      ],
    },
  ],
});
