// Type-level tests for the components' root props and the messages (issue 12.7, 12.8):
// `npm run typecheck` fails if a line marked as an expected error below compiles.
import { createRef } from "react";
import { expectTypeOf } from "vitest";
import { SidecardProvider, Widget, englishMessages, germanMessages, type SidecardMessages } from "../../src/index.js";
import { ConnectionPanel, CustomApp, germanHostMessages, type SidecardHostMessages } from "../../src/host/index.js";

const sectionRef = createRef<HTMLElement>();
const divRef = createRef<HTMLDivElement>();

export const accepted = (
  <SidecardProvider locale="de-DE" timeZone="Europe/Berlin" theme="dark" dateFormat="relative" messages={{ ...germanMessages, ...germanHostMessages }}>
    <Widget payload={{}} id="x" data-testid="account" aria-describedby="help" ref={sectionRef} messages={{ empty: "Rien." }} />
    <CustomApp
      url="https://app.example.com"
      context={{}}
      id="app"
      data-testid="app"
      ref={divRef}
      messages={{ retry: "Nochmal", empty: "Nichts." }}
      renderLoading={() => <p>…</p>}
      renderError={({ error, retry }) => <button onClick={retry}>{error.kind}</button>}
    />
    <ConnectionPanel url="https://app.example.com" id="panel" data-testid="panel" ref={divRef} messages={{ connect: "Verbinden" }} />
  </SidecardProvider>
);

expectTypeOf(englishMessages).toEqualTypeOf<SidecardMessages>();
expectTypeOf(germanHostMessages).toEqualTypeOf<SidecardHostMessages>();
expectTypeOf<SidecardMessages["moreItems"]>().toEqualTypeOf<(count: number) => string>();

export const rejected = (
  <>
    {/* @ts-expect-error no inline styles (strict CSP): style is not a prop */}
    <Widget payload={{}} style={{ color: "red" }} />
    {/* @ts-expect-error a message that interpolates is a function */}
    <Widget payload={{}} messages={{ moreItems: "+N more" }} />
    {/* @ts-expect-error unknown message keys are typos */}
    <Widget payload={{}} messages={{ emtpy: "x" }} />
    {/* @ts-expect-error id is a string */}
    <Widget payload={{}} id={3} />
    {/* @ts-expect-error renderError receives { error, retry }, not an Error */}
    <CustomApp url="https://app.example.com" context={{}} renderError={(error: Error) => error.message} />
    {/* @ts-expect-error the provider's theme is light, dark or auto */}
    <SidecardProvider theme="blue" />
    {/* @ts-expect-error host words are not widget words */}
    <Widget payload={{}} messages={{ retry: "x" }} />
  </>
);
