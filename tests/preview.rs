//! `connkit preview`: the command's exit codes and outputs, the page read strictly and by a
//! real browser (headless Chromium: the DOM it builds and a screenshot), hostile text, and
//! every connector of the public corpus (when it is there).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn connkit() -> Command {
    Command::cargo_bin("connkit").unwrap()
}

/// A skip the test output shows (eprintln! is captured for passing tests).
fn skip(why: &str) {
    let _ = std::io::Write::write_fmt(&mut std::io::stderr(), format_args!("skipped: {why}\n"));
}

/// The shipped samples and the showcase fixture (every feature of the page).
fn samples() -> Vec<PathBuf> {
    vec![
        root().join("tests/fixtures/preview/Showcase"),
        root().join("connectors/certified-connectors/ContosoTasks"),
        root().join("connectors/independent-publisher-connectors/HolidayCalendar"),
        root().join("connectors/custom-connectors/EchoTools"),
    ]
}

fn preview(dir: &Path, out: &Path) -> std::process::Output {
    connkit()
        .arg("preview")
        .arg(dir)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

/// An element's name, depth and `data-*` attributes.
type Shape = (String, usize, Vec<(String, String)>);

const VOID: &[&str] = &["meta", "img", "input", "br", "hr", "link", "source", "wbr"];

/// One element: name, attributes, depth in the tree.
#[derive(Debug, Clone, PartialEq)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    depth: usize,
    /// The text inside it (markup removed, entities left as written).
    text: String,
    /// Indexes of its ancestors in the list.
    ancestors: Vec<usize>,
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(x, _)| x == k)
            .map(|(_, v)| v.as_str())
    }
}

/// A strict reading: every non-void element closed in order, no self-closing tag, no
/// duplicate attribute, values double-quoted, no markup in text. Works on connkit's page
/// and on Chromium's serialization of the DOM it built (`--dump-dom`).
fn parse(html: &str) -> Vec<El> {
    let tag = regex::Regex::new(
        r#"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(/?)>|<!--.*?-->"#,
    )
    .unwrap();
    let attr = regex::Regex::new(r#"([a-zA-Z-]+)(?:="([^"]*)")?"#).unwrap();
    let body = html
        .trim_start()
        .strip_prefix("<!DOCTYPE html>")
        .unwrap_or(html);
    let mut stack: Vec<usize> = Vec::new();
    let mut els: Vec<El> = Vec::new();
    let mut last = 0;
    let mut in_raw = false;
    for m in tag.captures_iter(body) {
        let whole = m.get(0).unwrap();
        let between = &body[last..whole.start()];
        last = whole.end();
        if m.get(2).is_none() {
            continue; // a comment
        }
        if !in_raw {
            assert!(
                !between.contains('<') && !between.contains('>'),
                "markup in text: {between:?}"
            );
        }
        for &i in &stack {
            els[i].text.push_str(between);
        }
        let name = m[2].to_ascii_lowercase();
        assert!(m[4].is_empty(), "self-closing <{name}/>");
        if &m[1] == "/" {
            let open = stack.pop().map(|i| els[i].name.clone());
            assert_eq!(open.as_deref(), Some(name.as_str()), "misnested </{name}>");
            in_raw = false;
            continue;
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        for a in attr.captures_iter(&m[3]) {
            let k = a[1].to_ascii_lowercase();
            assert!(
                !attrs.iter().any(|(x, _)| *x == k),
                "duplicate {k}: {}",
                whole.as_str()
            );
            attrs.push((k, a.get(2).map_or("", |v| v.as_str()).to_string()));
        }
        let in_p = stack.iter().any(|&i| els[i].name == "p");
        assert!(
            !(in_p
                && [
                    "div", "p", "ul", "ol", "fieldset", "details", "section", "article", "header",
                    "main", "footer", "h1", "h2", "h3", "h4", "table"
                ]
                .contains(&name.as_str())),
            "block <{name}> inside <p>"
        );
        assert!(
            !(name == "a" && stack.iter().any(|&i| els[i].name == "a")),
            "<a> inside <a>"
        );
        els.push(El {
            name: name.clone(),
            attrs,
            depth: stack.len(),
            text: String::new(),
            ancestors: stack.clone(),
        });
        if !VOID.contains(&name.as_str()) {
            in_raw = name == "style" || name == "script";
            stack.push(els.len() - 1);
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    els
}

/// The Chromium executable: `CONNKIT_CHROMIUM`, else `chromium` (Debian) or
/// `chromium-browser` on PATH.
fn chromium() -> Option<String> {
    let candidates: Vec<String> = std::env::var("CONNKIT_CHROMIUM")
        .ok()
        .into_iter()
        .chain(["chromium".to_string(), "chromium-browser".to_string()])
        .collect();
    candidates.into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Run headless Chromium on a page with `args`, at most 90 s; its stdout.
fn headless(bin: &str, profile: &Path, page: &Path, args: &[&str]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

#[test]
fn samples_render_and_headless_chromium_builds_the_same_tree() {
    let Some(bin) = chromium() else {
        skip(
            "chromium is not installed (apt-get install chromium); the browser checks did not run",
        );
        return;
    };
    let t = tempfile::tempdir().unwrap();
    for (n, dir) in samples().iter().enumerate() {
        let page = t.path().join(format!("page{n}.html"));
        let o = preview(dir, &page);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let ours = parse(&std::fs::read_to_string(&page).unwrap());
        let dom = headless(&bin, &t.path().join("profile"), &page, &["--dump-dom"]);
        let theirs = parse(&dom);
        // Same elements, same nesting, same attributes: the browser did not repair anything.
        let shape = |els: &[El]| -> Vec<Shape> {
            els.iter()
                .map(|e| {
                    let mut a: Vec<(String, String)> = e
                        .attrs
                        .iter()
                        .filter(|(k, _)| k.starts_with("data-"))
                        .cloned()
                        .collect();
                    a.sort();
                    (e.name.clone(), e.depth, a)
                })
                .collect()
        };
        assert_eq!(shape(&ours), shape(&theirs), "{}", dir.display());
        check_dom(dir, &theirs);
    }

    // The screenshot: a PNG of the page as drawn, not blank.
    let page = t.path().join("page0.html");
    let shot = t.path().join("shot.png");
    headless(
        &bin,
        &t.path().join("profile"),
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1000,1400",
        ],
    );
    let bytes = std::fs::read(&shot).expect("chromium wrote no screenshot");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1000, 1400));
    let pixels = &buf[..info.buffer_size()];
    let step = info.line_size / info.width as usize;
    let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(step).take(400_000).collect();
    assert!(
        distinct.len() > 20,
        "a blank screenshot ({} colours)",
        distinct.len()
    );
    // The brand colour of the showcase (#da3b01) is drawn.
    assert!(
        pixels
            .chunks(step)
            .any(|p| p[0] == 0xda && p[1] == 0x3b && p[2] == 0x01),
        "no pixel in the brand colour"
    );
}

/// What the browser's DOM of each sample holds.
fn check_dom(dir: &Path, els: &[El]) {
    let cards: Vec<(usize, &El)> = els
        .iter()
        .enumerate()
        .filter(|(_, e)| e.attr("data-operation-id").is_some())
        .collect();
    let ids: Vec<&str> = cards
        .iter()
        .map(|(_, e)| e.attr("data-operation-id").unwrap())
        .collect();
    let name = dir.file_name().unwrap().to_str().unwrap();
    let expected: &[&str] = match name {
        "Showcase" => &["OnNewTickets", "CreateTicket", "ListTickets", "CloseTicket"],
        "ContosoTasks" => &[
            "OnTaskCreated",
            "ListProjects",
            "CreateTask",
            "GetTask",
            "DeleteTask",
        ],
        "HolidayCalendar" => &["ListHolidays"],
        "EchoTools" => &["Echo"],
        other => panic!("{other}"),
    };
    assert_eq!(ids, expected, "{name}: cards (internal ones absent)");
    let card_of = |i: usize| {
        els[i]
            .ancestors
            .iter()
            .find_map(|&a| els[a].attr("data-operation-id"))
    };
    for (i, e) in els.iter().enumerate() {
        if e.attr("data-input").is_some() {
            assert!(card_of(i).is_some(), "an input outside a card");
            let vis = e.attr("data-visibility").expect("data-visibility");
            assert!(["important", "advanced", "none"].contains(&vis), "{vis}");
            let in_advanced = e.ancestors.iter().any(|&a| {
                els[a].attr("data-visibility") == Some("advanced")
                    && els[a].attr("data-input").is_none()
            });
            assert_eq!(
                in_advanced,
                vis == "advanced",
                "{name}: {:?} and its section",
                e.attr("data-input")
            );
            if let Some(r) = e.attr("data-required") {
                assert_eq!(r, "true");
            }
        }
        if e.attr("data-output").is_some() {
            assert!(card_of(i).is_some(), "an output outside a card");
        }
    }
    // Each input key once per card.
    for (i, _) in &cards {
        let keys: Vec<&str> = els
            .iter()
            .filter(|e| e.ancestors.contains(i))
            .filter_map(|e| e.attr("data-input"))
            .collect();
        let unique: std::collections::HashSet<&&str> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{name}: {keys:?}");
    }
    let input = |key: &str, card: &str| {
        els.iter()
            .enumerate()
            .find(|(i, e)| e.attr("data-input") == Some(key) && card_of(*i) == Some(card))
            .unwrap_or_else(|| panic!("{name}: no input {key} on {card}"))
    };
    if name == "Showcase" {
        // Dropdown options: enum values, x-ms-enum-values texts, numbers in JSON notation.
        let (i, status) = input("status", "ListTickets");
        let options: Vec<(&str, &str)> = els
            .iter()
            .filter(|o| o.name == "option" && o.ancestors.contains(&i))
            .map(|o| (o.attr("value").unwrap(), o.text.as_str()))
            .collect();
        assert_eq!(
            options,
            [
                ("open", "Open"),
                ("pending", "Waiting on customer"),
                ("closed", "Closed")
            ]
        );
        assert!(status.text.contains("Status"));
        let (i, _) = input("top", "ListTickets");
        let values: Vec<&str> = els
            .iter()
            .filter(|o| o.name == "option" && o.ancestors.contains(&i))
            .map(|o| o.attr("value").unwrap())
            .collect();
        assert_eq!(values, ["10", "50", "100"]);
        let (_, queue) = input("body/queue", "CreateTicket");
        assert_eq!(queue.attr("data-dynamic-values"), Some("ListQueues"));
        assert_eq!(queue.attr("data-required"), Some("true"));
        let (_, priority) = input("body/priority", "CreateTicket");
        assert_eq!(priority.attr("data-required"), None);
        assert!(priority.text.contains("Priority"));
        let (i, _) = input("body/requester/email", "CreateTicket");
        assert!(
            els[i]
                .ancestors
                .iter()
                .any(|&a| els[a].attr("data-group") == Some("body/requester"))
        );
        let advanced = els
            .iter()
            .find(|e| e.name == "details" && e.attr("data-visibility") == Some("advanced"))
            .expect("an advanced section");
        assert!(advanced.text.contains("Show advanced options"));
        let close = cards
            .iter()
            .find(|(_, e)| e.attr("data-operation-id") == Some("CloseTicket"));
        assert_eq!(close.unwrap().1.attr("data-deprecated"), Some("true"));
        let outputs: Vec<&str> = els.iter().filter_map(|e| e.attr("data-output")).collect();
        assert!(outputs.contains(&"value/requester/email") && !outputs.contains(&"nextLink"));
        let params: Vec<&str> = els
            .iter()
            .filter_map(|e| e.attr("data-connection-parameter"))
            .collect();
        assert_eq!(params, ["api_key", "region"]);
        let key = els
            .iter()
            .position(|e| e.attr("data-connection-parameter") == Some("api_key"))
            .unwrap();
        assert!(els.iter().any(|e| e.name == "input"
            && e.attr("type") == Some("password")
            && e.ancestors.contains(&key)));
    }
    if name == "ContosoTasks" {
        let (_, project) = input("body/projectId", "CreateTask");
        assert_eq!(project.attr("data-dynamic-values"), Some("ListProjects"));
        let trigger = cards[0].1;
        assert_eq!(trigger.attr("data-kind"), Some("trigger"));
        let img = els
            .iter()
            .find(|e| e.name == "img")
            .and_then(|e| e.attr("src"))
            .unwrap();
        let icon = std::fs::read(dir.join("icon.png")).unwrap();
        use base64::Engine as _;
        assert_eq!(
            img,
            format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(icon)
            ),
            "the icon's exact bytes"
        );
    }
    // No external resource: every URL attribute is data: or #, every link the connector's own.
    for e in els {
        for (k, v) in &e.attrs {
            if ["src", "srcset", "data", "poster", "action", "background"].contains(&k.as_str()) {
                assert!(v.starts_with("data:") || v.starts_with('#'), "{k}={v}");
            }
            if k == "href" && !v.starts_with('#') {
                let own = ["apiDefinition.swagger.json", "apiProperties.json"]
                    .iter()
                    .filter_map(|f| std::fs::read_to_string(dir.join(f)).ok())
                    .any(|text| text.contains(&v.replace("&amp;", "&")));
                assert!(own, "{v} is not in the connector's files");
            }
            if k == "href" {
                assert!(
                    v.starts_with('#')
                        || v.starts_with("https://")
                        || v.starts_with("http://")
                        || v.starts_with("mailto:"),
                    "{v}"
                );
            }
        }
        assert!(e.name != "script" && e.name != "base" && e.name != "link");
    }
}

#[test]
fn the_command_refuses_what_the_contract_refuses_with_exit_2() {
    let t = tempfile::tempdir().unwrap();
    let sample = root().join("connectors/certified-connectors/ContosoTasks");
    let out = t.path().join("p.html");
    let run = |dir: &Path, out: &Path| preview(dir, out);

    let o = run(&t.path().join("missing"), &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such folder"));

    let empty = t.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("apiProperties.json"), "{}").unwrap();
    let o = run(&empty, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("swagger.json"));

    let o = run(&sample, &t.path().join("no/such/folder/p.html"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));

    // Never onto one of the connector's own files.
    let copy = t.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
    ] {
        std::fs::copy(sample.join(f), copy.join(f)).unwrap();
    }
    let before = std::fs::read(copy.join("apiDefinition.swagger.json")).unwrap();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
    ] {
        let o = run(&copy, &copy.join(f));
        assert_eq!(o.status.code(), Some(2), "{f}");
    }
    assert_eq!(
        std::fs::read(copy.join("apiDefinition.swagger.json")).unwrap(),
        before
    );

    let o = run(&copy, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("wrote "));
    assert!(out.is_file());
}

#[test]
fn a_definition_that_is_not_strict_json_and_lint_errors_still_preview() {
    let t = tempfile::tempdir().unwrap();
    for dir in ["invalid-json", "structural-errors", "not-swagger2"] {
        let out = t.path().join(format!("{dir}.html"));
        let o = preview(&root().join("connectors/broken").join(dir), &out);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{dir}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let html = std::fs::read_to_string(&out).unwrap();
        parse(&html);
        if dir == "invalid-json" {
            assert!(html.contains("data-operation-id=\"GetA\""), "{html}");
        }
    }
    // Findings go on their card unless --no-lint.
    // Under certified-connectors/: linted with the certification rules, as `connkit lint` would.
    let dir = t.path().join("certified-connectors/C");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("apiDefinition.swagger.json"),
        r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "x.com", "paths": {"/a": {"get": {"operationId": "A", "responses": {"200": {"description": "ok"}}}}}}"#,
    )
    .unwrap();
    let out = t.path().join("c.html");
    assert!(preview(&dir, &out).status.success());
    let html = std::fs::read_to_string(&out).unwrap();
    let card = html.split("data-operation-id=\"A\"").nth(1).unwrap();
    assert!(card.contains("class=\"findings\""), "{card}");
    let o = connkit()
        .args(["preview", "--no-lint", "-o"])
        .arg(&out)
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(
        !std::fs::read_to_string(&out)
            .unwrap()
            .contains("class=\"findings\"")
    );
}

#[test]
fn hostile_connector_text_stays_text_in_the_written_page() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("Evil");
    std::fs::create_dir(&dir).unwrap();
    let evil = "<script>alert(1)</script>\"'><svg onload=alert(2)>\u{202e}\u{7}";
    let def = serde_json::json!({
        "swagger": "2.0",
        "info": {"title": evil, "description": evil, "version": "1",
                 "contact": {"url": "javascript:alert(3)", "email": "x@y.z"}},
        "host": "x.com",
        "paths": {"/a": {"get": {
            "operationId": "A\"><b>x</b>",
            "summary": evil,
            "parameters": [{"name": "q\"x", "in": "query", "type": "string", "x-ms-summary": evil,
                            "enum": [evil]}],
            "responses": {"200": {"description": "ok", "schema": {"properties": {"o<": {"type": "string", "x-ms-summary": evil}}}}}
        }}}
    });
    std::fs::write(
        dir.join("apiDefinition.swagger.json"),
        serde_json::to_string(&def).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("apiProperties.json"),
        r##"{"properties": {"iconBrandColor": "#fff;}</style><script>alert(4)</script>"}}"##,
    )
    .unwrap();
    // A file name that would start a line with a CI command if printed as it is.
    let out = t.path().join("evil\n::error::x.html");
    let o = preview(&dir, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    let els = parse(&html);
    assert!(
        !els.iter()
            .any(|e| ["script", "svg", "b"].contains(&e.name.as_str()))
    );
    assert!(
        els.iter()
            .all(|e| e.attrs.iter().all(|(k, _)| !k.starts_with("on")))
    );
    assert!(
        !els.iter()
            .any(|e| e.attr("href").is_some_and(|h| h.starts_with("javascript")))
    );
    let card = els
        .iter()
        .find(|e| e.attr("data-operation-id").is_some())
        .unwrap();
    assert_eq!(
        card.attr("data-operation-id"),
        Some("A&quot;&gt;&lt;b&gt;x&lt;/b&gt;")
    );
    assert!(card.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(els.iter().any(|e| e.attr("data-input") == Some("q&quot;x")));
    assert!(els.iter().any(|e| e.attr("data-output") == Some("o&lt;")));
    assert!(!html.contains('\u{202e}') && !html.contains('\u{7}'));
    // The stdout line stays one line.
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(stdout.matches('\n').count(), 1, "{stdout}");
    assert!(
        stdout.ends_with('\n') && stdout.contains("evil\\n::error::x.html"),
        "{stdout}"
    );
}

/// Every connector of the public corpus previews: the command's session (lint included)
/// succeeds (exit 0) into a page a strict parser reads, with one card per visible operation.
/// The one folder without a definition is refused (exit 2), as the contract says. Time per
/// connector is measured by `examples/preview_corpus.rs` (BENCHMARKS.md), not here.
#[test]
fn every_corpus_connector_previews() {
    let corpus = root().join("../shared/corpus/connectors");
    if !corpus.is_dir() {
        skip(&format!("{} not found", corpus.display()));
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("p.html");
    let (mut ok, mut refused) = (0, 0);
    for kind in std::fs::read_dir(&corpus).unwrap() {
        let kind = kind.unwrap().path();
        if !kind.is_dir() {
            continue;
        }
        for c in std::fs::read_dir(&kind).unwrap() {
            let dir = c.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            let req = connkit::app::preview::PreviewRequest {
                dir: dir.clone(),
                output: out.clone(),
                lint: true,
            };
            let outcome = match connkit::app::preview::run(&req) {
                Ok(o) => o,
                Err(connkit::app::preview::PreviewError::NoDefinition(_)) => {
                    let has_definition = std::fs::read_dir(&dir).unwrap().any(|f| {
                        let name = f.unwrap().file_name().to_string_lossy().to_lowercase();
                        name.ends_with(".swagger.json")
                    });
                    assert!(!has_definition, "{}", dir.display());
                    refused += 1;
                    continue;
                }
                Err(e) => panic!("{}: {e}", dir.display()),
            };
            let els = parse(&std::fs::read_to_string(&out).unwrap());
            let cards = els
                .iter()
                .filter(|e| e.attr("data-operation-id").is_some())
                .count();
            assert_eq!(cards, outcome.preview.cards.len(), "{}", dir.display());
            ok += 1;
        }
    }
    assert!(
        ok > 500 && refused <= 1,
        "{ok} previewed, {refused} refused"
    );
}
