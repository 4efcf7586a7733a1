//! The app's places, written in the URL fragment (`#/a/<id>/s/2`). Navigation never asks
//! a server for anything, so it works from a sub-path, offline, and from a file on disk.
//!
//! Each family of pages is declared once, with its slug, by [`pages!`]: adding a page is
//! one line there, and both reading and writing addresses follow from it.

use crate::kernel::ids::is_valid_id;

/// Declares a family of pages: an enum, each page's slug, and the reverse lookup. A page
/// with a number (`s/2`: a questionnaire section, counted from 1 in the address) is
/// declared with `numbered`.
macro_rules! pages {
    ($(#[$meta:meta])* pub enum $name:ident {
        numbered $(#[$nmeta:meta])* $numbered:ident = $prefix:literal;
        $($(#[$vmeta:meta])* $variant:ident = $slug:literal,)*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $(#[$nmeta])* $numbered(usize),
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// The page's part of the address.
            pub fn slug(self) -> String {
                match self {
                    $name::$numbered(n) => format!("{}/{}", $prefix, n + 1),
                    $($name::$variant => $slug.to_owned(),)*
                }
            }

            /// The page an address part names.
            pub fn from_slug(parts: &[&str]) -> Option<$name> {
                match parts {
                    [$prefix, n] => n.parse::<usize>().ok().filter(|n| (1..=MAX_SECTIONS).contains(n)).map(|n| $name::$numbered(n - 1)),
                    [slug] => [$($name::$variant,)*].into_iter().find(|page| page.slug() == *slug),
                    _ => None,
                }
            }
        }
    };
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $slug:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every page of the family, in order.
            pub const ALL: [$name; [$($slug,)*].len()] = [$($name::$variant,)*];

            /// The page's part of the address.
            pub fn slug(self) -> String {
                match self {
                    $($name::$variant => $slug.to_owned(),)*
                }
            }

            /// The page an address part names.
            pub fn from_slug(parts: &[&str]) -> Option<$name> {
                match parts {
                    [slug] => $name::ALL.into_iter().find(|page| page.slug() == *slug),
                    _ => None,
                }
            }
        }
    };
}

/// The most sections a questionnaire's address can name.
pub const MAX_SECTIONS: usize = 99;

pages! {
    /// A page of an assessment.
    pub enum AssessmentPage {
        numbered
        /// A questionnaire section, 0-based.
        Section = "s";
        Profile = "profile",
        Review = "review",
        Results = "results",
        Plan = "plan",
        /// The print-ready report.
        Report = "report",
        /// A workshop: the raters, their turns, the agreement (team assessment).
        Team = "team",
        /// A workshop's facilitated consensus, one question at a time, for a projector.
        Consensus = "consensus",
    }
}

pages! {
    /// A staff page.
    pub enum StaffPage {
        /// Survey responses on this device: kiosk, import, export.
        Responses = "responses",
        Dashboard = "dashboard",
        /// The print-ready assembly report.
        Report = "report",
        /// The evidence pack for the label and the Region (print-ready).
        Evidence = "evidence",
        /// Members' shared results: the service demand, a benchmark of the members.
        Members = "members",
        /// Build a benchmark from assessment files.
        Benchmark = "benchmark",
        /// Load and check content files (banks, action library, benchmark).
        Content = "content",
    }
}

/// A page of one survey response: a step of the questionnaire by number (0 the profile,
/// then the sections, then the review, as the response's resume point counts them), or
/// the thanks once it is sent. Numbers keep a respondent's address short and stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyPage {
    Step(usize),
    /// After sending: nothing of the answers is shown again.
    Thanks,
}

impl SurveyPage {
    pub const PROFILE: SurveyPage = SurveyPage::Step(0);

    /// The page's part of the address.
    pub fn slug(self) -> String {
        match self {
            SurveyPage::Step(n) => n.to_string(),
            SurveyPage::Thanks => "thanks".into(),
        }
    }

    /// The page an address part names.
    pub fn from_slug(parts: &[&str]) -> Option<SurveyPage> {
        match parts {
            ["thanks"] => Some(SurveyPage::Thanks),
            [n] => n.parse::<usize>().ok().filter(|n| *n <= MAX_SECTIONS + 1).map(SurveyPage::Step),
            _ => None,
        }
    }
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
    /// One survey response being filled in.
    Survey {
        id: String,
        page: SurveyPage,
    },
    /// One rater's turn in a workshop: a questionnaire section (0-based) of their own.
    Rater {
        id: String,
        rater: String,
        section: usize,
    },
    /// Receiving a file by animated QR code, through the device's camera.
    Receive,
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
        let found = match parts.as_slice() {
            [] => Some(Route::Home),
            ["privacy"] => Some(Route::Privacy),
            ["a", id, "rater", rater, n] if is_valid_id(id) && is_valid_id(rater) => n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_SECTIONS).contains(n))
                .map(|n| Route::Rater { id: (*id).to_owned(), rater: (*rater).to_owned(), section: n - 1 }),
            ["a", id] if is_valid_id(id) => Some(Route::Assessment { id: (*id).to_owned(), page: AssessmentPage::Profile }),
            ["a", id, rest @ ..] if is_valid_id(id) => AssessmentPage::from_slug(rest).map(|page| Route::Assessment { id: (*id).to_owned(), page }),
            ["receive"] => Some(Route::Receive),
            ["survey"] => Some(Route::SurveyHome),
            ["survey", id] if is_valid_id(id) => Some(Route::Survey { id: (*id).to_owned(), page: SurveyPage::PROFILE }),
            ["survey", id, rest @ ..] if is_valid_id(id) => SurveyPage::from_slug(rest).map(|page| Route::Survey { id: (*id).to_owned(), page }),
            ["staff"] => Some(Route::Staff(StaffPage::Responses)),
            ["staff", rest @ ..] => StaffPage::from_slug(rest).map(Route::Staff),
            _ => None,
        };
        found.unwrap_or_else(|| Route::NotFound(fragment.to_owned()))
    }

    /// The fragment for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Assessment { id, page } => format!("#/a/{id}/{}", page.slug()),
            Route::Rater { id, rater, section } => format!("#/a/{id}/rater/{rater}/{}", section + 1),
            Route::Receive => "#/receive".into(),
            Route::SurveyHome => "#/survey".into(),
            Route::Survey { id, page } => format!("#/survey/{id}/{}", page.slug()),
            Route::Staff(StaffPage::Responses) => "#/staff".into(),
            Route::Staff(page) => format!("#/staff/{}", page.slug()),
            Route::NotFound(f) => f.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        let mut routes = vec![
            Route::Home,
            Route::Privacy,
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Profile },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Section(4) },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Review },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Results },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Plan },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Report },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Team },
            Route::Assessment { id: "a1".into(), page: AssessmentPage::Consensus },
            Route::Rater { id: "a1".into(), rater: "rater-2".into(), section: 3 },
            Route::Receive,
            Route::SurveyHome,
            Route::Staff(StaffPage::Responses),
            Route::Staff(StaffPage::Dashboard),
            Route::Staff(StaffPage::Report),
            Route::Staff(StaffPage::Benchmark),
            Route::Staff(StaffPage::Content),
        ];
        for page in [SurveyPage::Step(0), SurveyPage::Step(3), SurveyPage::Step(8), SurveyPage::Thanks] {
            routes.push(Route::Survey { id: "r1".into(), page });
        }
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn junk_is_not_found_never_a_panic() {
        for junk in [
            "#/a/x/s/0",
            "#/a/x/s/abc",
            "#/a/<script>/s/1",
            "#/nope",
            "#/a/x/s/99999999999999999999",
            "#/staff/nope",
            "#/survey/x/101",
            "#/survey/x/s/1",
            "#/a/x/rater/r1/0",
            "#/a/x/rater/<b>/1",
        ] {
            assert!(matches!(Route::parse(junk), Route::NotFound(_)), "{junk}");
        }
        assert_eq!(Route::parse(""), Route::Home);
    }

    /// Issue 9: the kiosk's thanks page was written as page 999, which the parser refused.
    #[test]
    fn the_thanks_page_reads_back() {
        let thanks = Route::Survey { id: "r1".into(), page: SurveyPage::Thanks };
        assert_eq!(Route::parse(&thanks.href()), thanks);
    }
}
