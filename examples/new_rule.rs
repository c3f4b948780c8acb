//! Scaffold a new lint rule: `cargo run --example new_rule -- CodeName area [--dry-run]`.
//!
//! Writes `src/rules/<area>/<code_name>.rs` (the declaration with its `### Why`, `### Example`
//! and `### Evidence` sections, an empty check, and a test naming its passing and failing
//! cases) and registers it in the area's `mod.rs` (`mod`, `pub(crate) use`, its line in `RULES`).
//! With `--dry-run` it prints the file and the new `mod.rs` instead of writing them.
//! CONTRIBUTING.md says what to do next. The rule's test fails until the check finds its
//! failing case: write the cases first.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dry_run = args.iter().any(|a| a == "--dry-run");
    let words: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [code, area] = words.as_slice() else {
        eprintln!("usage: cargo run --example new_rule -- CodeName area [--dry-run]");
        eprintln!("areas: {}", areas(&rules_dir()).join(", "));
        return ExitCode::from(2);
    };
    match scaffold(&rules_dir(), code, area) {
        Ok(plan) => {
            if dry_run {
                println!("// {}\n{}", plan.rule_path.display(), plan.rule_text);
                println!("// {}\n{}", plan.mod_path.display(), plan.mod_text);
                return ExitCode::SUCCESS;
            }
            if let Err(e) = std::fs::write(&plan.rule_path, &plan.rule_text)
                .and_then(|()| std::fs::write(&plan.mod_path, &plan.mod_text))
            {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
            println!("wrote {}", plan.rule_path.display());
            println!("registered {code} in {}", plan.mod_path.display());
            println!(
                "next: write its cases and check, then `cargo test --lib rules::{area}::{}` \
                 and `cargo insta review` (see CONTRIBUTING.md)",
                snake(code)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules")
}

/// The rule areas: the folders of `src/rules` with a `mod.rs` that has a `RULES` list.
fn areas(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            std::fs::read_to_string(e.path().join("mod.rs"))
                .is_ok_and(|t| t.contains("pub(crate) const RULES: &[&Rule] = &["))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// What the scaffold writes.
struct Plan {
    rule_path: PathBuf,
    rule_text: String,
    mod_path: PathBuf,
    mod_text: String,
}

fn scaffold(dir: &Path, code: &str, area: &str) -> Result<Plan, String> {
    let valid = code.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && code.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid {
        return Err(format!(
            "'{code}' is not a PascalCase code (`OperationIdNotUnique`)"
        ));
    }
    if !areas(dir).iter().any(|a| a == area) {
        return Err(format!(
            "no rule area '{area}' (one of: {})",
            areas(dir).join(", ")
        ));
    }
    let name = snake(code);
    let rule_path = dir.join(area).join(format!("{name}.rs"));
    if rule_path.exists() {
        return Err(format!("{} exists already", rule_path.display()));
    }
    let mod_path = dir.join(area).join("mod.rs");
    let modrs = std::fs::read_to_string(&mod_path).map_err(|e| e.to_string())?;
    Ok(Plan {
        rule_text: rule_file(code),
        mod_text: register(&modrs, code)?,
        rule_path,
        mod_path,
    })
}

/// A code in snake case, as rule files are named (the same as `catalog::layout::snake`, which
/// the layout test checks every file against): `PackageFileNotZip` → `package_file_not_zip`,
/// acronyms split before their last capital, `OAuth` one word.
fn snake(code: &str) -> String {
    let chars: Vec<char> = code.replace("OAuth", "Oauth").chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn rule_file(code: &str) -> String {
    let name = snake(code);
    let upper = name.to_ascii_uppercase();
    format!(
        r#"use super::*;
use crate::rules::prelude::*;

crate::declare_code! {{
    /// TODO: one line, what {code} reports
    ///
    /// ### Why
    /// TODO: why it matters to the connector's users, and how to fix it.
    ///
    /// ### Example
    /// Bad: `TODO`
    /// Good: `TODO`
    ///
    /// ### Evidence
    /// TODO: what the gate and severity rest on (../shared/spec/validator-messages.md, the
    /// corpus history). Without evidence a rule is advice, never an error.
    pub(crate) static {upper}: Rule {{
        code: "{code}",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Definition,
        // TODO: the page this rule comes from.
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/",
        check,
    }}
}}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {{
    // TODO: find the problem in `cx` and report it where it is written:
    // `sink.emit(pointer, message)`.
    let _ = (cx, sink);
}}

#[cfg(test)]
mod tests {{
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn {name}() {{
        Tester::new(
            &{upper},
            // Passing cases: the nearest misses (what the rule must not report).
            vec![minimal()],
            // Failing cases, with the pointers they are reported at; the first one's rendered
            // findings are the rule's snapshot.
            vec![fail(patch(minimal(), json!({{"TODO": "what breaks the rule"}}))).at(["/TODO"])],
        )
        .test();
    }}
}}
"#
    )
}

/// The area's `mod.rs` with the rule registered: its `mod` and `pub(crate) use` lines in order, and
/// its static at the end of `RULES`.
fn register(modrs: &str, code: &str) -> Result<String, String> {
    let name = snake(code);
    let upper = name.to_ascii_uppercase();
    let mut lines: Vec<String> = modrs.lines().map(str::to_string).collect();
    insert_sorted(&mut lines, "mod ", &format!("mod {name};"))?;
    insert_sorted(
        &mut lines,
        "pub(crate) use ",
        &format!("pub(crate) use {name}::*;"),
    )?;
    let start = lines
        .iter()
        .position(|l| l.starts_with("pub(crate) const RULES: &[&Rule] = &["))
        .ok_or("mod.rs has no `pub(crate) const RULES: &[&Rule] = &[`")?;
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.trim() == "];")
            .ok_or("RULES has no closing `];`")?;
    lines.insert(end, format!("    &{upper},"));
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

/// Insert `line` among the lines starting with `prefix` at the first level (in the first run
/// of them), keeping their order.
fn insert_sorted(lines: &mut Vec<String>, prefix: &str, line: &str) -> Result<(), String> {
    let first = lines
        .iter()
        .position(|l| l.starts_with(prefix) && l.ends_with(';'))
        .ok_or(format!("mod.rs has no `{prefix}…;` line"))?;
    let mut at = first;
    while at < lines.len() && lines[at].starts_with(prefix) && lines[at].ends_with(';') {
        if lines[at].as_str() > line {
            break;
        }
        at += 1;
    }
    lines.insert(at, line.to_string());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_as_the_layout_test() {
        assert_eq!(snake("PackageFileNotZip"), "package_file_not_zip");
        assert_eq!(snake("OAuthSettingsNotValid"), "oauth_settings_not_valid");
        assert_eq!(snake("JSONValueNotInEnum"), "json_value_not_in_enum");
        assert_eq!(snake("Icon32Missing"), "icon32_missing");
    }

    #[test]
    fn the_file_declares_documents_and_tests_the_code() {
        let text = rule_file("ContosoThingMissing");
        for part in [
            "crate::declare_code! {",
            "pub(crate) static CONTOSO_THING_MISSING: Rule {",
            "code: \"ContosoThingMissing\",",
            "### Why",
            "### Example",
            "### Evidence",
            "fn check(cx: &Context<'_>, sink: &mut Sink<'_>)",
            "#[cfg(test)]",
            "#[test]",
            "fn contoso_thing_missing()",
            "Tester::new(",
            "&CONTOSO_THING_MISSING,",
            "vec![minimal()],",
            "vec![fail(",
        ] {
            assert!(text.contains(part), "no `{part}` in:\n{text}");
        }
    }

    #[test]
    fn registration_in_a_real_area() {
        let dir = rules_dir();
        let before = std::fs::read_to_string(dir.join("structure/mod.rs")).unwrap();
        let plan = scaffold(&dir, "HostTooLong", "structure").unwrap();
        assert_eq!(plan.rule_path, dir.join("structure/host_too_long.rs"));
        assert!(!plan.rule_path.exists(), "a plan writes nothing");
        let after = plan.mod_text;
        let mut added: Vec<&str> = after
            .lines()
            .filter(|l| !before.lines().any(|b| b == *l))
            .collect();
        added.sort_unstable();
        assert_eq!(
            added,
            vec![
                "    &HOST_TOO_LONG,",
                "mod host_too_long;",
                "pub(crate) use host_too_long::*;",
            ]
        );
        assert_eq!(after.lines().count(), before.lines().count() + 3);
        // In order among the others, and last in RULES.
        let pos = |s: &str| after.find(s).unwrap();
        assert!(pos("mod host_name_not_valid;") < pos("mod host_too_long;"));
        assert!(pos("mod host_too_long;") < pos("mod required_property_missing;"));
        let rules = &after[pos("pub(crate) const RULES")..];
        assert!(rules.find("&HOST_TOO_LONG,").unwrap() < rules.find("];").unwrap());
        assert!(
            rules.find("&SCHEME_NOT_SUPPORTED,").unwrap() < rules.find("&HOST_TOO_LONG,").unwrap()
        );
    }

    #[test]
    fn refuses_bad_codes_unknown_areas_and_existing_files() {
        let dir = rules_dir();
        assert!(scaffold(&dir, "host_too_long", "structure").is_err());
        assert!(scaffold(&dir, "HostTooLong", "nowhere").is_err());
        assert!(scaffold(&dir, "HostTooLong", "../structure").is_err());
        let e = scaffold(&dir, "HostNameNotValid", "structure")
            .err()
            .unwrap();
        assert!(e.contains("exists already"), "{e}");
    }
}
