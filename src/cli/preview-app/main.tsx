import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./preview-app.js";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <PreviewApp />
  </StrictMode>,
);
