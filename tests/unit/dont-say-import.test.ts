import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../lib/import/plan';
import { ctx, file } from './studio-helpers';

// Don't-say claims travel in Upfront's product CSV as they do in deck files (issue 20).
describe('don’t-say claims in the Upfront CSV', () => {
  it('reads claims and what to say instead, in the same order in every language', async () => {
    const csv = ['sku,name.en,category,dontSay.en,dontSay.zh-CN,dontSay.say.en', 'TENT-1,Tent,home,waterproof|100% cashmere,防水|100%羊绒,water-repellent|'].join('\n');
    const result = await prepareImport(file(csv), ctx());
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.plan.issues).toEqual([]);
    expect(result.plan.entries[0].card.dontSay).toEqual([
      { id: 'dont-say-1', claim: { en: 'waterproof', 'zh-CN': '防水' }, say: { en: 'water-repellent' } },
      { id: 'dont-say-2', claim: { en: '100% cashmere', 'zh-CN': '100%羊绒' } },
    ]);
  });

  it('names the column when the lists disagree, or a wording has no claim', async () => {
    const csv = ['sku,name.en,category,dontSay.en,dontSay.say.en,dontSay.say.es', 'TENT-1,Tent,home,waterproof|best,splash-resistant,', 'TENT-2,Tent 2,home,,,resistente'].join('\n');
    const result = await prepareImport(file(csv), ctx());
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.issues.map((i) => `${i.row}|${i.field}|${i.code}`)).toEqual(['2|dontSay.say.en|listLength', '3|dontSay.<lang>|required']);
  });
});
