/**
 * The editor's label keys for a card's top-level fields (and the editor sections named like
 * them), wherever a field is named outside the editor: a draft's errors in the product list, a
 * text changed in another window. `policyId` is the field, `policy` its section.
 */
export const CARD_FIELD_LABELS: Record<string, string> = {
  sku: 'editor.sku',
  category: 'editor.category',
  name: 'editor.name',
  image: 'editor.image',
  sizeChart: 'editor.sizeChart',
  dimensions: 'editor.dimensions',
  scaleRefs: 'editor.scaleRefs',
  caveats: 'editor.caveats',
  notes: 'editor.notes',
  dontSay: 'editor.dontSay',
  policyId: 'editor.policy',
  policy: 'editor.policy',
};
