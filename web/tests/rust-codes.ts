// The problem codes the API can answer, read from its Rust sources the way they are made:
// a small lexer (strings, raw strings, chars, lifetimes, nested comments) turns each file
// into tokens, test code (`#[cfg(test)]` items, `tests/` folders) is dropped, and the codes
// are taken from the places that make them:
//
// - `AppError::bad_request|conflict|rule(code, …)`, `…::new(ErrorKind::…, code, …)`,
//   `FieldError::new(field, code, …)`, `Problem::new(status, code, …)`,
//   `FieldErrors::push(field, code, …)` (`.push` with three arguments), the closure of
//   `FieldErrors::check(field, result, |e| code)` and `paging::check_list(limit, q, max, code, errors)`;
// - the arms of every `fn code(…) -> &'static str` (the domain errors' stable codes);
// - the edge's `StatusCode::… => ("code", "detail")` table and `"code": "…"` JSON bodies;
// - the codes built with `format!` in `AppError::not_found(what)` (`<what>.not_found`, also
//   through `authz::ensure_visible(actor, object, what)`) and `AppError::stale_version(what)`
//   (`<what>.version_mismatch`, also through `ensure_version(what, current, expected)`):
//   one code per literal `what` passed to them.
//
// A code argument is a string literal or a `const` holding one (resolved by name); a
// `.code()` call (its values are the `fn code` arms) or a parameter passed through is
// accepted; anything else (a new `format!`, a variable) is reported as unresolved so that
// the test names it instead of silently missing a code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Token {
  kind: "ident" | "str" | "punct" | "other";
  text: string;
  line: number;
}

/** Where a code is made: `crates/…/file.rs:line`. */
export type Sources = Map<string, string[]>;

export interface Scan {
  codes: Sources;
  /** Code arguments the scan cannot read (`file:line: tokens`). */
  unresolved: string[];
}

/** Parameters that carry a code made elsewhere (core's helpers), not a new code. */
const PASS_THROUGH = new Set(["code", "q_code", "what"]);
/** The `format!` templates that make codes, and the calls whose literal argument fills them. */
const TEMPLATES = new Set(["{what}.not_found", "{what}.version_mismatch"]);
const DERIVED: Record<string, { args: number; at: number; suffix: string; path?: string }> = {
  not_found: { args: 1, at: 0, suffix: ".not_found", path: "AppError" },
  stale_version: { args: 1, at: 0, suffix: ".version_mismatch", path: "AppError" },
  ensure_version: { args: 3, at: 0, suffix: ".version_mismatch" },
  ensure_visible: { args: 3, at: 2, suffix: ".not_found" },
};

export function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const isIdStart = (c: string) => /[A-Za-z_]/.test(c);
  const isId = (c: string) => /[A-Za-z0-9_]/.test(c);
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (src[k] === "\n") line++;
    i = to;
  };
  while (i < n) {
    const c = src[i];
    const start = line;
    if (c === "\n" || c === " " || c === "\t" || c === "\r") {
      advance(i + 1);
    } else if (src.startsWith("//", i)) {
      const end = src.indexOf("\n", i);
      advance(end < 0 ? n : end);
    } else if (src.startsWith("/*", i)) {
      let depth = 0;
      let k = i;
      do {
        if (src.startsWith("/*", k)) {
          depth++;
          k += 2;
        } else if (src.startsWith("*/", k)) {
          depth--;
          k += 2;
        } else k++;
      } while (depth > 0 && k < n);
      advance(k);
    } else if (/^(b|c)?r#*"/.test(src.slice(i, i + 260))) {
      // Raw string: r"…", r#"…"#, br"…".
      const open = /^(b|c)?r(#*)"/.exec(src.slice(i, i + 260)) as RegExpExecArray;
      const close = `"${open[2]}`;
      const end = src.indexOf(close, i + open[0].length);
      const stop = end < 0 ? n : end + close.length;
      tokens.push({ kind: "str", text: src.slice(i + open[0].length, end), line: start });
      advance(stop);
    } else if (c === '"' || ((c === "b" || c === "c") && src[i + 1] === '"')) {
      let k = c === '"' ? i + 1 : i + 2;
      let value = "";
      while (k < n && src[k] !== '"') {
        if (src[k] === "\\") {
          value += src.slice(k, k + 2);
          k += 2;
        } else value += src[k++];
      }
      tokens.push({ kind: "str", text: value, line: start });
      advance(k + 1);
    } else if (c === "'") {
      // A char literal ('a', '\n', '\'', 'é') or a lifetime ('static).
      if (src[i + 1] === "\\") {
        const end = src.indexOf("'", i + 3);
        tokens.push({ kind: "other", text: src.slice(i, end + 1), line: start });
        advance(end + 1);
      } else {
        const cp = String.fromCodePoint(src.codePointAt(i + 1) ?? 0);
        if (src[i + 1 + cp.length] === "'") {
          tokens.push({ kind: "other", text: src.slice(i, i + cp.length + 2), line: start });
          advance(i + cp.length + 2);
        } else {
          let k = i + 1;
          while (k < n && isId(src[k])) k++;
          tokens.push({ kind: "other", text: src.slice(i, k), line: start });
          advance(k);
        }
      }
    } else if (isIdStart(c)) {
      let k = i;
      while (k < n && isId(src[k])) k++;
      tokens.push({ kind: "ident", text: src.slice(i, k), line: start });
      advance(k);
    } else if (/[0-9]/.test(c)) {
      let k = i;
      while (k < n && /[0-9A-Za-z_.]/.test(src[k]) && !(src[k] === "." && src[k + 1] === ".")) k++;
      tokens.push({ kind: "other", text: src.slice(i, k), line: start });
      advance(k);
    } else {
      const two = src.slice(i, i + 2);
      const text = two === "::" || two === "=>" || two === "->" ? two : c;
      tokens.push({ kind: "punct", text, line: start });
      advance(i + text.length);
    }
  }
  return tokens;
}

const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);

/** The index after the bracket group opening at `i`. */
function skipGroup(tokens: Token[], i: number): number {
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== "punct") continue;
    if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text) && --depth === 0) return k + 1;
  }
  return tokens.length;
}

/** The tokens without `#[cfg(test)]` items (attributes, then up to `;` or a closed `{…}`). */
export function withoutTests(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  let i = 0;
  const isCfgTest = (k: number) =>
    tokens[k]?.text === "#" &&
    tokens[k + 1]?.text === "[" &&
    tokens[k + 2]?.text === "cfg" &&
    tokens[k + 3]?.text === "(" &&
    tokens[k + 4]?.text === "test" &&
    tokens[k + 5]?.text === ")" &&
    tokens[k + 6]?.text === "]";
  while (i < tokens.length) {
    if (!isCfgTest(i)) {
      kept.push(tokens[i++]);
      continue;
    }
    i += 7;
    while (tokens[i]?.text === "#" && tokens[i + 1]?.text === "[") i = skipGroup(tokens, i + 1);
    while (i < tokens.length) {
      const t = tokens[i];
      if (t.kind === "punct" && t.text === ";") {
        i++;
        break;
      }
      if (t.kind === "punct" && t.text === "{") {
        i = skipGroup(tokens, i);
        break;
      }
      i = t.kind === "punct" && OPEN.has(t.text) ? skipGroup(tokens, i) : i + 1;
    }
  }
  return kept;
}

/** The top-level arguments of the call whose `(` is at `i`, and the index after `)`. */
function callArgs(tokens: Token[], i: number): { args: Token[][]; end: number } {
  const end = skipGroup(tokens, i);
  const args: Token[][] = [];
  let current: Token[] = [];
  for (let k = i + 1; k < end - 1; k++) {
    const t = tokens[k];
    if (t.kind === "punct" && OPEN.has(t.text)) {
      const after = skipGroup(tokens, k);
      current.push(...tokens.slice(k, after));
      k = after - 1;
    } else if (t.kind === "punct" && t.text === ",") {
      args.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) args.push(current);
  return { args, end };
}

const CODE_SHAPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const CONST_NAME = /^[A-Z][A-Z0-9_]*$/;

interface Constant {
  value: string;
  file: string;
}

/** Every `const NAME: &str = "literal";` outside tests, by name. */
function constants(files: { name: string; tokens: Token[] }[]): Map<string, Constant[]> {
  const map = new Map<string, Constant[]>();
  for (const { name: file, tokens } of files) {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].text !== "const" || tokens[i + 2]?.text !== ":") continue;
      const name = tokens[i + 1].text;
      let k = i + 3;
      if (tokens[k]?.text !== "&") continue;
      k++;
      if (tokens[k]?.text === "'static") k++;
      if (tokens[k]?.text !== "str" || tokens[k + 1]?.text !== "=" || tokens[k + 2]?.kind !== "str") continue;
      if (tokens[k + 3]?.text !== ";") continue;
      map.set(name, [...(map.get(name) ?? []), { value: tokens[k + 2].text, file }]);
    }
  }
  return map;
}

/** The crate a file belongs to (`crates/modules/users`). */
const crateOf = (file: string) => file.split(`${path.sep}src${path.sep}`)[0];

/**
 * The values a constant named `name` may hold where `file` uses it: the one of that file,
 * else those of its crate, else every one of that name.
 */
function resolve(consts: Map<string, Constant[]>, name: string, file: string): string[] {
  const all = consts.get(name) ?? [];
  const here = all.filter((c) => c.file === file);
  const crate = all.filter((c) => crateOf(c.file) === crateOf(file));
  return (here.length > 0 ? here : crate.length > 0 ? crate : all).map((c) => c.value);
}

/** Scans the `.rs` files under `crates`, outside tests. */
export function scanCrates(crates: string): Scan {
  const files = (readdirSync(crates, { recursive: true }) as string[])
    .filter(
      (f) => f.endsWith(".rs") && !f.split(path.sep).some((part) => ["tests", "benches", "examples"].includes(part)),
    )
    .sort()
    .map((f) => ({
      name: path.join(path.basename(crates), f),
      tokens: withoutTests(lex(readFileSync(path.join(crates, f), "utf8"))),
    }));
  const consts = constants(files);
  const codes: Sources = new Map();
  const unresolved: string[] = [];

  for (const { name, tokens } of files) {
    const add = (code: string, line: number) => {
      const where = `${name}:${line}`;
      codes.set(code, [...(codes.get(code) ?? []), where]);
    };
    const text = (ts: Token[]) => ts.map((t) => (t.kind === "str" ? JSON.stringify(t.text) : t.text)).join(" ");
    /** A code argument: a literal, a constant, or something made elsewhere. */
    const codeArg = (arg: Token[] | undefined, line: number) => {
      if (!arg || arg.length === 0) return;
      const last = arg[arg.length - 1];
      if (arg.length === 1 && last.kind === "str") return add(last.text, last.line);
      const isPath = arg.every((t, k) => (k % 2 === 0 ? t.kind === "ident" : t.text === "::"));
      if (isPath && CONST_NAME.test(last.text) && consts.has(last.text)) {
        for (const value of resolve(consts, last.text, name)) add(value, last.line);
        return;
      }
      // A parameter, or a closure parameter called (`code(&e)`).
      if (PASS_THROUGH.has(arg[0].text) && (arg.length === 1 || arg[1].text === "(")) return;
      // `e.code()`, `error.code()`: the values are the arms of the `fn code`s; `&err.code`: an
      // error's code passed on.
      if (arg.length >= 5 && text(arg.slice(-4)) === ". code ( )") return;
      if (arg.length >= 3 && text(arg.slice(-2)) === ". code") return;
      // `format!("{what}.not_found")`: filled by the `DERIVED` calls below.
      if (text(arg.slice(0, 3)) === "format ! (" && arg.length === 5 && TEMPLATES.has(arg[3].text)) return;
      unresolved.push(`${name}:${line}: ${text(arg)}`);
    };

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const prev = tokens[i - 1]?.text;
      const owner = prev === "::" ? tokens[i - 2]?.text : undefined;
      const called = t.kind === "ident" && tokens[i + 1]?.text === "(" && prev !== "fn";

      if (t.kind === "ident" && t.text === "code" && prev === "fn") {
        // `fn code(&self) -> &'static str { match self { … => "code", … } }`
        let k = i + 1;
        while (k < tokens.length && tokens[k].text !== "{" && tokens[k].text !== ";") k++;
        if (tokens[k]?.text !== "{") continue; // a declaration without a body
        const end = skipGroup(tokens, k);
        for (let b = k; b < end; b++) {
          const u = tokens[b];
          if (u.kind === "str") add(u.text, u.line);
          else if (u.kind === "ident" && CONST_NAME.test(u.text) && consts.has(u.text))
            for (const value of resolve(consts, u.text, name)) add(value, u.line);
        }
        i = end - 1;
        continue;
      }
      if (t.kind === "punct" && t.text === "=>") {
        // The edge's table: `StatusCode::NOT_FOUND => ("route.not_found", "No such resource.")`
        // (an arm giving a pair of strings, the first shaped like a code).
        let k = i + 1;
        if (tokens[k]?.text === "{") k++;
        const [open, code, comma, detail] = tokens.slice(k, k + 4);
        const close = tokens[k + 4]?.text === "," ? tokens[k + 5] : tokens[k + 4]; // a trailing comma
        if (
          open?.text === "(" &&
          code?.kind === "str" &&
          comma?.text === "," &&
          detail?.kind === "str" &&
          close?.text === ")" &&
          CODE_SHAPE.test(code.text)
        )
          add(code.text, code.line);
        continue;
      }
      if (t.kind === "str" && t.text === "code" && tokens[i + 1]?.text === ":" && tokens[i + 2]?.kind === "str") {
        // A problem body written as JSON: `"code": "service.unavailable"`.
        add(tokens[i + 2].text, tokens[i + 2].line);
        continue;
      }
      if (!called) continue;
      const { args } = callArgs(tokens, i + 1);
      const derived = DERIVED[t.text];
      if (derived && (!derived.path || owner === derived.path) && args.length === derived.args) {
        const what = args[derived.at];
        if (what.length === 1 && what[0].kind === "str") add(`${what[0].text}${derived.suffix}`, what[0].line);
        else if (!(what.length === 1 && PASS_THROUGH.has(what[0].text)))
          unresolved.push(`${name}:${t.line}: ${t.text}(${text(what)})`);
      } else if (owner === "AppError" && ["bad_request", "conflict", "rule"].includes(t.text)) {
        codeArg(args[0], t.line);
      } else if (t.text === "new" && prev === "::" && args[0]?.some((u) => u.text === "ErrorKind")) {
        codeArg(args[1], t.line);
      } else if (t.text === "new" && (owner === "FieldError" || owner === "Problem")) {
        codeArg(args[1], t.line);
      } else if (t.text === "push" && prev === "." && args.length === 3) {
        codeArg(args[1], t.line);
      } else if (t.text === "check" && prev === "." && args.length === 3) {
        // `FieldErrors::check(field, result, |e| e.code())`: the closure's body is the code.
        const closure = args[2];
        const bar = closure.findIndex((u, k) => k > 0 && u.text === "|");
        let body = closure[0]?.text === "|" && bar > 0 ? closure.slice(bar + 1) : closure;
        if (body[0]?.text === "{" && body[body.length - 1]?.text === "}") body = body.slice(1, -1);
        codeArg(body, t.line);
      } else if (t.text === "check_list") {
        codeArg(args[3], t.line);
      }
    }
  }
  return { codes, unresolved };
}
