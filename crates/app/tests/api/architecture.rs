//! The architecture rules of DESIGN.md §2, checked on the source tree (std only): pure
//! domains, a framework-free core, contexts that meet only through `application`, the four
//! layers per context, and migration versions unique across the workspace.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Framework and I/O crates (Rust idents) that no `domain/` may name.
const FRAMEWORK: &str = "axum sqlx tokio tokio_util reqwest redis serde_json utoipa utoipa_axum \
    tower tower_http hyper lettre object_store metrics tracing_subscriber figment \
    sejour_infrastructure";
/// The only `[dependencies]` `crates/core` may have.
const CORE_DEPENDENCIES: &str = "async-trait async_trait chrono uuid serde serde_json thiserror";
/// What every context crate must have.
const LAYOUT: &str = "src/domain/mod.rs src/domain/repositories/mod.rs src/application/mod.rs \
    src/infrastructure/mod.rs src/presentation/mod.rs src/published_language.rs migrations/";

/// Paths found in source, each with its 1-based line.
type Paths = Vec<(usize, Vec<String>)>;

fn is_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

/// Index just past the first `close` at or after `i` (honouring `\` escapes if asked),
/// adding the newlines passed to `line`.
fn skip(c: &[char], mut i: usize, line: &mut usize, close: &[char], escapes: bool) -> usize {
    while i < c.len() && !c[i..].starts_with(close) {
        let n = if escapes && c[i] == '\\' { 2 } else { 1 };
        let passed = &c[i..(i + n).min(c.len())];
        *line += passed.iter().filter(|&&x| x == '\n').count();
        i += n;
    }
    *line += usize::from(i < c.len()) * close.iter().filter(|&&x| x == '\n').count();
    i + close.len()
}

/// Index just past the `*/` closing a (nested) block comment whose body starts at `i`.
fn block_end(c: &[char], mut i: usize, line: &mut usize) -> usize {
    while i < c.len() && !c[i..].starts_with(&['*', '/']) {
        if c[i..].starts_with(&['/', '*']) {
            i = block_end(c, i + 2, line);
        } else {
            *line += usize::from(c[i] == '\n');
            i += 1;
        }
    }
    i + 2
}

/// Tokens (identifiers, `::`, single punctuation) with their lines. Comments (line, doc,
/// nested block), strings (plain, byte, C, raw) and char literals yield none.
fn tokenize(src: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while let Some(&ch) = c.get(i) {
        match ch {
            '/' if at(i + 1) == '/' => i = skip(&c, i, &mut line, &['\n'], false),
            '/' if at(i + 1) == '*' => i = block_end(&c, i + 2, &mut line),
            '"' => i = skip(&c, i + 1, &mut line, &['"'], true),
            '\'' if at(i + 1) == '\\' => i = skip(&c, i + 1, &mut line, &['\''], true),
            '\'' if at(i + 2) == '\'' => i += 3,
            ':' if at(i + 1) == ':' => {
                out.push((line, "::".to_string()));
                i += 2;
            }
            _ if ch.is_alphabetic() || ch == '_' => {
                let start = i;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
                let word: String = c[start..i].iter().collect();
                let hashes = c[i..].iter().take_while(|&&x| x == '#').count();
                match word.as_str() {
                    "r" | "br" | "cr" if at(i + hashes) == '"' => {
                        let close: Vec<char> =
                            ["\"", &"#".repeat(hashes)].concat().chars().collect();
                        i = skip(&c, i + hashes + 1, &mut line, &close, false);
                    }
                    "b" | "c" if at(i) == '"' => i = skip(&c, i + 1, &mut line, &['"'], true),
                    "r" if hashes == 1 => i += 1, // raw identifier: the name follows
                    _ => out.push((line, word)),
                }
            }
            _ => {
                line += usize::from(ch == '\n');
                if !ch.is_whitespace() && ch != '\'' {
                    out.push((line, ch.to_string()));
                }
                i += 1;
            }
        }
    }
    out
}

/// Parses the use tree at `i`, pushing each full path (groups expanded) onto `out`.
fn use_tree(t: &[(usize, String)], i: &mut usize, prefix: &[String], out: &mut Paths) {
    let (mut path, mut line) = (prefix.to_vec(), t.get(*i).map_or(0, |x| x.0));
    while let Some((l, tok)) = t.get(*i) {
        *i += 1;
        match tok.as_str() {
            "::" => {}
            "as" => *i += 1,
            "self" if !path.is_empty() => {}
            "{" => {
                while t.get(*i).is_some_and(|x| x.1 != "}" && x.1 != ";") {
                    use_tree(t, i, &path, out);
                    *i += usize::from(t.get(*i).is_some_and(|x| x.1 == ","));
                }
                *i += 1;
                return;
            }
            s if s == "*" || is_ident(s) => {
                path.push(s.to_string());
                line = *l;
            }
            "," | "}" | ";" => {
                *i -= 1;
                break;
            }
            _ => break,
        }
    }
    out.push((line, path));
}

/// Every crate-rooted path in `src`: use trees (expanded), `extern crate X`, and `a::b`
/// paths in code (not continuations such as `x.f::<T>()` or `<T>::f`).
fn paths(src: &str) -> Paths {
    let t = tokenize(src);
    let tok = |i: usize| t.get(i).map_or("", |x| x.1.as_str());
    let (mut i, mut out) = (0, Vec::new());
    while let Some((line, first)) = t.get(i).map(|x| (x.0, x.1.as_str())) {
        let back = |n: usize| i.checked_sub(n).map_or("", tok);
        let after_path = back(1) == "::" && (is_ident(back(2)) || back(2) == ">");
        let continues = back(1) == "." || after_path;
        i += 1;
        if first == "use" {
            use_tree(&t, &mut i, &[], &mut out);
        } else if first == "extern" && tok(i) == "crate" {
            out.push((line, vec![tok(i + 1).to_string()]));
        } else if is_ident(first) && !continues {
            let mut path = vec![first.to_string()];
            while tok(i) == "::" && is_ident(tok(i + 1)) {
                path.push(tok(i + 1).to_string());
                i += 2;
            }
            if path.len() > 1 {
                out.push((line, path));
            }
        }
    }
    out
}

/// Whether `path` is rooted at one of the (space-separated) `crates`.
fn names_crate(path: &[String], crates: &str) -> bool {
    let first = path.first().map_or("", String::as_str);
    crates.split_whitespace().any(|c| c == first)
}

/// The crate ident of a context directory (`sejour_<ctx>`).
fn context_ident(dir: &str) -> String {
    format!("sejour_{}", dir.replace('-', "_"))
}

/// Whether `path` names another context's crate (`sejour_<ctx>`, not `own`).
fn names_other_context(path: &[String], own: &str, contexts: &[String]) -> bool {
    path.first().is_some_and(|c| {
        *c != context_ident(own) && contexts.iter().any(|x| context_ident(x) == *c)
    })
}

/// What of another context may be used: its published interface (`application`) and its
/// published language (event payloads and shared vocabulary).
const PUBLISHED: &str = "application published_language";

/// Whether `path` reaches into another context past what it publishes.
fn reaches_into(path: &[String], own: &str, contexts: &[String]) -> bool {
    names_other_context(path, own, contexts)
        && !PUBLISHED
            .split_whitespace()
            .any(|layer| path.get(1).map(String::as_str) == Some(layer))
}

/// Whether an `application/` path names storage or an infrastructure module: `sqlx`, the
/// shared `sejour_infrastructure` crate, or the context's own `infrastructure`.
fn names_infrastructure(path: &[String]) -> bool {
    let first = path.first().map_or("", String::as_str);
    names_crate(path, "sqlx sejour_infrastructure")
        || (matches!(first, "crate" | "super" | "self")
            && path.iter().any(|segment| segment == "infrastructure"))
}

/// `line:path` for each path of `src` that `bad` flags, space-separated.
fn found(src: &str, bad: &dyn Fn(&[String]) -> bool) -> String {
    let hits = paths(src).into_iter().filter(|(_, p)| bad(p));
    let hits: Vec<String> = hits.map(|(l, p)| format!("{l}:{}", p.join("::"))).collect();
    hits.join(" ")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Entries of `dir`, sorted; none if it does not exist.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let rd = std::fs::read_dir(dir).into_iter().flatten();
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    v
}

/// All `.rs` files under `dir`, recursively, skipping `target`.
fn rs_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in entries(dir) {
        if p.is_dir() && !p.ends_with("target") {
            out.extend(rs_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `path` relative to the workspace `root`, for messages.
fn rel(root: &Path, path: &Path) -> String {
    format!("{}", path.strip_prefix(root).unwrap_or(path).display())
}

/// Context directory names under `crates/modules` (those with a `Cargo.toml`); never none.
fn contexts(root: &Path) -> Vec<String> {
    let dirs = entries(&root.join("crates/modules")).into_iter();
    let dirs = dirs.filter(|d| d.join("Cargo.toml").is_file());
    let names: Vec<String> = dirs
        .filter_map(|d| Some(d.file_name()?.to_str()?.into()))
        .collect();
    assert!(!names.is_empty(), "found no context crate");
    names
}

/// `file:line: path (in: source line)` for each path in `files` that `bad` flags.
fn scan(root: &Path, files: &[PathBuf], bad: &dyn Fn(&[String]) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        let src = read(f);
        for (line, path) in paths(&src).into_iter().filter(|(_, p)| bad(p)) {
            let text = src.lines().nth(line - 1).unwrap_or("").trim();
            let (file, path) = (rel(root, f), path.join("::"));
            out.push(format!("  {file}:{line}: `{path}` (in: {text})"));
        }
    }
    out
}

/// Names (as idents) and lines of the `[dependencies]`, incl. target-specific, of a manifest.
fn dependencies(toml: &str) -> Vec<(usize, String)> {
    let (mut section, mut out) = (String::new(), Vec::new());
    for (n, raw) in toml.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        let name = if let Some(s) = line.strip_prefix('[') {
            section = s.trim_end_matches(']').trim().to_string();
            section.strip_prefix("dependencies.")
        } else if section == "dependencies"
            || (section.starts_with("target.") && section.ends_with(".dependencies"))
        {
            line.split_once('=')
                .map(|(key, _)| key.split('.').next().unwrap_or(key))
        } else {
            None
        };
        if let Some(name) = name {
            out.push((n + 1, name.trim().trim_matches('"').replace('-', "_")));
        }
    }
    out
}

#[track_caller]
fn assert_none(what: &str, violations: &[String]) {
    let list = violations.join("\n");
    assert!(violations.is_empty(), "{what} (DESIGN.md §2):\n{list}");
}

#[test]
fn domain_layers_import_no_framework_or_io_crate() {
    let root = root();
    let modules = root.join("crates/modules");
    let domains = contexts(&root)
        .into_iter()
        .map(|c| modules.join(c).join("src/domain"));
    let files: Vec<PathBuf> = domains.flat_map(|d| rs_files(&d)).collect();
    assert!(!files.is_empty(), "scanned no domain file");
    let violations = scan(&root, &files, &|p| names_crate(p, FRAMEWORK));
    assert_none("a domain refers to a framework or I/O crate", &violations);
}

#[test]
fn core_depends_on_no_framework_crate() {
    let (root, allowed) = (root(), CORE_DEPENDENCIES);
    let deps = dependencies(&read(&root.join("crates/core/Cargo.toml"))).into_iter();
    let mut violations: Vec<String> = deps
        .filter(|(_, d)| !allowed.split_whitespace().any(|a| a == d))
        .map(|(l, d)| format!("  crates/core/Cargo.toml:{l}: `{d}` (allowed: {allowed})"))
        .collect();
    let files = rs_files(&root.join("crates/core/src"));
    assert!(!files.is_empty(), "scanned no core file");
    let bad = |p: &[String]| names_crate(p, FRAMEWORK) && !names_crate(p, allowed);
    violations.extend(scan(&root, &files, &bad));
    assert_none("core depends on a framework or I/O crate", &violations);
}

#[test]
fn published_languages_are_as_pure_as_domains() {
    let root = root();
    let modules = root.join("crates/modules");
    let files: Vec<PathBuf> = contexts(&root)
        .into_iter()
        .map(|c| modules.join(c).join("src"))
        .flat_map(|src| {
            let dir = rs_files(&src.join("published_language"));
            dir.into_iter()
                .chain(Some(src.join("published_language.rs")).filter(|f| f.is_file()))
        })
        .collect();
    // Schema derives are part of the contract a published language is.
    let bad = |p: &[String]| names_crate(p, FRAMEWORK) && !names_crate(p, "utoipa");
    assert_none(
        "a published language refers to a framework or I/O crate",
        &scan(&root, &files, &bad),
    );
}

#[test]
fn application_layers_import_no_storage_or_infrastructure() {
    let root = root();
    let modules = root.join("crates/modules");
    let layers = contexts(&root)
        .into_iter()
        .map(|c| modules.join(c).join("src/application"));
    let files: Vec<PathBuf> = layers.flat_map(|d| rs_files(&d)).collect();
    assert!(!files.is_empty(), "scanned no application file");
    let violations = scan(&root, &files, &names_infrastructure);
    assert_none(
        "an application layer uses sqlx or an infrastructure module (use the ports)",
        &violations,
    );
}

/// Whether a `domain/` path climbs to an outer layer of its own context.
fn names_outer_layer(path: &[String]) -> bool {
    let first = path.first().map_or("", String::as_str);
    matches!(first, "crate" | "super")
        && path.iter().any(|s| {
            matches!(
                s.as_str(),
                "application" | "infrastructure" | "presentation"
            )
        })
}

#[test]
fn domains_never_import_another_context_nor_an_outer_layer() {
    let root = root();
    let contexts = contexts(&root);
    let mut violations = Vec::new();
    for own in &contexts {
        let files = rs_files(&root.join("crates/modules").join(own).join("src/domain"));
        violations.extend(scan(&root, &files, &|p| {
            names_other_context(p, own, &contexts) || names_outer_layer(p)
        }));
    }
    assert_none(
        "a domain imports another context (shared vocabulary belongs in core) or its own \
         application, infrastructure or presentation",
        &violations,
    );
}

#[test]
fn contexts_reach_each_other_only_through_application() {
    let root = root();
    let contexts = contexts(&root);
    let mut violations = Vec::new();
    for own in &contexts {
        let files = rs_files(&root.join("crates/modules").join(own));
        violations.extend(scan(&root, &files, &|p| reaches_into(p, own, &contexts)));
    }
    assert_none(
        "a context reaches past another's `application` or `published_language`",
        &violations,
    );
}

#[test]
fn every_context_plugs_in_through_one_module_function() {
    let root = root();
    let missing: Vec<String> = contexts(&root)
        .into_iter()
        .filter(|ctx| {
            let src = root.join("crates/modules").join(ctx).join("src");
            !rs_files(&src)
                .iter()
                .any(|f| read(f).contains("pub fn module("))
        })
        .map(|ctx| format!("  crates/modules/{ctx}: no `pub fn module(...) -> ContextModule`"))
        .collect();
    assert_none("a context has no module entry point", &missing);
}

#[test]
fn every_context_has_the_four_layers_and_migrations() {
    let root = root();
    let mut missing = Vec::new();
    for ctx in contexts(&root) {
        for need in LAYOUT.split_whitespace() {
            let p = root.join("crates/modules").join(&ctx).join(need);
            if !(p.is_file() || (need.ends_with('/') && p.is_dir())) {
                missing.push(format!("  crates/modules/{ctx}/{need}"));
            }
        }
    }
    assert_none("a context lacks a layer or its migrations", &missing);
}

#[test]
fn migration_versions_are_unique_across_the_workspace() {
    let root = root();
    let crates = entries(&root.join("crates")).into_iter();
    let crates = crates.chain(entries(&root.join("crates/modules")));
    let (mut versions, mut violations) = (BTreeMap::<String, BTreeSet<String>>::new(), Vec::new());
    for file in crates.flat_map(|c| entries(&c.join("migrations"))) {
        let rel = rel(&root, &file);
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(stem) = name.strip_suffix(".sql") else {
            continue;
        };
        // The `.up`/`.down` halves of a reversible migration share their version.
        let stem = stem.trim_end_matches(".up").trim_end_matches(".down");
        let version: String = stem.chars().take_while(char::is_ascii_digit).collect();
        if version.is_empty() {
            violations.push(format!("  {rel}: no numeric version prefix"));
        }
        versions
            .entry(version)
            .or_default()
            .insert(rel.replace(name, stem));
    }
    assert!(!versions.is_empty(), "found no migration");
    for (v, ids) in versions
        .iter()
        .filter(|(v, ids)| !v.is_empty() && ids.len() > 1)
    {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        violations.push(format!("  {v} is used by: {}", ids.join(", ")));
    }
    assert_none("migration versions collide", &violations);
}

#[test]
fn scanner_catches_framework_uses_paths_and_extern_crates() {
    let bad = |p: &[String]| names_crate(p, FRAMEWORK);
    let src = "use sqlx::PgPool;\nfn f() { let _ = ::tokio::spawn; sqlx::query(\"q\"); }\n\
               extern crate redis;\nuse {axum as a, ::tower_http::{self, cors::*}};";
    let expected = "1:sqlx::PgPool 2:tokio::spawn 2:sqlx::query 3:redis 4:axum 4:tower_http \
                    4:tower_http::cors::*";
    assert_eq!(found(src, &bad), expected);
}

#[test]
fn scanner_ignores_comments_docs_strings_and_continuations() {
    let bad = |p: &[String]| names_crate(p, FRAMEWORK);
    let src = "// use sqlx::PgPool;\n/// Uses sqlx::query.\n//! tokio::spawn\n\
               /* a /* nested */ sqlx::x */ const S: &str = \"use sqlx::PgPool;\";\n\
               const R: &str = r#\"sqlx::x \"q\"\"#; const C: [char; 2] = ['\"', '\\''];\n\
               fn f<'a>(x: &'a T) { x.metrics::<u8>(); <T>::tokio::f(); }";
    assert_eq!(found(src, &bad), "");
    let caught = found(&format!("{src}\nuse sqlx::PgPool;"), &bad);
    assert_eq!(caught, "7:sqlx::PgPool");
}

#[test]
fn scanner_allows_another_contexts_application_only() {
    let contexts = ["other".to_string(), "own".to_string()];
    let bad = |p: &[String]| reaches_into(p, "own", &contexts);
    let ok = "use sejour_other::application::X;\n\
              use sejour_other::published_language::Created;\n\
              fn f() { sejour_other::application::quote(); sejour_own::domain::Y; }";
    assert_eq!(found(ok, &bad), "");
    let caught = found("use sejour_other::domain::X;", &bad);
    assert_eq!(caught, "1:sejour_other::domain::X");
    let grouped = "use sejour_other::{\n    application::A,\n    domain::B,\n};\n\
                   fn f() { sejour_other::infrastructure::Repo::new(); }";
    let expected = "3:sejour_other::domain::B 5:sejour_other::infrastructure::Repo::new";
    assert_eq!(found(grouped, &bad), expected);
}

#[test]
fn scanner_flags_storage_and_infrastructure_in_application_code() {
    let src = "use sqlx::PgConnection;\nuse crate::infrastructure::PgRepo;\n\
               use super::super::infrastructure::jobs;\nuse sejour_infrastructure::store::pg;\n\
               use crate::domain::Reservation;\nuse sejour_core::Tx;";
    let expected = "1:sqlx::PgConnection 2:crate::infrastructure::PgRepo \
                    3:super::super::infrastructure::jobs 4:sejour_infrastructure::store::pg";
    assert_eq!(found(src, &names_infrastructure), expected);
}

#[test]
fn manifest_parser_reads_dependencies_only() {
    let toml = "[dependencies]\nchrono.workspace = true\nsqlx = { version = \"0.8\" }\n\
                [dev-dependencies]\nproptest = \"1\"\n[dependencies.tokio-util]\nversion = \"1\"";
    let names: Vec<String> = dependencies(toml)
        .iter()
        .map(|(l, d)| format!("{l}:{d}"))
        .collect();
    assert_eq!(names, ["2:chrono", "3:sqlx", "6:tokio_util"]);
}
