// Only under `npm run mutate` (vitest.mutate.config.ts): instrumented code on shared cores is
// several times slower, so Testing Library's async queries wait longer before they give up.
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 15_000 });
