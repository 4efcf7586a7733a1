//! The app's places, written in the URL fragment (`#/a/<id>/s/2`). Navigation never asks
//! a server for anything, so it works from a sub-path, offline, and from a file on disk.

/// A page of an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentPage {
    Profile,
    /// A questionnaire section, 0-based.
    Section(usize),
    Review,
    Results,
    Plan,
    /// The print-ready report.
    Report,
}

/// A staff page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffPage {
    /// Survey responses on this device: kiosk, import, export.
    Responses,
    Dashboard,
    /// The print-ready assembly report.
    Report,
    /// Build a benchmark from assessment files.
    Benchmark,
    /// Load and check content files (banks, action library, benchmark).
    Content,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Assessment {
        id: String,
        page: AssessmentPage,
    },
    /// The satisfaction survey's start page for respondents.
    SurveyHome,
    /// One survey response being filled in; `page` 0 is the profile, then sections, then review.
    Survey {
        id: String,
        page: usize,
    },
    Staff(StaffPage),
    Privacy,
    /// Anything unknown: shown as "page not found" with a way home.
    NotFound(String),
}

impl Route {
    /// Reads a fragment such as `#/a/x1/s/2` (with or without the leading `#`).
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id_ok = |id: &str| crate::bank::is_valid_id(id);
        match parts.as_slice() {
            [] => Route::Home,
            ["privacy"] => Route::Privacy,
            ["a", id, rest @ ..] if id_ok(id) => {
                let page = match rest {
                    [] | ["profile"] => AssessmentPage::Profile,
                    ["s", n] => match n.parse::<usize>() {
                        Ok(n) if n >= 1 && n <= 99 => AssessmentPage::Section(n - 1),
                        _ => return Route::NotFound(fragment.to_owned()),
                    },
                    ["review"] => AssessmentPage::Review,
                    ["results"] => AssessmentPage::Results,
                    ["plan"] => AssessmentPage::Plan,
                    ["report"] => AssessmentPage::Report,
                    _ => return Route::NotFound(fragment.to_owned()),
                };
                Route::Assessment { id: (*id).to_owned(), page }
            }
            ["survey"] => Route::SurveyHome,
            ["survey", id] if id_ok(id) => Route::Survey { id: (*id).to_owned(), page: 0 },
            ["survey", id, n] if id_ok(id) => match n.parse::<usize>() {
                Ok(page) if page <= 99 => Route::Survey { id: (*id).to_owned(), page },
                _ => Route::NotFound(fragment.to_owned()),
            },
            ["staff"] | ["staff", "responses"] => Route::Staff(StaffPage::Responses),
            ["staff", "dashboard"] => Route::Staff(StaffPage::Dashboard),
            ["staff", "report"] => Route::Staff(StaffPage::Report),
            ["staff", "benchmark"] => Route::Staff(StaffPage::Benchmark),
            ["staff", "content"] => Route::Staff(StaffPage::Content),
            _ => Route::NotFound(fragment.to_owned()),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Assessment { id, page } => match page {
                AssessmentPage::Profile => format!("#/a/{id}/profile"),
                AssessmentPage::Section(n) => format!("#/a/{id}/s/{}", n + 1),
                AssessmentPage::Review => format!("#/a/{id}/review"),
                AssessmentPage::Results => format!("#/a/{id}/results"),
                AssessmentPage::Plan => format!("#/a/{id}/plan"),
                AssessmentPage::Report => format!("#/a/{id}/report"),
            },
            Route::SurveyHome => "#/survey".into(),
            Route::Survey { id, page } => format!("#/survey/{id}/{page}"),
            Route::Staff(page) => match page {
                StaffPage::Responses => "#/staff".into(),
                StaffPage::Dashboard => "#/staff/dashboard".into(),
                StaffPage::Report => "#/staff/report".into(),
                StaffPage::Benchmark => "#/staff/benchmark".into(),
                StaffPage::Content => "#/staff/content".into(),
            },
            Route::NotFound(f) => f.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        let routes = [
            Route::Home,
            Route::Privacy,
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Profile },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Section(4) },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Review },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Results },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Plan },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Report },
            Route::SurveyHome,
            Route::Survey { id: "r1".into(), page: 3 },
            Route::Staff(StaffPage::Responses),
            Route::Staff(StaffPage::Dashboard),
            Route::Staff(StaffPage::Report),
            Route::Staff(StaffPage::Benchmark),
            Route::Staff(StaffPage::Content),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn junk_is_not_found_never_a_panic() {
        for junk in ["#/a/x/s/0", "#/a/x/s/abc", "#/a/<script>/s/1", "#/nope", "#/a/x/s/99999999999999999999"] {
            assert!(matches!(Route::parse(junk), Route::NotFound(_)), "{junk}");
        }
        assert_eq!(Route::parse(""), Route::Home);
    }
}
