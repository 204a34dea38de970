// The format's closed sets live in spec.ts; this module keeps the older import path working.
export { BADGE_COLORS, COMPONENT_TYPES } from "./spec.js";
