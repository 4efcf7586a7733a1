//! Writes the synthetic reference-set benchmark (METHOD.md §Synthetic reference set).
//!
//!     cargo run --features tools --bin gen-benchmark -- [--seed N] [--companies N] [--date YYYY-MM-DD] [--out FILE]
//!
//! Defaults reproduce the committed `assets/benchmark/synthetic.json` byte for byte
//! (`tests/generator.rs` checks it).

use faro::assessment::synthetic::{reference_set, COMPANIES, DATE, SEED};
use faro::content::Content;

fn main() {
    let mut seed = SEED;
    let mut companies = COMPANIES;
    let mut date = DATE.to_owned();
    let mut out = "assets/benchmark/synthetic.json".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a whole number")),
            "--companies" => companies = value.parse().unwrap_or_else(|_| usage("--companies takes a whole number")),
            "--date" => date = value,
            "--out" => out = value,
            _ => usage(&format!("unknown option {flag}")),
        }
    }
    let content = Content::bundled().unwrap_or_else(|p| {
        eprintln!("bundled content is invalid: {}", p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("; "));
        std::process::exit(1)
    });
    let file = reference_set(&content.innovation, seed, companies, &date);
    let json = faro::benchmark::to_json(&file);
    if let Err(e) = std::fs::write(&out, &json) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
    println!("{out}: {} groups, {} companies, {} bytes", file.groups.len(), file.meta.total_n, json.len());
}

fn usage(problem: &str) -> ! {
    eprintln!("{problem}\nusage: gen-benchmark [--seed N] [--companies N] [--date YYYY-MM-DD] [--out FILE]");
    std::process::exit(2)
}
