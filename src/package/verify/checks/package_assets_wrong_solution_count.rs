//! `PackageAssetsWrongSolutionCount` (PKG-04).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The assets folder has no sub-folders and exactly 2 solution zips (3 with an AI plugin)
    ///
    /// ### Why
    /// Certification installs exactly the solutions it expects: a connector solution and a
    /// flow solution, plus an AI plugin solution when the connector carries one. Microsoft's
    /// validator counts the `*.zip` files of the assets folder and refuses sub-folders; the
    /// review refuses a package without its solution zips (policy 5000.1.1.13). Other files
    /// there (`ImportConfig.xml`, `manifest.ppkg.json`) are not counted.
    ///
    /// ### Example
    /// Three solution zips without `--plugin`, or `PkgAssets/old/ConnectorSolution.zip`, are
    /// reported; `PkgAssets/ConnectorSolution.zip` with `PkgAssets/FlowSolution.zip` pass.
    pub(crate) static ASSETS_CONTENT: Check {
        code: "PackageAssetsWrongSolutionCount",
        id: "PKG-04",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::ASSETS_CONTENT;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;

    #[test]
    fn three_solutions_without_plugin_or_a_sub_folder_are_reported() {
        let (c, f) = (connector_solution(), flow_solution());
        let three = package_of(&[&c, &f, &f]);
        assert_eq!(codes(&three), [ASSETS_CONTENT.code]);
        snapshot(&ASSETS_CONTENT, &three);
        let package = zip(&[
            ("PkgAssets/c.zip", &c),
            ("PkgAssets/f.zip", &f),
            ("PkgAssets/old/x.txt", b"x"),
        ]);
        let sub = zip(&[("intro.md", b"# x"), ("package.zip", &package)]);
        assert_eq!(codes(&sub), [ASSETS_CONTENT.code]);
    }

    #[test]
    fn near_miss_three_solutions_with_plugin_and_other_files_are_counted_right() {
        let (c, f) = (connector_solution(), flow_solution());
        let options = VerifyOptions {
            plugin: true,
            ..Default::default()
        };
        // Three zips are right with --plugin (the missing plugin solution is another check).
        let three = package_of(&[&c, &f, &f]);
        assert!(!codes_with(&three, &options).contains(&ASSETS_CONTENT.code));
        let package = zip(&[
            ("PkgAssets/c.zip", &c),
            ("PkgAssets/f.zip", &f),
            ("PkgAssets/ImportConfig.xml", b"<configdatastorage/>"),
        ]);
        let with_config = zip(&[("intro.md", b"# x"), ("package.zip", &package)]);
        assert!(codes(&with_config).is_empty(), "{:?}", codes(&with_config));
    }
}
