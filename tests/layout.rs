//! The layout of the code, held by a test (in the spirit of rust-analyzer's `tidy`): the
//! layers run one way (ARCHITECTURE.md § Layers), the domain knows nothing of the
//! browser, no module imports another that imports it back, no function is longer than
//! a screen, and `make serve` never writes into `dist/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lower ranks are imported by higher ones, never the other way round. Modules of the
/// same rank do not import each other, except within one concept (one folder).
const LAYERS: &[(&str, u8)] = &[
    ("kernel", 0),
    ("format", 1),
    ("content", 2),
    ("benchmark", 3),
    ("survey", 3),
    ("assessment", 4),
    ("store", 5),
    ("route", 5),
    ("tools", 5),
    ("ui::browser", 6),
    ("ui::panic", 6),
    ("ui::tools", 7),
    ("ui::state", 8),
    ("ui::widgets", 9),
    ("ui::charts", 9),
    ("ui::assessment", 10),
    ("ui::survey", 10),
    ("ui::staff", 10),
    ("ui::privacy", 10),
    ("ui::bench", 10),
    ("ui::transfer", 10),
    ("ui::app", 11),
    ("ui", 12),
];

/// Crates only the interface may use.
const BROWSER_CRATES: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "gloo_file",
    "gloo_timers",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "console_error_panic_hook",
    "plotters",
    "plotters_canvas",
];

/// The longest a function may be, in lines.
const MAX_FUNCTION_LINES: usize = 80;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every Rust file of the library, by module path (`ui::state::lazy`).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().with_extension("");
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts[0] == "bin" || parts == ["main"] {
            continue;
        }
        let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod" && *p != "lib").collect();
        modules.insert(parts.join("::"), std::fs::read_to_string(&file).unwrap());
    }
    modules
}

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().filter(|(prefix, _)| module == *prefix || module.starts_with(&format!("{prefix}::"))).max_by_key(|(prefix, _)| prefix.len()).map(|(_, r)| *r)
}

/// The folder (concept) of a module: its layer's prefix.
fn concept(module: &str) -> &'static str {
    LAYERS
        .iter()
        .filter(|(prefix, _)| module == *prefix || module.starts_with(&format!("{prefix}::")))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(p, _)| *p)
        .unwrap_or("")
}

/// The code of a file without its tests (a `#[cfg(test)] mod tests` may use anything).
fn code_of(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at])
}

/// The code of a file without comments (doc links name modules without using them).
fn without_comments(text: &str) -> String {
    code_of(text).lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The paths a `use` or an inline path names from `at` on: `a::b`, or each item of a
/// group `a::{b, c::d}` (nested groups flattened).
fn paths_at(code: &str) -> Vec<String> {
    let head: String = code.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
    let rest = &code[head.len()..];
    if !rest.starts_with('{') {
        return vec![head];
    }
    let mut depth = 0;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = &rest[1..end];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items.into_iter().map(str::trim).filter(|i| !i.is_empty()).flat_map(|item| paths_at(item).into_iter().map(|p| format!("{head}{p}"))).collect()
}

/// The modules of this crate a file refers to (`crate::a::b`, `super::c`), resolved to
/// the longest module that exists.
fn references(module: &str, text: &str, all: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let code = without_comments(text);
    // A file `a/b.rs` is module a::b, and its `super` is a; a `mod.rs` is its folder.
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = module.split("::").collect();
        p.pop();
        p
    };
    for (start, base) in [("crate::", Vec::new()), ("super::", parent)] {
        for (at, _) in code.match_indices(start) {
            if at > 0 && (code.as_bytes()[at - 1].is_ascii_alphanumeric() || code.as_bytes()[at - 1] == b':') {
                continue;
            }
            for path in paths_at(&code[at + start.len()..]) {
                let mut parts: Vec<String> = base.iter().map(|s| s.to_string()).collect();
                parts.extend(path.split("::").filter(|s| !s.is_empty() && *s != "self").map(str::to_owned));
                while !parts.is_empty() {
                    let candidate = parts.join("::");
                    if all.contains_key(&candidate) {
                        if candidate != module {
                            found.insert(candidate);
                        }
                        break;
                    }
                    parts.pop();
                }
            }
        }
    }
    found
}

#[test]
fn layers_run_one_way() {
    let all = modules();
    let mut wrong = Vec::new();
    for (module, text) in &all {
        let Some(mine) = rank(module) else { continue };
        for target in references(module, text, &all) {
            let Some(theirs) = rank(&target) else { continue };
            let same_concept = concept(module) == concept(&target);
            if !same_concept && theirs >= mine {
                wrong.push(format!("{module} (layer {mine}) uses {target} (layer {theirs})"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layer order (ARCHITECTURE.md § Layers):\n{}", wrong.join("\n"));
}

#[test]
fn the_domain_knows_nothing_of_the_browser() {
    let mut wrong = Vec::new();
    for (module, text) in modules() {
        if module == "ui" || module.starts_with("ui::") {
            continue;
        }
        for krate in BROWSER_CRATES {
            for line in code_of(&text).lines() {
                let line = line.trim_start();
                if line.starts_with(&format!("use {krate}::")) || line.contains(&format!(" {krate}::")) || line.starts_with(&format!("{krate}::")) {
                    wrong.push(format!("{module}: {line}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "browser crates in the domain:\n{}", wrong.join("\n"));
}

/// No import cycle between modules, whatever their layers (Tarjan's algorithm).
#[test]
fn no_module_imports_one_that_imports_it_back() {
    let all = modules();
    let graph: BTreeMap<String, BTreeSet<String>> = all.iter().map(|(m, text)| (m.clone(), references(m, text, &all))).collect();
    let cycles = strongly_connected(&graph).into_iter().filter(|c| c.len() > 1).collect::<Vec<_>>();
    assert!(cycles.is_empty(), "import cycles: {cycles:?}");
}

fn strongly_connected(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w.as_str()) {
                    self.visit(w);
                    let low = self.low[w.as_str()].min(self.low[v]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w.as_str()) {
                    let low = self.index[w.as_str()].min(self.low[v]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                self.out.push(component);
            }
        }
    }
    let mut t = Tarjan { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on_stack: BTreeSet::new(), out: Vec::new() };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.out
}

#[test]
fn no_function_is_longer_than_a_screen() {
    let mut long = Vec::new();
    for (module, text) in modules() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "async fn ", "pub async fn ", "pub(super) async fn "]
                .iter()
                .any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            let end = lines[i + 1..]
                .iter()
                .position(|l| l.len() > indent && l[..indent].trim().is_empty() && l[indent..].starts_with('}'))
                .map_or(lines.len(), |k| i + 1 + k);
            let length = end - i + 1;
            if length > MAX_FUNCTION_LINES {
                long.push(format!("{module}:{} {} ({length} lines)", i + 1, trimmed.split('(').next().unwrap_or(trimmed)));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FUNCTION_LINES} lines:\n{}", long.join("\n"));
}

/// Issue 9, bug 5: `make serve` built into `dist/`, so a copy of `dist/` taken after it
/// shipped Trunk's live-reload client. It must serve from a folder of its own.
#[test]
fn make_serve_never_writes_into_dist() {
    let makefile = std::fs::read_to_string(root().join("Makefile")).unwrap();
    let recipe: Vec<&str> = makefile.lines().skip_while(|l| !l.starts_with("serve:")).skip(1).take_while(|l| l.starts_with('\t')).collect();
    let serve = recipe.iter().find(|l| l.contains("trunk serve")).expect("make serve runs trunk serve");
    let dist = serve.split_whitespace().skip_while(|w| *w != "--dist").nth(1).expect("make serve names its own --dist folder");
    assert!(dist != "dist" && !dist.starts_with("dist/"), "make serve builds into {dist}");
    assert!(serve.contains("--no-autoreload"), "the live-reload client is refused by the CSP: make serve must not inject it");
}

#[test]
fn the_layer_table_knows_every_module() {
    let unknown: Vec<String> = modules().into_keys().filter(|m| !m.is_empty() && rank(m).is_none()).collect();
    assert!(unknown.is_empty(), "modules with no layer in tests/layout.rs: {unknown:?}");
}

/// Every UI message is shown somewhere: a text no code uses is dead content that
/// translators would keep translating.
#[test]
fn every_message_is_used() {
    let catalogue = std::fs::read_to_string(root().join("assets/i18n/it.toml")).unwrap();
    let code: String = modules().into_values().collect();
    let mut section = String::new();
    let mut unused = Vec::new();
    for line in catalogue.lines() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
            continue;
        }
        let Some((key, _)) = line.split_once(" = ") else { continue };
        if line.starts_with('#') || section == "language" {
            continue;
        }
        let variant: String = format!("{section}.{}", key.trim()).split(['.', '_']).map(|p| p[..1].to_uppercase() + &p[1..]).collect();
        let name = format!("Msg::{variant}");
        // A whole name: `Msg::PlanWhy` inside `Msg::PlanWhyLeaders` does not count.
        let used = code.match_indices(&name).any(|(at, _)| !code[at + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        if !used {
            unused.push(format!("{section}.{key}"));
        }
    }
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
