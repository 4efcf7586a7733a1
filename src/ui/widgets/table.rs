//! A table of the domain's exports shown on a page: what staff see is what they export.

use crate::format::table::{Cell, Table};
use crate::kernel::i18n::Lang;
use leptos::prelude::*;

/// A [`Table`] as HTML: its name the caption, the first column row headings, numbers
/// right-aligned in the language's form, its notes under it; scrolling in its own box.
#[component]
pub fn TableView(table: Table, lang: Lang, #[prop(optional)] testid: String) -> impl IntoView {
    let cell = move |(column, c): (usize, &Cell)| {
        let text = c.display(lang);
        match (column, c) {
            (0, _) => view! { <th scope="row">{text}</th> }.into_any(),
            (_, Cell::Number(_)) => view! { <td class="num">{text}</td> }.into_any(),
            _ => view! { <td>{text}</td> }.into_any(),
        }
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="data" data-testid=testid>
                <caption>{table.name.clone()}</caption>
                <thead><tr>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{table.rows.iter().map(|row| view! { <tr>{row.iter().enumerate().map(cell).collect_view()}</tr> }).collect_view()}</tbody>
            </table>
        </div>
        {(!table.notes.is_empty()).then(|| view! { <p class="muted small">{table.notes.join(" ")}</p> })}
    }
}
