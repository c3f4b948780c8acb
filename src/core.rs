//! The vocabulary every layer shares: how serious a finding is and which kind of connector
//! is checked. Depends on nothing else in the crate.

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
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
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
    pub const ALL: Profiles = Profiles(7);
    /// Certification (verified and independent publishers).
    pub const CERTIFICATION: Profiles = Profiles(6);
    /// Verified publishers only.
    pub const CERTIFIED: Profiles = Profiles(2);
    /// Independent publishers only.
    pub const INDEPENDENT_PUBLISHER: Profiles = Profiles(4);

    pub fn contains(self, p: Profile) -> bool {
        self.0 & p.bit() != 0
    }

    pub fn names(self) -> Vec<&'static str> {
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
