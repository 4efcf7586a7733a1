//! The survey's comments by theme: staff tag each comment with themes of the codebook
//! (suggested by its keywords, confirmed by staff), and see how many comments each theme
//! has by question and by member type (only published member types are named).

use crate::content::themes::Codebook;
use crate::format::table::{Cell, Table};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::aggregate::Comment;
use std::collections::{BTreeMap, BTreeSet};

/// The tags staff gave, by comment key.
pub type Tags = BTreeMap<String, BTreeSet<String>>;

/// A comment's key for its tags: its question and its text (comments carry no id, and
/// the same words to the same question are tagged alike).
pub fn comment_key(c: &Comment) -> String {
    format!("{}\u{1f}{}", c.question, c.text)
}

/// One theme's count.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeCount {
    pub theme: String,
    pub total: usize,
    pub by_question: BTreeMap<String, usize>,
    /// By member type (option id; "" for comments whose member type is not published).
    pub by_member_type: BTreeMap<String, usize>,
}

/// Each theme of the codebook, in its order, with the comments tagged with it.
pub fn theme_counts(codebook: &Codebook, comments: &[Comment], tags: &Tags) -> Vec<ThemeCount> {
    codebook
        .themes()
        .iter()
        .map(|t| {
            let tagged: Vec<&Comment> = comments.iter().filter(|c| tags.get(&comment_key(c)).is_some_and(|s| s.contains(&t.id))).collect();
            let mut by_question = BTreeMap::new();
            let mut by_member_type = BTreeMap::new();
            for c in &tagged {
                *by_question.entry(c.question.clone()).or_default() += 1;
                *by_member_type.entry(c.member_type.clone().unwrap_or_default()).or_default() += 1;
            }
            ThemeCount { theme: t.id.clone(), total: tagged.len(), by_question, by_member_type }
        })
        .collect()
}

/// The counts as a table: a theme a row, its total, then per question.
pub fn theme_table(codebook: &Codebook, counts: &[ThemeCount], question_name: &dyn Fn(&str) -> String, lang: Lang) -> Table {
    let questions: BTreeSet<&String> = counts.iter().flat_map(|c| c.by_question.keys()).collect();
    let mut headers = vec![lang.t(Msg::ThemesTheme).to_owned(), lang.t(Msg::ThemesComments).to_owned()];
    headers.extend(questions.iter().map(|q| question_name(q)));
    let rows = counts
        .iter()
        .map(|c| {
            let name = codebook.theme(&c.theme).map(|t| t.name.get(lang).to_owned()).unwrap_or_else(|| c.theme.clone());
            let mut row = vec![Cell::Text(name), Cell::Number(c.total as f64)];
            row.extend(questions.iter().map(|q| Cell::Number(c.by_question.get(*q).copied().unwrap_or(0) as f64)));
            row
        })
        .collect();
    Table { name: lang.t(Msg::ThemesTitle).into(), notes: Vec::new(), headers, rows }
}

/// The counts by member type: the published types (as comments name them) and one
/// column for comments whose type is not shown.
pub fn theme_by_type_table(codebook: &Codebook, counts: &[ThemeCount], type_name: &dyn Fn(&str) -> String, lang: Lang) -> Table {
    let types: BTreeSet<&String> = counts.iter().flat_map(|c| c.by_member_type.keys()).collect();
    let mut headers = vec![lang.t(Msg::ThemesTheme).to_owned()];
    headers.extend(types.iter().map(|t| if t.is_empty() { lang.t(Msg::ThemesNotShown).to_owned() } else { type_name(t) }));
    let rows = counts
        .iter()
        .map(|c| {
            let name = codebook.theme(&c.theme).map(|t| t.name.get(lang).to_owned()).unwrap_or_else(|| c.theme.clone());
            std::iter::once(Cell::Text(name)).chain(types.iter().map(|t| Cell::Number(c.by_member_type.get(*t).copied().unwrap_or(0) as f64))).collect()
        })
        .collect();
    Table { name: lang.t(Msg::ThemesByType).into(), notes: Vec::new(), headers, rows }
}
