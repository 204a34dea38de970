import { createServer } from "node:http";
import { toNodeHandler } from "../../src/server/index.js";
import { createAccountHealthHandler } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const secret = process.env.PYLON_SECRET || undefined;

const listener = toNodeHandler(createAccountHealthHandler(secret));
// The listener answers every failure itself; node:http has no use for the promise it returns.
const server = createServer((req, res) => void listener(req, res));
server.listen(port, "127.0.0.1", () => {
  const url = `http://127.0.0.1:${port}/`;
  console.log(`account-health custom app listening on ${url}${secret ? " (signed requests required)" : ""}`);
  console.log(`  handshake: ${url}?request_type=verify&code=hello`);
  console.log(`  data:      ${url}?request_type=fetch_data&requester_email=jane@example.com`);
});
