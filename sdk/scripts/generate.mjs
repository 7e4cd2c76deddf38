// Generates src/schema.d.ts from the committed openapi.json with openapi-typescript.
// `--check` fails (exit 1) when the committed file differs from what the spec gives.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const spec = new URL("../../openapi.json", import.meta.url);
const out = new URL("../src/schema.d.ts", import.meta.url);
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

const ast = await openapiTS(JSON.parse(await readFile(spec, "utf8")), {
  alphabetize: true,
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  enum: false,
  enumValues: true,
  emptyObjectsUnknown: true,
  // Uploads are files in a browser and in Node 20 (`Blob`), not strings.
  transform(schema) {
    if (schema.format === "binary") {
      const nullable = Array.isArray(schema.type) && schema.type.includes("null");
      return nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    }
  },
});
const header = "// GENERATED from openapi.json by sdk/scripts/generate.mjs: do not edit.\n";
const text = header + astToString(ast);

if (process.argv.includes("--check")) {
  const committed = await readFile(out, "utf8").catch(() => "");
  if (committed !== text) {
    console.error("sdk/src/schema.d.ts is stale: run `npm run generate -w sdk` and commit it");
    process.exit(1);
  }
  console.log("sdk/src/schema.d.ts matches openapi.json");
} else {
  await writeFile(out, text);
  console.log(`wrote ${out.pathname}`);
}
