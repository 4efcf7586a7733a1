//! The bundled content files are valid, complete and consistent with each other.

use faro::content::actions::Library;
use faro::content::bank::{Bank, BankKind, ItemKind};
use faro::content::catalogue::Catalogue;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::kernel::problem::Source;
use std::collections::BTreeMap;

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path).unwrap()
}

fn fail(problems: Vec<faro::kernel::problem::Problem>) -> ! {
    let lines: Vec<String> = problems.iter().map(|p| p.message(Lang::from_code("en").unwrap())).collect();
    panic!("{} problem(s):\n{}", lines.len(), lines.join("\n"));
}

fn catalogue() -> Catalogue {
    let text = read("assets/services.toml");
    Catalogue::from_toml(Source { name: "assets/services.toml", text: &text }).unwrap_or_else(|p| fail(p))
}

fn innovation(catalogue: &Catalogue) -> Bank {
    let text = read("questions/innovation.toml");
    Bank::from_toml(Source { name: "questions/innovation.toml", text: &text }, Some(catalogue)).unwrap_or_else(|p| fail(p))
}

#[test]
fn innovation_bank_is_valid_and_covers_the_model() {
    let bank = innovation(&catalogue());
    assert_eq!(bank.kind(), BankKind::Assessment);
    let items = bank.items();
    assert!((45..=55).contains(&items.len()), "{} questions", items.len());
    let dims: Vec<&str> = bank.scored_sections().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(dims, ["strategy", "organisation", "lifecycle", "enablers", "results"]);
    for (si, section) in bank.scored_sections() {
        let n = bank.items_in(si).count();
        assert!(n >= 6, "dimension {} has {n} questions", section.id);
    }
    let mut iso: BTreeMap<u8, usize> = BTreeMap::new();
    for item in items {
        assert!(matches!(&item.kind, ItemKind::Level { levels } if levels.len() == 5), "{}", item.id);
        assert!(item.help.is_some(), "{} has no help text", item.id);
        for c in &item.iso {
            *iso.entry(*c).or_default() += 1;
        }
    }
    for clause in 4..=10u8 {
        assert!(iso.get(&clause).copied().unwrap_or(0) >= 2, "ISO clause {clause} evidenced {:?} times", iso.get(&clause));
    }
    for role in ["size", "sector", "competence_area", "age", "region", "rd_intensity"] {
        assert!(bank.profile_with_role(role).is_some(), "profile role {role} missing");
    }
}

#[test]
fn satisfaction_bank_is_valid_and_asks_about_every_service() {
    let catalogue = catalogue();
    let text = read("questions/satisfaction.toml");
    let bank = Bank::from_toml(Source { name: "questions/satisfaction.toml", text: &text }, Some(&catalogue)).unwrap_or_else(|p| fail(p));
    assert_eq!(bank.kind(), BankKind::Survey);
    assert!(bank.meta().year.is_some());
    for service in catalogue.services() {
        for part in ["used", "satisfaction", "importance"] {
            let id = format!("svc.{}.{part}", service.id);
            assert!(bank.item(&id).is_some(), "{id} missing");
        }
        let sat = bank.item(&format!("svc.{}.satisfaction", service.id)).unwrap();
        assert!(sat.show_if.is_some(), "satisfaction must be conditional on use");
    }
    for id in ["overall_satisfaction", "fee_value", "nps", "renew", "works_best", "improve", "new_services"] {
        assert!(bank.item(id).is_some(), "{id} missing");
    }
    for role in ["member_type", "competence_area", "membership_years"] {
        assert!(bank.profile_with_role(role).is_some(), "profile role {role} missing");
    }
}

#[test]
fn action_library_covers_every_dimension_and_subdimension() {
    let catalogue = catalogue();
    let bank = innovation(&catalogue);
    let text = read("assets/actions.toml");
    let library = Library::from_toml(Source { name: "assets/actions.toml", text: &text }, &bank, &catalogue).unwrap_or_else(|p| fail(p));
    for (_, section) in bank.scored_sections() {
        let whole = library.actions().iter().filter(|a| a.dimension == section.id && a.subdimension.is_none()).count();
        assert!(whole >= 1, "{} has no dimension-wide action", section.id);
        for sub in &section.subdimensions {
            let n = library.actions().iter().filter(|a| a.dimension == section.id && a.subdimension.as_deref() == Some(sub.id.as_str())).count();
            assert!(n >= 2, "{}.{} has {n} actions", section.id, sub.id);
        }
    }
}

#[test]
fn embedded_json_matches_the_toml_files() {
    let content = Content::bundled().unwrap_or_else(|p| fail(p));
    assert_eq!(content.innovation.items().len(), innovation(&catalogue()).items().len());
    assert!(!content.bundled_library().unwrap().actions().is_empty());
}

/// Plans made with catalogue 1.0.0 name services that were merged or split since: each
/// still resolves to the service that took it over.
#[test]
fn retired_service_ids_resolve_to_the_service_that_took_them_over() {
    let content = Content::bundled().unwrap();
    for (old, now) in
        [("officina_innovazione", "officina_i2r"), ("trade_fairs", "missions_fairs"), ("social_media", "website_social"), ("newsletter_weekly", "newsletters")]
    {
        assert_eq!(content.catalogue.service(old).map(|s| s.id.as_str()), Some(now), "{old}");
    }
    assert!(content.catalogue.service("never_existed").is_none());
}

/// The bundled codebook is valid; a bad one is refused with located problems; keywords
/// suggest themes by word start, in the comment's language.
#[test]
fn the_codebook_validates_and_suggests() {
    use faro::content::themes::Codebook;
    use faro::survey::aggregate::Comment;
    use faro::survey::themes::{comment_key, theme_counts, Tags};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/themes.toml")).unwrap();
    let book = Codebook::from_toml(Source { name: "themes.toml", text: &text }).unwrap();
    assert!(book.themes().len() >= 5);
    let bad = text.replacen("id = \"funding\"", "id = \"events\"", 1).replacen(
        "name = { it = \"Progetti e partner\", en = \"Projects and partners\" }",
        "name = { it = \"Progetti e partner\" }",
        1,
    );
    let problems = Codebook::from_toml(Source { name: "themes.toml", text: &bad }).unwrap_err();
    assert!(problems.iter().any(|p| matches!(p.kind, faro::kernel::problem::ProblemKind::DuplicateId { .. }) && p.line.is_some()), "{problems:?}");
    assert!(problems.iter().any(|p| matches!(p.kind, faro::kernel::problem::ProblemKind::MissingLanguage { .. })), "{problems:?}");
    let it = Lang::from_code("it").unwrap();
    assert_eq!(book.suggest("Più bandi e finanziamenti per le PMI", it), vec!["funding"]);
    assert_eq!(book.suggest("Meno eventi, più incontri B2B all'estero", it), vec!["events", "internationalisation"]);
    assert!(book.suggest("Tutto bene", it).is_empty());
    // Counts by question and member type.
    let comment = |q: &str, t: &str, m: Option<&str>| Comment { question: q.into(), member_type: m.map(str::to_owned), text: t.into() };
    let comments =
        [comment("improve", "Più bandi", Some("startup")), comment("improve", "Più eventi", None), comment("works_best", "I bandi", Some("startup"))];
    let mut tags = Tags::new();
    for c in &comments {
        tags.insert(comment_key(c), book.suggest(&c.text, it).into_iter().map(str::to_owned).collect());
    }
    let counts = theme_counts(&book, &comments, &tags);
    let funding = counts.iter().find(|c| c.theme == "funding").unwrap();
    assert_eq!((funding.total, funding.by_question["improve"], funding.by_question["works_best"], funding.by_member_type["startup"]), (2, 1, 1, 2));
    let events = counts.iter().find(|c| c.theme == "events").unwrap();
    assert_eq!(events.by_member_type[""], 1, "a comment whose member type is not published counts under none");
}
