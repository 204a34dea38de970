import "@testing-library/jest-dom/vitest";
import "../../src/styles/index.css";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Browser tests run without vitest globals, so Testing Library cannot unmount on its own.
afterEach(() => cleanup());
