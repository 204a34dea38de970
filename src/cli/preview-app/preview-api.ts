import type { PreviewConfig, PreviewFetchRequest, PreviewFetchResult, PreviewRequest, PreviewVerifyResult } from "../preview/protocol.js";

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The preview server answered HTTP ${response.status} for ${path}.`);
  return (await response.json()) as T;
}

export async function loadConfig(): Promise<PreviewConfig> {
  const response = await fetch("/api/config");
  if (!response.ok) throw new Error(`The preview server answered HTTP ${response.status} for /api/config.`);
  return (await response.json()) as PreviewConfig;
}

export const verifyApp = (request: PreviewRequest) => post<PreviewVerifyResult>("/api/verify", request);
export const fetchAppData = (request: PreviewFetchRequest) => post<PreviewFetchResult>("/api/fetch", request);
