import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '@/lib/validation';
import { designSchema } from '@/lib/model';
import { formatRow, generateDesign, overBudget, runValidationBench } from './validate-core';

describe('validation benchmark core', () => {
  it('generates a schema-valid design of the asked size with two edges per node', () => {
    const d = generateDesign(200);
    expect(d.nodes).toHaveLength(200);
    expect(d.edges).toHaveLength(400);
    expect(designSchema.safeParse(d).success).toBe(true);
    expect(generateDesign(200)).toEqual(d);
  });

  it('measures every profile, messy and tidy, and flags rows over budget', () => {
    const rows = runValidationBench([{ nodes: 100, runs: 2 }]);
    expect(rows.map((r) => `${r.profile}${r.variant ?? ''}`)).toEqual([...PROFILE_IDS, ...PROFILE_IDS.map((p) => `${p}tidy`)]);
    for (const r of rows) {
      expect(r.fullMs.median).toBeGreaterThan(0);
      expect(r.findings).toBeGreaterThan(0);
      expect(formatRow(r)).toContain(r.profile);
    }
    // 100 nodes has no budget; a 1,000-node row over 2 ms is reported.
    expect(overBudget(rows)).toEqual([]);
    expect(overBudget([{ ...rows[0], nodes: 1000, fullMs: { median: 2.5, min: 2, cpuMedian: null } }])).toEqual(['1000 nodes, recommended, full validation: 2.5 ms > 2 ms']);
  });
});
