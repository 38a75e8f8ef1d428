import { itemLabel } from "../../catalog";
import { hashText, HashIndex } from "../../hashIndex";
import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/duplicate",
    article: "第十四条",
    severity: "warning",
    section: "B",
    description:
      "两条台账记录的服务日期、服务事项（按附件2代码比较，写名称或代码视为相同）、服务对象名称和成果交付完全相同：每条重复记录各报一次，指出首次出现的记录",
    descriptionEn:
      "Two ledger entries are equal in date, item (compared by 附件2 code), client name and deliverable: each later copy is reported, naming the first",
    fields: ["entries[].date", "entries[].item", "entries[].client.name", "entries[].deliverable"],
  },
  ledger(doc, ctx) {
    // One pass over a hash index of entry indexes (no key string per entry): ledgers may hold a million entries.
    const entries = doc.entries;
    const codeOf = (i: number): string => ctx.items[i]?.code ?? entries[i]!.item!;
    const firsts = new HashIndex(entries.length);
    let current = 0;
    const sameAsCurrent = (j: number): boolean => {
      const a = entries[current]!;
      const b = entries[j]!;
      return (
        a.date === b.date &&
        a.client.name === b.client.name &&
        a.deliverable === b.deliverable &&
        codeOf(current) === codeOf(j)
      );
    };
    entries.forEach((e, i) => {
      const { date, item, deliverable } = e;
      const client = e.client.name;
      if (isBlank(date) || isBlank(item) || isBlank(client) || isBlank(deliverable)) return;
      current = i;
      const hash = hashText(deliverable!, hashText(client!, hashText(codeOf(i), hashText(date!))));
      const seen = firsts.findOrAdd(hash, i, sameAsCurrent);
      if (seen < 0) return;
      const resolved = ctx.items[i];
      ctx.reportEntry(
        i,
        null,
        `${ctx.entryLabel(i)}：与${ctx.entryLabel(seen)}重复（服务日期 ${date}、服务事项“${resolved ? itemLabel(resolved) : item}”、服务对象“${client}”、成果交付“${deliverable}”均相同）`,
      );
    });
  },
});
