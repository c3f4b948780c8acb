//! The editor integrations point at things that exist: every schema the VS Code extension
//! contributes is a file in schemas/ that `npm run compile` copies, every setting and command
//! the extension's source uses is contributed in package.json (and the other way round), the
//! entry point is what tsc writes, and the Neovim files the docs name are there. No node,
//! no network: this reads the files.

#[path = "support/skip.rs"]
mod skip;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn package() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("editors/vscode/package.json")).unwrap(),
    )
    .unwrap()
}

fn extension_source() -> String {
    std::fs::read_to_string(root().join("editors/vscode/src/extension.ts")).unwrap()
}

/// The quoted strings that directly follow `prefix` in `src` (`get<string>("path")` → path).
fn quoted_after(src: &str, prefix: &str) -> BTreeSet<String> {
    src.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &src[i + prefix.len()..];
            let rest = rest.strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// The `url`s of a contribution list such as `jsonValidation`.
fn urls(pkg: &Value, point: &str) -> Vec<String> {
    pkg["contributes"][point]
        .as_array()
        .unwrap_or_else(|| panic!("no contributes.{point}"))
        .iter()
        .map(|v| v["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_contributed_schema_exists_and_is_copied_by_the_build() {
    let pkg = package();
    let copy = pkg["scripts"]["copy-schemas"].as_str().unwrap();
    let mut local = 0;
    for url in urls(&pkg, "jsonValidation") {
        let file = url
            .strip_prefix("./schemas/")
            .unwrap_or_else(|| panic!("jsonValidation url {url} is not under ./schemas/"));
        assert!(
            root().join("schemas").join(file).is_file(),
            "{url}: schemas/{file} does not exist"
        );
        let stem = file.strip_suffix(".schema.json").unwrap();
        assert!(
            copy.contains(&format!("'{stem}'")),
            "copy-schemas does not copy {file}: {copy}"
        );
        local += 1;
    }
    assert!(
        local >= 3,
        "apiProperties, the definition and settings.json"
    );
    // Even Better TOML hands tomlValidation's url verbatim to taplo: it must be absolute, and
    // name a schema this repository ships.
    for url in urls(&pkg, "tomlValidation") {
        let file = url
            .strip_prefix("https://raw.githubusercontent.com/connkit/connkit/main/schemas/")
            .unwrap_or_else(|| panic!("tomlValidation url {url} is not the published schema"));
        assert!(root().join("schemas").join(file).is_file(), "{url}");
    }
}

#[test]
fn the_settings_json_schema_is_only_matched_in_connector_layouts() {
    // A bare "settings.json" would put paconn's schema on VS Code's own settings files.
    let pkg = package();
    for c in pkg["contributes"]["jsonValidation"].as_array().unwrap() {
        if c["url"] != "./schemas/settings.schema.json" {
            continue;
        }
        let matches: Vec<&str> = c["fileMatch"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(!matches.is_empty());
        for m in matches {
            assert!(
                m.ends_with("-connectors/*/settings.json"),
                "{m} matches settings.json outside a connector folder"
            );
        }
        return;
    }
    panic!("settings.schema.json is not contributed");
}

#[test]
fn every_setting_and_command_the_extension_uses_is_contributed() {
    let pkg = package();
    let src = extension_source();
    let declared: BTreeSet<String> = pkg["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut used: BTreeSet<String> = quoted_after(&src, "get<string>(")
        .into_iter()
        .chain(quoted_after(&src, "get<unknown>("))
        .map(|k| format!("connkit.{k}"))
        .collect();
    used.extend(quoted_after(&src, "affectsConfiguration("));
    assert!(
        used.contains("connkit.path") && used.contains("connkit.args"),
        "{used:?}"
    );
    for k in &used {
        assert!(
            declared.contains(k),
            "{k} is read but not contributed: {declared:?}"
        );
    }
    // connkit.trace.server is read by vscode-languageclient (client id "connkit").
    for k in &declared {
        assert!(
            used.contains(k) || k == "connkit.trace.server",
            "{k} is contributed but never read"
        );
    }
    assert!(src.contains(r#"new LanguageClient("connkit""#));

    let commands: BTreeSet<String> = pkg["contributes"]["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap().to_string())
        .collect();
    let registered = quoted_after(&src, "registerCommand(");
    assert_eq!(commands, registered);
}

#[test]
fn the_entry_point_is_what_tsc_writes_and_build_output_is_not_tracked() {
    let pkg = package();
    let tsconfig: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("editors/vscode/tsconfig.json")).unwrap(),
    )
    .unwrap();
    let out_dir = tsconfig["compilerOptions"]["outDir"].as_str().unwrap();
    let root_dir = tsconfig["compilerOptions"]["rootDir"].as_str().unwrap();
    let main = pkg["main"].as_str().unwrap();
    assert_eq!(main, format!("./{out_dir}/extension.js"));
    assert!(
        root()
            .join("editors/vscode")
            .join(root_dir)
            .join("extension.ts")
            .is_file()
    );
    let engine = pkg["engines"]["vscode"].as_str().unwrap();
    let types = pkg["devDependencies"]["@types/vscode"].as_str().unwrap();
    // vsce refuses a package whose @types/vscode is newer than engines.vscode.
    assert_eq!(
        engine.trim_start_matches(['^', '~']),
        types.trim_start_matches(['^', '~']),
        "engines.vscode {engine} vs @types/vscode {types}"
    );
    let ignore = std::fs::read_to_string(root().join("editors/vscode/.gitignore")).unwrap();
    for entry in ["node_modules/", "out/", "schemas/", "*.vsix"] {
        assert!(
            ignore.lines().any(|l| l.trim() == entry),
            "{entry} not ignored"
        );
    }
    assert!(root().join("editors/vscode/package-lock.json").is_file());
}

/// vsce packs `LICENSE` from the extension's own folder (the repository's is outside it):
/// the copy there is the repository's licence, byte for byte, and .vscodeignore keeps it.
#[test]
fn the_extension_ships_the_licence() {
    let ours = std::fs::read(root().join("LICENSE")).unwrap();
    let shipped = std::fs::read(root().join("editors/vscode/LICENSE")).unwrap();
    assert_eq!(ours, shipped, "editors/vscode/LICENSE differs from LICENSE");
    assert_eq!(package()["license"], "MIT");
    let ignore = std::fs::read_to_string(root().join("editors/vscode/.vscodeignore")).unwrap();
    assert!(
        !ignore
            .lines()
            .any(|l| l.trim() == "LICENSE" || l.trim() == "*"),
        "LICENSE excluded from the .vsix"
    );
}

#[test]
fn the_neovim_files_the_docs_name_exist() {
    let docs = std::fs::read_to_string(root().join("docs/editors.md")).unwrap();
    for f in [
        "editors/neovim/lua/connkit.lua",
        "editors/neovim/test/diagnostics.lua",
    ] {
        assert!(root().join(f).is_file(), "{f}");
        assert!(docs.contains(f), "docs/editors.md does not name {f}");
    }
    let lua = std::fs::read_to_string(root().join("editors/neovim/lua/connkit.lua")).unwrap();
    assert!(lua.contains(r#"cmd = { "connkit", "lsp" }"#));
}

/// The fenced blocks of `lang` in `text`.
fn fenced<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    let open = format!("```{lang}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(&open) {
        let body = &rest[i + open.len()..];
        let end = body.find("```").expect("unclosed fence");
        out.push(&body[..end]);
        rest = &body[end..][3..];
    }
    out
}

#[test]
fn the_helix_setups_parse_and_start_connkit_lsp() {
    // The README points at docs/editors.md, which holds the one Helix set-up.
    for (doc, want) in [("docs/editors.md", 1), ("README.md", 0)] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        let helix: Vec<toml::Table> = fenced(&text, "toml")
            .into_iter()
            .filter(|b| b.contains("[language-server.connkit]"))
            .map(|b| toml::from_str(b).unwrap_or_else(|e| panic!("{doc}: {e}\n{b}")))
            .collect();
        assert_eq!(helix.len(), want, "{doc}: Helix blocks");
        for t in helix {
            let server = &t["language-server"]["connkit"];
            assert_eq!(server["command"].as_str(), Some("connkit"));
            assert_eq!(
                server["args"].as_array().unwrap(),
                &vec![toml::Value::from("lsp")]
            );
            let languages = t["language"].as_array().unwrap();
            assert!(!languages.is_empty());
            for l in languages {
                let servers = l["language-servers"].as_array().unwrap();
                assert!(
                    servers.iter().any(|s| s.as_str() == Some("connkit")),
                    "{doc}: {l:?}"
                );
            }
        }
    }
}

/// With `npm ci` done in editors/vscode (never run by this test: no network), compile the
/// extension with its own tsc and run its smoke test against the connkit just built.
#[test]
fn the_vscode_extension_compiles_and_passes_its_smoke_test_when_its_packages_are_installed() {
    let dir = root().join("editors/vscode");
    let tsc = dir.join("node_modules/typescript/bin/tsc");
    if !tsc.is_file() {
        skip::skipped("editors/vscode/node_modules is absent (run `npm ci` there)");
        return;
    }
    let node = |args: &[&str]| {
        std::process::Command::new("node")
            .args(args)
            .current_dir(&dir)
            .env("CONNKIT_BIN", env!("CARGO_BIN_EXE_connkit"))
            .output()
    };
    let Ok(out) = node(&[tsc.to_str().unwrap(), "-p", "."]) else {
        skip::skipped("node is not installed");
        return;
    };
    assert!(
        out.status.success(),
        "tsc: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let out = node(&["test/smoke.js"]).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("ok - end to end"), "{stdout}");
    assert!(!stdout.contains("not ok"), "{stdout}");
}
