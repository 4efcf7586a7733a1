//! Languages, texts written in several languages, and the user-interface messages.
//!
//! UI messages live in `assets/i18n/<code>.toml` and are compiled into [`Msg`] by
//! `build.rs`; how each language writes numbers, dates, CSV files and plurals comes from
//! `assets/i18n/languages.toml`. Content texts (questions, actions, services) carry their
//! own translations as [`Localized`] maps. Adding a language is adding files, never code.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How a language writes numbers, CSV files, dates and plurals (`languages.toml`).
#[derive(Clone, Copy, Debug)]
pub struct LanguageFormat {
    pub decimal: char,
    pub csv_delimiter: u8,
    /// A date from `{y}`, `{m}`, `{d}`.
    pub date: &'static str,
    /// Counts that take a message's `one` form.
    pub plural_one: &'static [u64],
}

/// Separates the `one` and `other` forms of a message with plural forms.
const PLURAL_SEPARATOR: char = '\u{1f}';

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// One of the languages the UI is translated into (see `assets/i18n/languages.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Lang(u8);

impl Lang {
    /// The default language (Italian, the first of the list).
    pub const DEFAULT: Lang = Lang(0);

    /// Every language, in display order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGE_CODES.len() as u8).map(Lang)
    }

    /// Looks a language up by its code (`"it"`, `"en"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        LANGUAGE_CODES.iter().position(|c| *c == code).map(|i| Lang(i as u8))
    }

    pub fn code(self) -> &'static str {
        LANGUAGE_CODES[self.0 as usize]
    }

    /// The language's name in itself ("Italiano", "English").
    pub fn name(self) -> &'static str {
        LANGUAGE_NAMES[self.0 as usize]
    }

    fn format(self) -> &'static LanguageFormat {
        &LANGUAGE_FORMATS[self.0 as usize]
    }

    /// The UI text of a message in this language (the `other` form of one with plurals).
    pub fn t(self, msg: Msg) -> &'static str {
        let text = TEXTS[self.0 as usize][msg as usize];
        text.split_once(PLURAL_SEPARATOR).map_or(text, |(_, other)| other)
    }

    /// The UI text with `{name}` placeholders filled in. A message with plural forms takes
    /// the form the language uses for the count given as `n`.
    pub fn fmt(self, msg: Msg, args: &[(&str, &dyn fmt::Display)]) -> String {
        let text = TEXTS[self.0 as usize][msg as usize];
        let template = match text.split_once(PLURAL_SEPARATOR) {
            Some((one, other)) => {
                let n = args.iter().find(|(name, _)| *name == "n").and_then(|(_, v)| v.to_string().parse::<u64>().ok());
                if n.is_some_and(|n| self.format().plural_one.contains(&n)) {
                    one
                } else {
                    other
                }
            }
            None => text,
        };
        fill(template, args)
    }

    /// A number with `decimals` digits after this language's decimal separator.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        // "-0" and "-0.0" are zero to a reader.
        let text = if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') { text[1..].to_owned() } else { text };
        text.replace('.', &self.format().decimal.to_string())
    }

    /// The field separator of CSV files for this language's spreadsheet programs.
    pub fn csv_delimiter(self) -> u8 {
        self.format().csv_delimiter
    }

    /// An ISO date (`2027-01-15`, or the date part of a timestamp) as this language
    /// writes it; anything else is returned as it is.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.get(..10).unwrap_or("").split('-').collect();
        match parts.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => fill(self.format().date, &[("y", y), ("m", m), ("d", d)]),
            _ => iso.to_owned(),
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown language `{code}`")))
    }
}

/// Replaces `{name}` in `template` by the matching argument; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A text written once per language, as content files carry it:
/// `text = { it = "…", en = "…" }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// The text in `lang`, falling back to the default language, then to any language.
    /// Validated content always has every language, so the fallbacks only serve
    /// half-translated files a user loads on purpose.
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang.code()).or_else(|| self.0.get(Lang::DEFAULT.code())).or_else(|| self.0.values().next()).map(String::as_str).unwrap_or("")
    }

    /// A text identical in every language (names such as "Smart Energy Systems").
    pub fn same(text: &str) -> Localized {
        Localized(Lang::all().map(|l| (l.code().to_owned(), text.to_owned())).collect())
    }

    /// Builds a text from one UI message in every language.
    pub fn from_msg(msg: Msg) -> Localized {
        Localized(Lang::all().map(|l| (l.code().to_owned(), l.t(msg).to_owned())).collect())
    }

    /// Languages among `required` that are missing or blank.
    pub fn missing<'a>(&self, required: &'a [String]) -> Vec<&'a str> {
        required.iter().filter(|code| self.0.get(code.as_str()).is_none_or(|t| t.trim().is_empty())).map(String::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_is_the_default_and_english_exists() {
        assert_eq!(Lang::DEFAULT.code(), "it");
        assert!(Lang::from_code("en").is_some());
        assert!(Lang::from_code("xx").is_none());
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("{a} di {b} {c}", &[("a", &3), ("b", &"5")]), "3 di 5 {c}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn every_language_has_a_name() {
        for lang in Lang::all() {
            assert!(!lang.name().is_empty(), "{} has no language.name", lang.code());
        }
    }

    #[test]
    fn numbers_and_dates_follow_languages_toml() {
        let it = Lang::DEFAULT;
        let en = Lang::from_code("en").unwrap();
        assert_eq!(it.number(62.45, 1), "62,5");
        assert_eq!(en.number(62.45, 1), "62.5");
        assert_eq!(it.number(-0.01, 1), "0,0");
        assert_eq!(it.csv_delimiter(), b';');
        assert_eq!(en.csv_delimiter(), b',');
        assert_eq!(it.date("2027-01-15T10:00:00Z"), "15/01/2027");
        assert_eq!(it.date("soon"), "soon");
    }

    #[test]
    fn plural_forms_follow_the_count() {
        let it = Lang::DEFAULT;
        assert_eq!(it.fmt(Msg::ContentProblems, &[("n", &1)]), "1 problema");
        assert_eq!(it.fmt(Msg::ContentProblems, &[("n", &3)]), "3 problemi");
        assert_eq!(Lang::from_code("en").unwrap().fmt(Msg::ContentProblems, &[("n", &1)]), "1 problem");
    }

    #[test]
    fn localized_falls_back_to_default_language() {
        let text = Localized([("it".to_owned(), "ciao".to_owned())].into_iter().collect());
        assert_eq!(text.get(Lang::from_code("en").unwrap()), "ciao");
        assert_eq!(text.missing(&["it".into(), "en".into()]), vec!["en"]);
    }
}
