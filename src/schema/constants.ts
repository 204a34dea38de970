// The format's closed sets, apart from the zod schemas so that code needing only these lists
// (the parser, the renderer) does not pull zod into a host's bundle.

export const BADGE_COLORS = ["blue", "green", "red", "orange", "gray"] as const;

export const COMPONENT_TYPES = ["card", "text", "date_time", "badge", "button", "link", "divider"] as const;
