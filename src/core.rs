//! The vocabulary every layer shares: how serious a finding is, which kind of connector is
//! checked, and which gate enforces a rule. Depends on nothing else in the crate.

use serde::Serialize;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which kind of connector is being checked; decides which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Any custom connector (validator with certification rules off).
    Custom,
    /// Verified publisher certification (`certified-connectors/`).
    Certified,
    /// Independent publisher certification (`independent-publisher-connectors/`).
    IndependentPublisher,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Custom => "custom",
            Profile::Certified => "certified",
            Profile::IndependentPublisher => "independent-publisher",
        }
    }

    /// `--profile auto`: from the path's segments, as Microsoft's pipeline decides.
    pub fn detect(path: &std::path::Path) -> Profile {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut found = Profile::Custom;
        for c in abs.components() {
            let s = c.as_os_str().to_string_lossy().to_ascii_lowercase();
            if s == "certified-connectors" {
                found = Profile::Certified;
            } else if s == "independent-publisher-connectors" {
                found = Profile::IndependentPublisher;
            }
        }
        found
    }

    fn bit(self) -> u8 {
        match self {
            Profile::Custom => 1,
            Profile::Certified => 2,
            Profile::IndependentPublisher => 4,
        }
    }
}

/// A set of profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profiles(u8);

impl Profiles {
    /// Every connector.
    pub(crate) const ALL: Profiles = Profiles(7);
    /// Certification (verified and independent publishers).
    pub(crate) const CERTIFICATION: Profiles = Profiles(6);
    /// Verified publishers only.
    pub(crate) const CERTIFIED: Profiles = Profiles(2);
    /// Independent publishers only.
    pub(crate) const INDEPENDENT_PUBLISHER: Profiles = Profiles(4);

    pub fn contains(self, p: Profile) -> bool {
        self.0 & p.bit() != 0
    }

    pub(crate) fn names(self) -> Vec<&'static str> {
        [
            Profile::Custom,
            Profile::Certified,
            Profile::IndependentPublisher,
        ]
        .into_iter()
        .filter(|p| self.contains(*p))
        .map(Profile::as_str)
        .collect()
    }
}

/// Who stops a submission over a rule: the evidence behind an error.
///
/// An error from connkit means a gate would stop the submission. `Pipeline` and `Platform`
/// rules are errors where Microsoft is known to enforce them; `Review` rules are about what
/// people judge (icon, readme, intro, script, wording); `Advice` is good practice nobody
/// enforces, never an error.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Gate {
    /// The PR pipeline's Swagger, apiProperties or breaking-change validator fails the check.
    Pipeline,
    /// Certification reviewers (people) ask for a change: icon, readme, intro, script, wording.
    Review,
    /// Power Platform refuses to import the connector, or it breaks at run time.
    Platform,
    /// Good practice; nothing stops the submission.
    Advice,
}

impl Gate {
    pub(crate) const ALL: [Gate; 4] = [Gate::Pipeline, Gate::Review, Gate::Platform, Gate::Advice];

    pub fn as_str(self) -> &'static str {
        match self {
            Gate::Pipeline => "pipeline",
            Gate::Review => "review",
            Gate::Platform => "platform",
            Gate::Advice => "advice",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Gate> {
        Gate::ALL
            .into_iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// What a finding of this gate at this severity means for the submission, in a few words
    /// (text output, editor hover).
    pub(crate) fn meaning(self, severity: Severity) -> &'static str {
        match (self, severity) {
            (Gate::Pipeline, Severity::Error) => "Microsoft's PR pipeline fails the check on this",
            (Gate::Pipeline, _) => "Microsoft's pipeline has this check but lets this case through",
            (Gate::Platform, Severity::Error) => {
                "Power Platform refuses this or breaks at run time"
            }
            (Gate::Platform, _) => "Power Platform accepts this, but it may not work as meant",
            (Gate::Review, Severity::Error) => "a certification reviewer will refuse this",
            (Gate::Review, _) => "a certification reviewer may ask about this",
            (Gate::Advice, _) => "advice: nothing stops the submission",
        }
    }

    /// Who does the stopping, in words for reports ("fails the PR check").
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Gate::Pipeline => "Microsoft's PR pipeline validator",
            Gate::Review => "certification reviewers",
            Gate::Platform => "Power Platform itself (import or run time)",
            Gate::Advice => "advice: nothing stops the submission",
        }
    }
}

/// The text `connkit init` writes into its placeholder icon (a PNG `tEXt` chunk, keyword
/// `Comment`): `PlaceholderValue` reports an icon that carries it until it is replaced. A
/// marker, not the image: the same picture is a real sample's icon.
pub(crate) const PLACEHOLDER_ICON_TEXT: &str =
    "connkit init placeholder icon: replace it with your own";

/// The host `connkit init` writes, `api.<name>.example.com`: under a domain reserved for
/// examples (RFC 2606), so it can never be a real service's and `PlaceholderValue` can tell.
pub(crate) const PLACEHOLDER_HOST_SUFFIX: &str = ".example.com";

/// Why a connector was linted with its profile: the text, JSON and markdown reports say it,
/// so a run with the wrong profile is never silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileSource {
    /// `--profile` on the command line.
    Flag,
    /// `profile` in connkit.toml (or one of its `[[overrides]]`).
    Config,
    /// The path contains `certified-connectors/` or `independent-publisher-connectors/`, as
    /// in Microsoft's repository.
    Folder,
    /// Nothing said otherwise: the custom-connector rules.
    Default,
}

impl ProfileSource {
    /// Where a profile setting of `auto` (or none) lands: the folder decided, or nothing did.
    pub(crate) fn detected(profile: Profile) -> ProfileSource {
        if profile == Profile::Custom {
            ProfileSource::Default
        } else {
            ProfileSource::Folder
        }
    }

    /// Words for reports: "certified (from connkit.toml)".
    pub(crate) fn describe(self, profile: Profile) -> String {
        let why = match (self, profile) {
            (ProfileSource::Flag, _) => "from --profile".to_string(),
            (ProfileSource::Config, _) => "from connkit.toml".to_string(),
            (ProfileSource::Folder, Profile::IndependentPublisher) => {
                "the path is under independent-publisher-connectors/".to_string()
            }
            (ProfileSource::Folder, _) => "the path is under certified-connectors/".to_string(),
            (ProfileSource::Default, _) => "default: set `profile = \"certified\"` in \
                 connkit.toml or pass --profile to get the certification rules"
                .to_string(),
        };
        format!("{} ({why})", profile.as_str())
    }
}

/// The documentation of a code, written as doc comments on its declaration ([`declare_code!`](crate::declare_code)):
/// the lines after the summary, each with the one leading space `///` leaves. Markdown with
/// fixed `### ` sections (`Why`, `Example`, `Evidence`, …); read it through [`Doc::text`] or
/// [`Doc::section`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Doc(pub(crate) &'static str);

impl Doc {
    /// The whole text: one leading space removed from each line, blank lines trimmed at both
    /// ends.
    pub(crate) fn text(&self) -> String {
        let lines: Vec<&str> = self
            .0
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
            .collect();
        let start = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        let end = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(start, |i| i + 1);
        lines[start..end].join("\n")
    }

    /// The text under `### {heading}`, up to the next `### ` heading (trimmed), if present.
    pub(crate) fn section(&self, heading: &str) -> Option<String> {
        let text = self.text();
        let mut out: Option<Vec<&str>> = None;
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("### ") {
                if out.is_some() {
                    break;
                }
                if h.trim() == heading {
                    out = Some(Vec::new());
                }
            } else if let Some(o) = out.as_mut() {
                o.push(line);
            }
        }
        out.map(|o| o.join("\n").trim().to_string())
    }
}

impl std::fmt::Display for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Doc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// The summary line of a declaration: its first doc comment, without the leading space.
pub(crate) const fn summary_line(s: &'static str) -> &'static str {
    match s.as_bytes() {
        [b' ', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(r) => r,
            Err(_) => s,
        },
        _ => s,
    }
}

/// The one declaration form of every code connkit prints (lint rules, diff rules, package
/// checks, converter notes), after clippy's `declare_clippy_lint!`: the first doc line is the
/// summary, the other doc lines are the documentation with fixed `### ` sections, and the
/// fields follow as in a struct literal of the family's type, which must have `summary:
/// &'static str` and `explanation: Doc` fields.
///
/// Fields most codes leave at one value may be left out: a lint rule (`Rule`) defaults to
/// `fix: None`, `microsoft: None` and `profiles: Profiles::ALL`, a diff rule (`DiffRule`) to
/// `microsoft: None`. Every other field is written out.
///
/// ```ignore
/// declare_code! {
///     /// The `default` response carries a schema
///     ///
///     /// ### Why
///     /// The designer builds an action's outputs from its success response…
///     pub static DEFAULT_RESPONSE_HAS_SCHEMA: Rule {
///         code: "DefaultResponseHasSchema",
///         severity: Severity::Error,
///         // … the family's other fields
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_code {
    (
        #[doc = $summary:literal]
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident: Rule { $($body:tt)* }
    ) => {
        $crate::declare_code!(@defaults [default default default] #[doc = $summary]
            $(#[doc = $doc])* $vis static $name: Rule { $($body)* });
    };
    (
        #[doc = $summary:literal]
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident: DiffRule { $($body:tt)* }
    ) => {
        $crate::declare_code!(@defaults [given default given] #[doc = $summary]
            $(#[doc = $doc])* $vis static $name: DiffRule { $($body)* });
    };
    (
        #[doc = $summary:literal]
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident: $ty:ident { $($body:tt)* }
    ) => {
        $crate::declare_code!(@defaults [given given given] #[doc = $summary]
            $(#[doc = $doc])* $vis static $name: $ty { $($body)* });
    };
    (
        @defaults $flags:tt
        #[doc = $summary:literal]
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident: $ty:ident { $($body:tt)* }
    ) => {
        #[doc = $summary]
        $(#[doc = $doc])*
        $vis static $name: $ty = $crate::__code_fields!(
            $ty
            [
                summary: $crate::core::summary_line($summary),
                explanation: $crate::core::Doc(concat!($($doc, "\n"),*)),
            ]
            $flags
            $($body)*
        );
    };
}

/// The fields of a [`declare_code!`] declaration, then the defaults of the fields it left
/// out. The flags say, for `fix`, `microsoft` and `profiles` in this order, whether the field
/// is `given` or gets its `default`.
#[doc(hidden)]
#[macro_export]
macro_rules! __code_fields {
    ($ty:ident [$($out:tt)*] [$f:ident $m:ident $p:ident]
        fix $(: $v:expr)? $(, $($rest:tt)*)?) => {
        $crate::__code_fields!($ty [$($out)* fix $(: $v)?,] [given $m $p] $($($rest)*)?)
    };
    ($ty:ident [$($out:tt)*] [$f:ident $m:ident $p:ident]
        microsoft $(: $v:expr)? $(, $($rest:tt)*)?) => {
        $crate::__code_fields!($ty [$($out)* microsoft $(: $v)?,] [$f given $p] $($($rest)*)?)
    };
    ($ty:ident [$($out:tt)*] [$f:ident $m:ident $p:ident]
        profiles $(: $v:expr)? $(, $($rest:tt)*)?) => {
        $crate::__code_fields!($ty [$($out)* profiles $(: $v)?,] [$f $m given] $($($rest)*)?)
    };
    ($ty:ident [$($out:tt)*] $flags:tt
        $field:ident $(: $v:expr)? $(, $($rest:tt)*)?) => {
        $crate::__code_fields!($ty [$($out)* $field $(: $v)?,] $flags $($($rest)*)?)
    };
    ($ty:ident [$($out:tt)*] [default $m:ident $p:ident]) => {
        $crate::__code_fields!($ty [$($out)* fix: None,] [given $m $p])
    };
    ($ty:ident [$($out:tt)*] [given default $p:ident]) => {
        $crate::__code_fields!($ty [$($out)* microsoft: None,] [given given $p])
    };
    ($ty:ident [$($out:tt)*] [given given default]) => {
        $crate::__code_fields!($ty [$($out)* profiles: $crate::core::Profiles::ALL,] [given given given])
    };
    ($ty:ident [$($out:tt)*] [given given given]) => {
        $ty { $($out)* }
    };
}

#[cfg(test)]
mod doc_tests {
    use super::*;

    #[test]
    fn doc_text_and_sections() {
        let d = Doc(" \n ### Why\n Because.\n More.\n\n ### Example\n Bad: `x`\n");
        assert_eq!(
            d.text(),
            "### Why\nBecause.\nMore.\n\n### Example\nBad: `x`"
        );
        assert_eq!(d.section("Why").as_deref(), Some("Because.\nMore."));
        assert_eq!(d.section("Example").as_deref(), Some("Bad: `x`"));
        assert_eq!(d.section("Evidence"), None);
        assert_eq!(summary_line(" A summary"), "A summary");
        assert_eq!(summary_line("B"), "B");
    }
}
