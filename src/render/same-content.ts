import type { BadgeComponent, BadgeItem, LeafComponent } from "../schema/widget-schema.js";

// Content memoisation for leaves. On refresh `<CustomApp>` hands the widget a fresh `JSON.parse`
// of the answer: no object keeps its identity, so a memo on identity re-renders every leaf. A
// leaf has a handful of string fields; comparing them costs less than rendering it. Cards are
// never compared here (their children are the leaves, and each leaf compares itself).
//
// Exact for the leaves the renderer receives: parseWidget hands over either the payload's own
// object when it holds exactly the known fields, or a fresh one built from the known fields —
// so a leaf has no other own property, and comparing the known fields is comparing everything
// (test/render/same-content.test.ts holds it to `sameContent(a, b) === deepEqual(a, b)`).

function sameItems(a: readonly BadgeItem[], b: readonly BadgeItem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].value !== b[i].value || a[i].color !== b[i].color) return false;
  }
  return true;
}

/** Whether two leaf components show the same thing: their type and every field of that type are equal. */
export function sameContent(a: LeafComponent, b: LeafComponent): boolean {
  if (a === b) return true;
  switch (a.type) {
    case "text":
    case "date_time":
      return b.type === a.type && a.label === b.label && a.value === b.value && a.icon_url === b.icon_url;
    case "badge":
      return b.type === "badge" && a.label === b.label && sameItems((a as BadgeComponent).items, (b as BadgeComponent).items);
    case "button":
      return b.type === "button" && a.label === b.label && a.url === b.url && a.button_type === b.button_type;
    case "link":
      return b.type === "link" && a.label === b.label && a.url === b.url;
    case "divider":
      return b.type === "divider";
    default:
      return false;
  }
}

/**
 * A `React.memo` comparator for a registry entry whose props are `{ component, path? }`: the
 * leaf is skipped when it stands at the same place (same `path`, when one is given) with the
 * same content.
 */
export function sameLeafProps(previous: { component: LeafComponent; path?: string }, next: { component: LeafComponent; path?: string }): boolean {
  return previous.path === next.path && sameContent(previous.component, next.component);
}
