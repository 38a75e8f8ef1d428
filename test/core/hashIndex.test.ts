/**
 * The hash structures behind ledger/duplicate and the distinct-client counts, against Map and Set oracles: random
 * texts from small alphabets (many repeats, CJK, empty, prefixes of each other), enough of them to grow the tables
 * and to split the distinct counter into partitions.
 */
import fc from "fast-check";
import { DistinctCounter, HashIndex, hashText } from "../../src/core/hashIndex";

const text = fc.string({ unit: fc.constantFrom("a", "b", "甲", "乙", "1", " ", "\u3000"), maxLength: 4 });

describe("hashText", () => {
  test("chains fields so that moving a character between fields changes the hash", () => {
    expect(hashText("c", hashText("ab"))).not.toBe(hashText("bc", hashText("a")));
    expect(hashText("")).not.toBe(hashText("", hashText("")));
  });
});

describe("HashIndex", () => {
  test("finds the first id of an equal key, as a Map would", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 600 }), (keys) => {
        const index = new HashIndex(4);
        const oracle = new Map<string, number>();
        keys.forEach((key, id) => {
          const found = index.findOrAdd(hashText(key), id, (held) => keys[held] === key);
          expect(found).toBe(oracle.get(key) ?? -1);
          if (!oracle.has(key)) oracle.set(key, id);
        });
        expect(index.size).toBe(oracle.size);
      }),
      { numRuns: 200 },
    );
  });

  test("tells keys apart that share a hash", () => {
    const index = new HashIndex();
    const keys = ["x", "y", "x", "z", "y"];
    // Every key hashes alike: only equals() separates them.
    const found = keys.map((key, id) => index.findOrAdd(7, id, (held) => keys[held] === key));
    expect(found).toEqual([-1, -1, 0, -1, 1]);
  });
});

describe("DistinctCounter", () => {
  const oracle = (adds: readonly (readonly [number, string])[], groups: number) => {
    const perGroup = Array.from({ length: groups }, () => new Set<string>());
    for (const [g, t] of adds) perGroup[g]!.add(t);
    return { perGroup: perGroup.map((s) => s.size), distinct: new Set(adds.map(([, t]) => t)).size };
  };

  const batches = fc
    .array(fc.array(text, { maxLength: 300 }), { maxLength: 12 })
    .map((groups) => groups.flatMap((texts, g) => texts.map((t) => [g, t] as const)));

  test("counts distinct texts per group and overall, as Sets do", () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: 0, max: 3 }), (adds, extraGroups) => {
        const groups = (adds.length ? adds[adds.length - 1]![0] + 1 : 0) + extraGroups;
        const counter = new DistinctCounter();
        for (const [g, t] of adds) counter.add(g, t);
        const { perGroup, distinct } = counter.result(groups);
        expect({ perGroup: [...perGroup], distinct }).toEqual(oracle(adds, groups));
      }),
      { numRuns: 150 },
    );
  });

  test("stays exact over many partitions (tens of thousands of texts)", () => {
    const adds: [number, string][] = [];
    for (let k = 0; k < 60_000; k++) adds.push([Math.floor(k / 7_000), `广州客户${(k * 7919) % 23_000}`]);
    const counter = new DistinctCounter();
    for (const [g, t] of adds) counter.add(g, t);
    const { perGroup, distinct } = counter.result(9);
    expect({ perGroup: [...perGroup], distinct }).toEqual(oracle(adds, 9));
    expect(distinct).toBe(23_000);
  });
});
