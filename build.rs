//! Build-time preparation of content so the app never parses TOML at start-up:
//!
//! * the UI message catalogues in `assets/i18n/` become a Rust enum of message keys plus
//!   static tables, so a missing or misspelt key is a compile error, and a key missing in
//!   one language stops the build with the file and key named;
//! * the bundled question banks, service catalogue and action library (TOML, edited by
//!   staff) become compact JSON embedded in the wasm. Their *meaning* is validated by the
//!   domain validators in `cargo test`; here only the TOML syntax is checked.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const CONTENT_FILES: &[(&str, &str)] = &[
    ("questions/innovation.toml", "innovation.json"),
    ("questions/satisfaction.toml", "satisfaction.json"),
    ("assets/services.toml", "services.json"),
    ("assets/actions.toml", "actions.json"),
    ("assets/themes.toml", "themes.json"),
];

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(message) = build_i18n(&root, &out).and_then(|()| build_content(&root, &out)) {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn read(path: &Path) -> Result<String, String> {
    println!("cargo:rerun-if-changed={}", path.display());
    fs::read_to_string(path).map_err(|e| format!("error: cannot read {}: {e}", path.display()))
}

fn parse_toml(path: &Path, text: &str) -> Result<toml::Table, String> {
    text.parse::<toml::Table>().map_err(|e| {
        let line = e.span().map(|s| text[..s.start].lines().count().max(1));
        format!("error: {}{}: {}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default(), e.message())
    })
}

fn build_content(root: &Path, out: &Path) -> Result<(), String> {
    for (source, target) in CONTENT_FILES {
        let path = root.join(source);
        let text = read(&path)?;
        let table = parse_toml(&path, &text)?;
        let json = serde_json::to_string(&table).map_err(|e| format!("error: {source}: {e}"))?;
        fs::write(out.join(target), json).map_err(|e| format!("error: writing {target}: {e}"))?;
    }
    Ok(())
}

/// Flattens nested tables into dotted keys: `[landing] title = "…"` → `landing.title`.
/// A table of exactly `one` and `other` texts is one message with plural forms, kept as
/// the two forms joined by U+001F (the code picks the form by the `{n}` it is given).
fn flatten(prefix: &str, table: &toml::Table, into: &mut BTreeMap<String, String>, file: &Path) -> Result<(), String> {
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::String(s) => {
                into.insert(full, s.clone());
            }
            toml::Value::Table(t) if is_plural(t) => {
                let form = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
                into.insert(full, format!("{}\u{1f}{}", form("one"), form("other")));
            }
            toml::Value::Table(t) => flatten(&full, t, into, file)?,
            _ => return Err(format!("error: {}: key `{full}` must be a text in quotes", file.display())),
        }
    }
    Ok(())
}

fn is_plural(table: &toml::Table) -> bool {
    table.len() == 2 && ["one", "other"].iter().all(|k| table.get(*k).is_some_and(toml::Value::is_str))
}

/// How one language writes numbers, CSV files, dates and plurals (`[format.<code>]`).
fn language_format(list: &toml::Table, code: &str, path: &Path) -> Result<String, String> {
    let table = list
        .get("format")
        .and_then(|f| f.get(code))
        .and_then(toml::Value::as_table)
        .ok_or_else(|| format!("error: {}: missing [format.{code}]", path.display()))?;
    let text = |key: &str| -> Result<String, String> {
        table.get(key).and_then(toml::Value::as_str).map(str::to_owned).ok_or_else(|| format!("error: {}: [format.{code}] needs `{key}`", path.display()))
    };
    let single = |key: &str| -> Result<char, String> {
        let t = text(key)?;
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(format!("error: {}: [format.{code}] `{key}` must be one character", path.display())),
        }
    };
    let delimiter = single("csv_delimiter")?;
    if !delimiter.is_ascii() {
        return Err(format!("error: {}: [format.{code}] `csv_delimiter` must be an ASCII character", path.display()));
    }
    let plural_one: Vec<u64> = table
        .get("plural_one")
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_integer()).filter_map(|i| u64::try_from(i).ok()).collect())
        .ok_or_else(|| format!("error: {}: [format.{code}] needs `plural_one = [1]`", path.display()))?;
    Ok(format!(
        "LanguageFormat {{ decimal: {:?}, csv_delimiter: {}, date: {:?}, plural_one: &{:?} }}",
        single("decimal")?,
        delimiter as u8,
        text("date")?,
        plural_one
    ))
}

fn variant_name(key: &str) -> String {
    key.split(['.', '_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn build_i18n(root: &Path, out: &Path) -> Result<(), String> {
    let dir = root.join("assets/i18n");
    let list_path = dir.join("languages.toml");
    let list_text = read(&list_path)?;
    let list = parse_toml(&list_path, &list_text)?;
    let codes: Vec<String> = list
        .get("languages")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| format!("error: {}: expected `languages = [\"it\", \"en\"]`", list_path.display()))?;
    if codes.is_empty() {
        return Err(format!("error: {}: the language list is empty", list_path.display()));
    }

    let formats = codes.iter().map(|c| language_format(&list, c, &list_path)).collect::<Result<Vec<_>, _>>()?;
    let mut catalogues = Vec::new();
    for code in &codes {
        let path = dir.join(format!("{code}.toml"));
        let text = read(&path)?;
        let table = parse_toml(&path, &text)?;
        let mut flat = BTreeMap::new();
        flatten("", &table, &mut flat, &path)?;
        catalogues.push((path, flat));
    }

    // Every language must define exactly the keys of the first (default) language.
    let (first_path, reference) = &catalogues[0];
    let mut problems = Vec::new();
    for (path, flat) in &catalogues[1..] {
        for key in reference.keys().filter(|k| !flat.contains_key(*k)) {
            problems.push(format!("error: {}: missing key `{key}` (present in {})", path.display(), first_path.display()));
        }
        for key in flat.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!("error: {}: key `{key}` is not in {}", path.display(), first_path.display()));
        }
    }
    let mut seen = BTreeMap::new();
    for key in reference.keys() {
        if let Some(other) = seen.insert(variant_name(key), key) {
            problems.push(format!("error: keys `{other}` and `{key}` give the same name; rename one"));
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }

    let mut code = String::new();
    code.push_str("// Generated by build.rs from assets/i18n/*.toml. Do not edit.\n\n");
    code.push_str("/// A message of the user interface; its text comes from `assets/i18n/<language>.toml`.\n");
    code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n#[allow(missing_docs)]\npub enum Msg {\n");
    for key in reference.keys() {
        writeln!(code, "    /// `{key}`\n    {},", variant_name(key)).unwrap();
    }
    code.push_str("}\n\n");
    writeln!(code, "/// Language codes in display order; the first is the default.\npub const LANGUAGE_CODES: [&str; {}] = {:?};", codes.len(), codes).unwrap();
    let names: Vec<String> = catalogues.iter().map(|(_, flat)| flat.get("language.name").cloned().unwrap_or_default()).collect();
    writeln!(code, "/// Each language's own name for itself (key `language.name`).\npub const LANGUAGE_NAMES: [&str; {}] = {:?};", codes.len(), names).unwrap();
    writeln!(
        code,
        "/// How each language writes numbers, CSV files, dates and plurals.\npub const LANGUAGE_FORMATS: [LanguageFormat; {}] = [{}];",
        codes.len(),
        formats.join(", ")
    )
    .unwrap();
    writeln!(code, "const TEXTS: [[&str; {}]; {}] = [", reference.len(), codes.len()).unwrap();
    for (_, flat) in &catalogues {
        code.push_str("    [\n");
        for value in flat.values() {
            writeln!(code, "        {value:?},").unwrap();
        }
        code.push_str("    ],\n");
    }
    code.push_str("];\n");
    fs::write(out.join("i18n.rs"), code).map_err(|e| format!("error: writing i18n.rs: {e}"))?;
    Ok(())
}
