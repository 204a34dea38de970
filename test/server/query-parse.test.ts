// @vitest-environment node
import { beforeAll, describe, expect, it } from "vitest";
import { readGoQuery } from "../../src/protocol/query-values.js";
import { createCustomAppHandler, signQuery, text, toNodeHandler, widget, type CustomAppContext } from "../../src/server/index.js";
import { testServers } from "../host/http-test-server.js";

// The signature is checked over the query as Go's url.ParseQuery reads it; fetchData must get
// exactly that reading, never another parser's.

const SECRET = "s3cr3t";
const payload = widget({ title: "T" }, [text("a", "b")]);
const text8 = new TextDecoder();

const CAPTURED = new URLSearchParams({
  request_type: "fetch_data",
  app_id: "app_1",
  widget_id: "w_9",
  issue_id: "1001",
  organization_id: "org_7",
  account_id: "3",
  requester_id: "usr_5",
  requester_email: "jane@example.com",
}).toString();

describe("readGoQuery", () => {
  it("keeps what Go keeps, in order, and names what Go skips", () => {
    const read = readGoQuery("a=1&b=2;&c=%zz&&d&a=3&e=%4&f;g=1&h=%41+b");
    expect(read.pairs.map(([k, v]) => [text8.decode(k), text8.decode(v)])).toEqual([
      ["a", "1"],
      ["d", ""],
      ["a", "3"],
      ["h", "A b"],
    ]);
    expect(read.dropped).toEqual(["b=2;", "c=%zz", "e=%4", "f;g=1"]);
  });

  const bytesOf = (query: string) => readGoQuery(query).pairs.map(([k, v]) => [text8.decode(k), [...v]]);

  it("reads %XX with hex digits of either case, 0 included, as one byte", () => {
    expect(bytesOf("a=%c3%a9&b=%0a%0f%Ab%fF&c=%00%09%90")).toEqual([
      ["a", [0xc3, 0xa9]],
      ["b", [0x0a, 0x0f, 0xab, 0xff]],
      ["c", [0x00, 0x09, 0x90]],
    ]);
  });

  it("skips an escape with a byte just outside the hex digit ranges in either place", () => {
    // "/" and ":" border 0-9, "@" and "G" border A-F, "`" and "g" border a-f.
    for (const c of ["/", ":", "@", "G", "`", "g"]) {
      for (const escape of [`%${c}0`, `%0${c}`]) {
        const read = readGoQuery(`k=${escape}&ok=1`);
        expect(read.dropped, escape).toEqual([`k=${escape}`]);
        expect(read.pairs.map(([k]) => text8.decode(k)), escape).toEqual(["ok"]);
      }
    }
  });
});

describe("the handler uses exactly the parse it verified", () => {
  const seen: CustomAppContext[] = [];
  const serve = testServers("all");
  let base: string;

  beforeAll(async () => {
    const server = await serve(
      toNodeHandler(
        createCustomAppHandler({
          secret: SECRET,
          fetchData: (context) => {
            seen.push(context);
            return payload;
          },
        }),
      ),
    );
    base = server.url("/");
  });

  it("does not hand fetchData an unsigned issue_id smuggled before a captured signed query", async () => {
    const signature = await signQuery(CAPTURED, SECRET);
    const genuine = await fetch(`${base}?${CAPTURED}`, { headers: { "X-Pylon-Signature": signature } });
    expect(genuine.status).toBe(200);
    expect(seen.at(-1)!.issue_id).toBe("1001");
    const count = seen.length;

    // The captured signature still matches (Go's parse skips both prepended pairs), but a
    // URLSearchParams parse would read issue_id=2002; and account_id=7% first.
    const attack = await fetch(`${base}?issue_id=2002;&account_id=7%&${CAPTURED}`, { headers: { "X-Pylon-Signature": signature } });
    expect(attack.status).toBe(400);
    expect(((await attack.json()) as { error: string }).error).toBe(
      `The query has a pair that Go's url.ParseQuery skips: "issue_id=2002;" (a ";" or a malformed "%" escape); expected every name and value percent-encoded.`,
    );
    expect(seen.length).toBe(count);
    expect(seen.every((context) => context.issue_id === "1001" && context.account_id === "3")).toBe(true);
  });

  it("refuses every pair Go would skip, signed or not, before fetchData runs", async () => {
    const count = seen.length;
    for (const smuggled of ["issue_id=2002;x", "issue_id;=2002", "account_id=%", "account_id=%4", "account_id=%g0", "issue%zz=1", "a=1;b=2"]) {
      for (const query of [`${smuggled}&${CAPTURED}`, `${CAPTURED}&${smuggled}`]) {
        const response = await fetch(`${base}?${query}`, { headers: { "X-Pylon-Signature": await signQuery(query, SECRET) } });
        expect(response.status, query).toBe(400);
      }
    }
    expect(seen.length).toBe(count);
  });

  it("gives the first of repeated values to the context and keeps them all, in order, in query", async () => {
    const query = `${CAPTURED}&issue_id=2002&extra=x&issue_id=3003`;
    const response = await fetch(`${base}?${query}`, { headers: { "X-Pylon-Signature": await signQuery(query, SECRET) } });
    expect(response.status).toBe(200);
    const context = seen.at(-1)!;
    expect(context.issue_id).toBe("1001");
    expect(context.query.get("issue_id")).toBe("1001");
    expect(context.query.getAll("issue_id")).toEqual(["1001", "2002", "3003"]);
    expect([...context.query.keys()].slice(-3)).toEqual(["issue_id", "extra", "issue_id"]);
  });

  it("reads names and values as Go does: + is a space, %XX bytes as UTF-8", async () => {
    const query = `${CAPTURED.replace("jane%40example.com", "jane+doe%40example.com")}&note=caf%C3%A9`;
    const response = await fetch(`${base}?${query}`, { headers: { "X-Pylon-Signature": await signQuery(query, SECRET) } });
    expect(response.status).toBe(200);
    expect(seen.at(-1)!.requester_email).toBe("jane doe@example.com");
    expect(seen.at(-1)!.query.get("note")).toBe("café");
  });

  it("keeps a leading U+FEFF of a signed name or value, which is another name or value", async () => {
    const query = `request_type=fetch_data&%EF%BB%BFissue_id=attacker&issue_id=real&requester_email=%EF%BB%BFceo%40corp.com`;
    const response = await fetch(`${base}?${query}`, { headers: { "X-Pylon-Signature": await signQuery(query, SECRET) } });
    expect(response.status).toBe(200);
    const context = seen.at(-1)!;
    expect(context.issue_id).toBe("real");
    expect(context.requester_email).toBe("\uFEFFceo@corp.com");
    expect([...context.query.keys()]).toEqual(["request_type", "\uFEFFissue_id", "issue_id", "requester_email"]);
  });
});
