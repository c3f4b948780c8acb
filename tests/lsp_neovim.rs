//! `connkit lsp` in a real editor: headless Neovim with the setup users get
//! (editors/neovim/lua/connkit.lua, `require("connkit").setup()`) opens a copy of a sample
//! connector whose definition has a duplicated operationId, and must show OperationIdNotUnique
//! through `vim.diagnostic.get`; typing the fix (unsaved) must clear it, typing the defect
//! back must bring it back. Then, through Neovim's own client: hover explains the finding,
//! completion offers `x-ms-visibility` values, go-to-definition jumps from a dynamic value to
//! the operation it calls, and a quick fix applied by Neovim clears a finding typed into the
//! buffer. The driver is editors/neovim/test/diagnostics.lua.
//!
//! Skipped, visibly, when `nvim` is not installed.

#[path = "support/skip.rs"]
mod skip;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `nvim --version`'s first line, or None when nvim cannot be run.
fn nvim_version() -> Option<String> {
    let out = Command::new("nvim").arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
    )
}

fn step<'a>(result: &'a Value, name: &str) -> &'a Value {
    result["steps"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["step"] == name))
        .unwrap_or_else(|| panic!("no step '{name}' in {result:#}"))
}

fn codes(step: &Value) -> Vec<String> {
    step["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|x| x["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn neovim_shows_findings_as_you_type_and_hovers_completes_jumps_and_fixes() {
    let Some(version) = nvim_version() else {
        skip::skipped("nvim not installed");
        return;
    };
    eprintln!("{version}");

    let tmp = tempfile::tempdir().unwrap();
    let connector = tmp.path().join("ContosoTasks");
    std::fs::create_dir(&connector).unwrap();
    let sample = root().join("connectors/certified-connectors/ContosoTasks");
    for e in std::fs::read_dir(&sample).unwrap().flatten() {
        std::fs::copy(e.path(), connector.join(e.file_name())).unwrap();
    }
    // The injected defect: GetTask's operationId becomes CreateTask's.
    let definition = connector.join("apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&definition).unwrap();
    assert_eq!(text.matches(r#""operationId": "GetTask""#).count(), 1);
    let broken = text.replace(
        r#""operationId": "GetTask""#,
        r#""operationId": "CreateTask""#,
    );
    std::fs::write(&definition, &broken).unwrap();
    let injected_line = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(r#""operationId": "CreateTask""#))
        .map(|(i, _)| i as u64)
        .last()
        .unwrap();

    let out = tmp.path().join("result.json");
    let neovim = root().join("editors/neovim");
    let driver = neovim.join("test/diagnostics.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!(
            "set rtp^={}",
            neovim.display().to_string().replace(' ', "\\ ")
        ))
        .arg("-c")
        .arg(format!(
            "luafile {}",
            driver.display().to_string().replace(' ', "\\ ")
        ))
        .env("CONNKIT_BIN", env!("CARGO_BIN_EXE_connkit"))
        .env("CONNKIT_FILE", &definition)
        .env("CONNKIT_OUT", &out)
        .env("CONNKIT_WAIT_MS", "20000")
        .env("XDG_STATE_HOME", tmp.path().join("state"))
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .env("XDG_CACHE_HOME", tmp.path().join("cache"))
        .current_dir(tmp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    // Ten waits and requests of at most 20 s each, plus start-up (a normal run takes < 1 s).
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("nvim did not exit within 240 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        e.read_to_string(&mut stderr).ok();
    }
    assert!(status.success(), "nvim exited with {status}: {stderr}");
    let result: Value = serde_json::from_str(
        &std::fs::read_to_string(&out)
            .unwrap_or_else(|e| panic!("no result from the driver ({e}); stderr: {stderr}")),
    )
    .unwrap();
    eprintln!("{result}");
    assert!(result["error"].is_null(), "driver failed: {result:#}");
    assert_eq!(
        result["attached"],
        serde_json::json!(["connkit"]),
        "{result:#}"
    );

    // 1. On open, the duplicate is reported, on one of the two operationId lines.
    let open = step(&result, "open");
    assert_eq!(
        open["found"], true,
        "no OperationIdNotUnique on open: {result:#}"
    );
    let lines: Vec<u64> = open["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "OperationIdNotUnique")
        .filter_map(|d| d["lnum"].as_u64())
        .collect();
    let first_line = broken
        .lines()
        .position(|l| l.contains(r#""operationId": "CreateTask""#))
        .unwrap() as u64;
    assert!(
        lines
            .iter()
            .all(|l| *l == first_line || *l == injected_line),
        "OperationIdNotUnique on lines {lines:?}, expected {first_line} or {injected_line}"
    );
    assert_eq!(result["edited_line"], injected_line);

    // 2. Typing the fix, unsaved, clears it; the file on disk still has the defect.
    let fixed = step(&result, "typed fix");
    assert_eq!(
        fixed["found"], false,
        "still reported after the fix: {result:#}"
    );
    assert!(
        !codes(fixed).contains(&"OperationIdNotUnique".to_string()),
        "{result:#}"
    );
    assert_eq!(result["modified"], true, "the buffer should be unsaved");
    assert_eq!(std::fs::read_to_string(&definition).unwrap(), broken);

    // 3. Typing the defect back brings it back.
    let again = step(&result, "typed defect");
    assert_eq!(again["found"], true, "not reported again: {result:#}");

    // 4. Hover on the duplicate explains the finding.
    let hover = result["hover"].as_str().unwrap_or_default();
    assert!(
        hover.contains("OperationIdNotUnique") && hover.contains("### Why"),
        "hover: {result:#}"
    );
    // Completion in an `x-ms-visibility` value offers the allowed values.
    let labels: Vec<&str> = result["completion"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for v in ["important", "advanced", "internal"] {
        assert!(labels.contains(&v), "completion {labels:?}");
    }
    // Go to definition from a dynamic value's operationId lands on ListProjects.
    assert_eq!(result["definition"]["uri_matches"], true, "{result:#}");
    assert_eq!(
        result["definition"]["line"], result["list_projects_line"],
        "{result:#}"
    );

    // 5. A path parameter typed optional is reported; the quick fix, applied by Neovim to the
    // unsaved buffer, makes it required again and the finding goes away.
    let fix = &result["fix"];
    assert_eq!(fix["typed"], true, "{result:#}");
    assert_eq!(fix["reported"], true, "not reported: {result:#}");
    assert_eq!(fix["applied"], true, "no fix action: {result:#}");
    assert_eq!(
        fix["cleared"], true,
        "still reported after the fix: {result:#}"
    );
    assert!(
        fix["line"]
            .as_str()
            .is_some_and(|l| l.trim() == r#""required": true,"#),
        "{result:#}"
    );
    assert_eq!(std::fs::read_to_string(&definition).unwrap(), broken);
}

/// Every Lua block of docs/editors.md and the README compiles in Neovim's Lua (parsed, not
/// run: the nvim-lspconfig one needs the plugin).
#[test]
fn the_documented_lua_setups_parse() {
    if nvim_version().is_none() {
        skip::skipped("nvim not installed");
        return;
    }
    let mut blocks = Vec::new();
    for doc in ["docs/editors.md", "README.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("```lua\n") {
            let body = &rest[i + "```lua\n".len()..];
            let end = body.find("```").unwrap();
            blocks.push((doc, body[..end].to_string()));
            rest = &body[end + 3..];
        }
    }
    assert!(blocks.len() >= 4, "{} Lua blocks", blocks.len());
    let tmp = tempfile::tempdir().unwrap();
    for (n, (doc, block)) in blocks.iter().enumerate() {
        let file = tmp.path().join(format!("block{n}.lua"));
        std::fs::write(&file, block).unwrap();
        let check = format!(
            "lua local f, e = loadfile([[{}]]); if not f then io.stderr:write(e) vim.cmd('cquit 1') end",
            file.display()
        );
        let out = Command::new("nvim")
            .args(["--headless", "--clean", "-c", &check, "-c", "qa!"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{doc}: a Lua block does not parse: {}\n{block}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
