//! `SolutionPublisherPrefixInvalid`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The solution publisher's customization prefix follows Dataverse's rules: 2-8 letters and digits, starting with a letter, not 'mscrm'
    ///
    /// ### Why
    /// Dataverse names every component of a solution after its publisher's customization
    /// prefix (`<prefix>_<name>`), and refuses to import a solution whose prefix breaks its
    /// rules: 2 to 8 letters and digits, starting with a letter, not starting with `mscrm`
    /// (reserved). A prefix edited by hand in solution.xml, or derived from a publisher name,
    /// is where this goes wrong.
    ///
    /// ### Example
    /// `<CustomizationPrefix>contoso_ltd</CustomizationPrefix>` is reported (an underscore,
    /// and 11 characters); `contoso` passes.
    pub(crate) static PREFIX_INVALID: Check {
        code: "SolutionPublisherPrefixInvalid",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::PREFIX_INVALID;
    use crate::package::verify::testing::*;

    fn with_prefix(prefix: &str) -> Vec<u8> {
        let sx = format!(
            "<ImportExportXml><SolutionManifest><Publisher><CustomizationPrefix>{prefix}</CustomizationPrefix></Publisher></SolutionManifest></ImportExportXml>"
        );
        let c = zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            (
                "customizations.xml",
                format!("<I>{}</I>", connectors_xml("p_t")).as_bytes(),
            ),
            ("solution.xml", sx.as_bytes()),
            ("Connector/p_t_openapidefinition.json", DEF),
        ]);
        package_of(&[&c, &flow_solution()])
    }

    #[test]
    fn prefixes_dataverse_refuses_are_reported() {
        for bad in ["contoso_ltd", "c", "1abc", "mscrmx"] {
            assert_eq!(codes(&with_prefix(bad)), [PREFIX_INVALID.code], "{bad}");
        }
        snapshot(&PREFIX_INVALID, &with_prefix("contoso_ltd"));
    }

    #[test]
    fn near_miss_eight_letters_and_digits_pass() {
        for good in ["contoso", "ab", "abcd1234", " cts "] {
            assert!(codes(&with_prefix(good)).is_empty(), "{good}");
        }
    }
}
