//! Crafted packages for the checks' tests: zips built in memory, a good package (a
//! connector solution and a flow solution carrying the same connector) and ways to spoil it;
//! and each check's snapshot, the `verify-package` text report of a package that triggers it
//! (`checks/snapshots/<Code>.snap`, reviewed with `cargo insta review`).

use std::collections::BTreeMap;
use std::io::Write;

use super::{Check, VerifyOptions, VerifyReport, verify_bytes};
use crate::package::build::write_zip;

/// The definition both solutions of [`good`] carry.
pub(crate) const DEF: &[u8] =
    br#"{"swagger":"2.0","info":{"title":"T","version":"1.0"},"paths":{}}"#;

/// A `<Connectors>` block naming connector `name` with its definition file.
pub(crate) fn connectors_xml(name: &str) -> String {
    format!(
        "<Connectors><Connector><name>{name}</name><openapidefinition>/Connector/{name}_openapidefinition.json</openapidefinition></Connector></Connectors>"
    )
}

/// A good package (connector and flow solutions) whose connector `p_t`, in both solutions,
/// also has these `<Connector>` child elements and files (a file named like the definition,
/// `Connector/p_t_openapidefinition.json`, replaces it).
pub(crate) fn good_with(elements: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let connectors = format!(
        "<Connectors><Connector><name>p_t</name><openapidefinition>/Connector/p_t_openapidefinition.json</openapidefinition>{elements}</Connector></Connectors>"
    );
    let def_path = "Connector/p_t_openapidefinition.json";
    let mut base: Vec<(&str, &[u8])> = Vec::new();
    if !files.iter().any(|(n, _)| *n == def_path) {
        base.push((def_path, DEF));
    }
    base.extend_from_slice(files);
    let c = solution(&format!("<I><Workflows/>{connectors}</I>"), &base);
    let mut flow_files = base.clone();
    flow_files.push(("Workflows/w.json", b"{}"));
    let f = solution(
        &format!(
            "<I><Workflows><Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow></Workflows>{connectors}</I>"
        ),
        &flow_files,
    );
    package_of(&[&c, &f])
}

/// A zip of these entries, names as given (`/` separators).
pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let m: BTreeMap<String, Vec<u8>> = entries
        .iter()
        .map(|(n, d)| (n.to_string(), d.to_vec()))
        .collect();
    write_zip(&m).unwrap()
}

/// A zip whose entry names are stored exactly as given, `\` included (as Windows PowerShell's
/// `Compress-Archive` writes them); [`zip`] normalises them.
pub(crate) fn raw_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A solution zip: the three root files, `cust` as customizations.xml, and `extra`.
pub(crate) fn solution(cust: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut e: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("customizations.xml", cust.as_bytes()),
        ("solution.xml", b"<ImportExportXml/>"),
    ];
    e.extend_from_slice(extra);
    zip(&e)
}

/// The connector solution of [`good`]: connector `p_t`, no workflows.
pub(crate) fn connector_solution() -> Vec<u8> {
    solution(
        &format!("<I><Workflows/>{}</I>", connectors_xml("p_t")),
        &[("Connector/p_t_openapidefinition.json", DEF)],
    )
}

/// The flow solution of [`good`]: connector `p_t` and one workflow, `w`.
pub(crate) fn flow_solution() -> Vec<u8> {
    solution(
        &format!(
            "<I><Workflows><Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow></Workflows>{}</I>",
            connectors_xml("p_t")
        ),
        &[
            ("Connector/p_t_openapidefinition.json", DEF),
            ("Workflows/w.json", b"{}"),
        ],
    )
}

/// An outer zip (intro.md + package.zip) whose package zip holds these solutions in PkgAssets/.
pub(crate) fn package_of(solutions: &[&[u8]]) -> Vec<u8> {
    let names: Vec<String> = (0..solutions.len())
        .map(|i| format!("PkgAssets/s{i}.zip"))
        .collect();
    let entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(String::as_str)
        .zip(solutions.iter().copied())
        .collect();
    let package = zip(&entries);
    zip(&[("intro.md", b"# x"), ("package.zip", &package)])
}

/// A package that passes every check: a connector solution and a flow solution.
pub(crate) fn good() -> Vec<u8> {
    package_of(&[&connector_solution(), &flow_solution()])
}

/// The codes the verifier reports on a package, in order.
pub(crate) fn codes_with(bytes: &[u8], options: &VerifyOptions<'_>) -> Vec<&'static str> {
    verify_bytes("p.zip", bytes, options)
        .unwrap()
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

/// The codes the verifier reports on a package with the default options.
pub(crate) fn codes(bytes: &[u8]) -> Vec<&'static str> {
    codes_with(bytes, &VerifyOptions::default())
}

/// Snapshot the `verify-package` text report (no colour) of `bytes`, a package that reports
/// `check`, as `checks/snapshots/<Code>.snap`. Each check's file calls it (or
/// [`snapshot_with`], [`snapshot_report`]) once.
pub(crate) fn snapshot(check: &'static Check, bytes: &[u8]) {
    snapshot_with(check, bytes, &VerifyOptions::default());
}

/// [`snapshot`] of `bytes` verified with these options (`--plugin`, `--against`, `--kind`).
pub(crate) fn snapshot_with(check: &'static Check, bytes: &[u8], options: &VerifyOptions<'_>) {
    snapshot_report(check, &verify_bytes("p.zip", bytes, options).unwrap());
}

/// [`snapshot`] of a verification already made (of a path, say); the folders tests create
/// under the system's temporary folder read `[temp]`.
pub(crate) fn snapshot_report(check: &'static Check, report: &VerifyReport) {
    assert!(
        report.findings.iter().any(|f| f.code == check.code),
        "{}: the package does not report it: {:?}",
        check.code,
        report.findings
    );
    let text = package_lines(&crate::report::package::render_text(report, false));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("checks/snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!(
        "{}: {} (the report's package findings and summary line; the embedded connectors' \
         lint findings, which the lint rules' snapshots show, are left out)",
        check.code, check.summary
    ));
    settings.bind(|| {
        insta::assert_snapshot!(check.code, crate::rules::testing::redact_temp(&text));
    });
}

/// The text report's blocks of package findings (any check's) and its last line, the
/// summary: the crafted packages' connectors are minimal, and their lint findings would bury
/// the check's lines in every snapshot.
fn package_lines(text: &str) -> String {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let Some((last, findings)) = blocks.split_last() else {
        return String::new();
    };
    let mut out = String::new();
    for block in findings {
        let head = block.lines().next().unwrap_or("");
        if super::CHECKS
            .iter()
            .any(|c| head.contains(&format!("[{}]", c.code)))
        {
            out.push_str(block);
            out.push_str("\n\n");
        }
    }
    // The last block ends with the summary line (after the last finding's block, if any).
    out.push_str(last.lines().last().unwrap_or(""));
    out.push('\n');
    out
}

#[test]
fn the_good_package_has_no_findings_and_raw_names_keep_their_backslashes() {
    assert!(codes(&good()).is_empty(), "{:?}", codes(&good()));
    let z = raw_zip(&[("a\\b.txt", b"x")]);
    assert!(z.windows(7).any(|w| w == b"a\\b.txt"));
    assert!(
        !zip(&[("a\\b.txt", b"x")])
            .windows(7)
            .any(|w| w == b"a\\b.txt")
    );
}
