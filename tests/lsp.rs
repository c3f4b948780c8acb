//! `connkit lsp` driven by a real client over stdio: Content-Length framing, initialize,
//! open/change/diagnostics, cross-file updates, connkit.toml, hover, code actions,
//! completion, shutdown/exit, malformed input and a client that disconnects.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(30);

const DEFINITION: &str = r#"{
  "swagger": "2.0",
  "info": {"title": "Contoso", "description": "Contoso tasks connector for tests.", "version": "1.0"},
  "basePath": "/",
  "schemes": ["https"],
  "consumes": [],
  "produces": [],
  "paths": {
    "/tasks/{id}": {
      "get": {
        "operationId": "GetTask",
        "summary": "Get a task",
        "description": "Gets one task by its identifier.",
        "parameters": [
          {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-summary": "Task ID", "description": "The task."}
        ],
        "responses": {"200": {"description": "OK"}}
      }
    }
  },
  "definitions": {},
  "parameters": {},
  "responses": {},
  "securityDefinitions": {},
  "security": [],
  "tags": []
}
"#;

const PROPERTIES: &str = r##"{"properties": {"iconBrandColor": "#da3b01", "capabilities": [], "publisher": "Contoso", "stackOwner": "Contoso"}}
"##;

const PROPERTIES_DYNAMIC_HOST: &str = r##"{"properties": {"iconBrandColor": "#da3b01", "capabilities": [], "publisher": "Contoso", "stackOwner": "Contoso",
  "policyTemplateInstances": [{"templateId": "dynamichosturl", "title": "Host", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('host')"}}]}}
"##;

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
}

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display()).replace(' ', "%20")
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("connkit"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages: rx,
            next_id: 1,
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        let s = self.stdin.as_mut().unwrap();
        s.write_all(bytes).unwrap();
        s.flush().unwrap();
    }

    fn send(&mut self, v: Value) {
        let text = v.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{text}", text.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and wait for its response (other messages are skipped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == json!(id))
    }

    fn wait(&self, mut pred: impl FnMut(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if pred(&m) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("no matching message in time"),
                Err(RecvTimeoutError::Disconnected) => panic!("server closed its output"),
            }
        }
    }

    /// The next published diagnostics for `uri` that satisfy `pred`.
    fn diagnostics(&self, uri: &str, mut pred: impl FnMut(&[Value]) -> bool) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && pred(m["params"]["diagnostics"].as_array().unwrap())
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, root: &Path) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, path: &Path, text: &str) {
        let language = if path.extension().is_some_and(|e| e == "json") {
            "json"
        } else {
            "plaintext"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Wait for the process to end (bounded); its exit code.
    fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("connkit lsp did not exit in time");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn has(diags: &[Value], code: &str) -> bool {
    codes(diags).iter().any(|c| c == code)
}

fn connector(definition: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my connector");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("apiDefinition.swagger.json"), definition).unwrap();
    std::fs::write(dir.join("apiProperties.json"), PROPERTIES).unwrap();
    (tmp, dir)
}

#[test]
fn lsp_diagnostics_hover_actions_and_cross_file_updates() {
    let (_tmp, dir) = connector(DEFINITION);
    let def = dir.join("apiDefinition.swagger.json");
    let props = dir.join("apiProperties.json");
    let mut c = Client::start();
    let init = c.initialize(&dir);
    assert_eq!(init["result"]["serverInfo"]["name"], "connkit");
    assert_eq!(
        init["result"]["capabilities"]["textDocumentSync"]["change"],
        1
    );

    c.open(&def, DEFINITION);
    let diags = c.diagnostics(&uri(&def), |d| has(d, "PathParameterMissingEncoding"));
    assert!(has(&diags, "HostNotDefined"), "{diags:?}");
    let d = diags
        .iter()
        .find(|d| d["code"] == "PathParameterMissingEncoding")
        .unwrap();
    // `connkit lint` says 15:11 (1-based); LSP positions are 0-based.
    assert_eq!(d["range"]["start"], json!({"line": 14, "character": 10}));
    assert_eq!(d["source"], "connkit");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["data"]["gate"], "pipeline");
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );

    // Hover on the finding: its explanation; on an x-ms key: what it does.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&def)}, "position": {"line": 14, "character": 11}}),
    );
    let md = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(md.contains("PathParameterMissingEncoding"), "{md}");
    let line = DEFINITION.lines().nth(14).unwrap();
    let col = line.find("x-ms-summary").unwrap() + 3;
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&def)}, "position": {"line": 14, "character": col}}),
    );
    let md = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(md.contains("display name"), "{md}");

    // Code actions: the fix, as a whole-document edit, and a suppression with a reason.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&def)}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = r["result"].as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Fix PathParameterMissingEncoding")
        })
        .expect("a quick fix");
    assert_eq!(fix["kind"], "quickfix");
    let fixed = fix["edit"]["changes"][uri(&def)][0]["newText"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(fixed.contains("\"x-ms-url-encoding\": \"single\""));
    let suppress = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Suppress PathParameterMissingEncoding")
        })
        .expect("a suppression");
    let suppressed = suppress["edit"]["changes"][uri(&def)][0]["newText"]
        .as_str()
        .unwrap();
    assert!(suppressed.contains("x-connkit-ignore") && suppressed.contains("\"reason\""));

    // Applying the fix clears the finding.
    c.change(&def, 2, &fixed);
    let diags = c.diagnostics(&uri(&def), |d| !has(d, "PathParameterMissingEncoding"));
    assert!(has(&diags, "HostNotDefined"), "{diags:?}");

    // The suppression, applied instead, hides it too (inline x-connkit-ignore is honoured).
    let suppressed = suppressed.to_string();
    c.change(&def, 3, DEFINITION);
    c.diagnostics(&uri(&def), |d| has(d, "PathParameterMissingEncoding"));
    c.change(&def, 4, &suppressed);
    c.diagnostics(&uri(&def), |d| !has(d, "PathParameterMissingEncoding"));

    // A change in apiProperties.json (unsaved) updates the definition's findings.
    c.open(&props, PROPERTIES);
    c.change(&props, 2, PROPERTIES_DYNAMIC_HOST);
    c.diagnostics(&uri(&def), |d| !has(d, "HostNotDefined"));
    // …and back, when the editor's text goes back to the file on disk.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&props)}}),
    );
    c.diagnostics(&uri(&def), |d| has(d, "HostNotDefined"));

    // Completion: enum values of x-ms-visibility.
    let text = DEFINITION.replace(
        "\"operationId\": \"GetTask\",",
        "\"operationId\": \"GetTask\",\n        \"x-ms-visibility\": \"\",",
    );
    c.change(&def, 5, &text);
    let line = text
        .lines()
        .position(|l| l.contains("x-ms-visibility"))
        .unwrap();
    let col = text.lines().nth(line).unwrap().rfind('"').unwrap();
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&def)}, "position": {"line": line, "character": col}}),
    );
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"advanced") && labels.contains(&"internal"),
        "{labels:?}"
    );

    // Outline.
    let r = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&def)}}),
    );
    assert_eq!(r["result"][0]["name"], "GET /tasks/{id}");

    let r = c.request("shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), Some(0));
}

#[test]
fn lsp_applies_connkit_toml_and_reports_its_errors() {
    let (tmp, dir) = connector(DEFINITION);
    let def = dir.join("apiDefinition.swagger.json");
    let toml = tmp.path().join("connkit.toml");
    std::fs::write(&toml, "[rules]\nPathParameterMissingEncoding = \"off\"\n").unwrap();
    let mut c = Client::start();
    c.initialize(tmp.path());
    c.open(&def, DEFINITION);
    let diags = c.diagnostics(&uri(&def), |d| has(d, "HostNotDefined"));
    assert!(!has(&diags, "PathParameterMissingEncoding"), "{diags:?}");
    // Editing connkit.toml (unsaved) relints the connectors below it.
    c.open(&toml, "[rules]\nPathParameterMissingEncoding = \"off\"\n");
    c.change(
        &toml,
        2,
        "[rules]\nPathParameterMissingEncoding = \"error\"\n",
    );
    let diags = c.diagnostics(&uri(&def), |d| has(d, "PathParameterMissingEncoding"));
    let d = diags
        .iter()
        .find(|d| d["code"] == "PathParameterMissingEncoding")
        .unwrap();
    assert_eq!(d["severity"], 1);
    // A broken connkit.toml gets a diagnostic of its own.
    c.change(&toml, 3, "[rules]\nNoSuchRule = \"error\"\n");
    let diags = c.diagnostics(&uri(&toml), |d| !d.is_empty());
    assert_eq!(diags[0]["range"]["start"]["line"], 1, "{diags:?}");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), Some(0));
}

#[test]
fn lsp_survives_malformed_input_and_ends_when_the_client_disconnects() {
    let (_tmp, dir) = connector("{\"swagger\": \"2.0\", \"paths\": {\"/a\": [1, {");
    let def = dir.join("apiDefinition.swagger.json");
    let mut c = Client::start();
    // Garbage before initialize: a frame that is not JSON, a header block without a
    // length, a JSON value that is not a message.
    c.raw(b"Content-Length: 7\r\n\r\n{oops}!");
    c.raw(b"X-Nothing: 1\r\n\r\n");
    c.raw(b"Content-Length: 4\r\n\r\n[42]");
    // A request before initialize is refused, not fatal.
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002);
    c.initialize(&dir);
    // Invalid params and unknown methods are errors; the server carries on.
    let r = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(r["error"]["code"], -32602);
    let r = c.request("connkit/nothing", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    c.notify("textDocument/didOpen", json!({"textDocument": 5}));
    // A definition that is not JSON, then binary-looking text: syntax findings, no crash.
    c.open(&def, "{\"swagger\": \"2.0\", \"paths\": {\"/a\": [1, {");
    let diags = c.diagnostics(&uri(&def), |d| !d.is_empty());
    assert!(
        codes(&diags).iter().any(|c| c.starts_with("Json")),
        "{diags:?}"
    );
    c.change(&def, 2, "\u{0}\u{feff}💥\r\n\t{[\"\u{7f}");
    c.diagnostics(&uri(&def), |d| !d.is_empty());
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&def)}, "position": {"line": 99, "character": 99}}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&def)}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert!(r["result"].is_array(), "{r}");
    // The client goes away without shutdown: the server ends on its own, promptly.
    drop(c.stdin.take());
    assert_eq!(c.wait_exit(), Some(1));
}

const NAV_DEFINITION: &str = r##"{
  "swagger": "2.0",
  "info": {"title": "Contoso", "description": "Contoso tasks connector for tests.", "version": "1.0"},
  "host": "contoso.com",
  "paths": {
    "/tasks": {
      "get": {
        "operationId": "ListTasks",
        "parameters": [{"$ref": "#/parameters/top"}],
        "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Task"}}}
      },
      "post": {
        "operationId": "AddTask",
        "parameters": [
          {"name": "list", "in": "query", "type": "string",
           "x-ms-dynamic-values": {"operationId": "ListTasks", "value-path": "id"}}
        ],
        "responses": {"200": {"description": "OK"}}
      }
    }
  },
  "definitions": {
    "Task": {"type": "object"}
  },
  "parameters": {
    "top": {"name": "top", "in": "query", "type": "integer"}
  }
}
"##;

const NAV_PROPERTIES: &str = r##"{"properties": {"iconBrandColor": "#da3b01", "capabilities": [], "publisher": "Contoso", "stackOwner": "Contoso",
  "scriptOperations": ["ListTasks"]}}
"##;

/// Line and UTF-16 column of the `n`th occurrence of `needle` in `text`, plus `skip` columns.
fn pos_of(text: &str, needle: &str, n: usize, skip: usize) -> Value {
    let at = text.match_indices(needle).nth(n).unwrap().0 + skip;
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": col})
}

#[test]
fn lsp_goes_to_definitions_and_finds_references_across_files() {
    let (_tmp, dir) = connector(NAV_DEFINITION);
    let def = dir.join("apiDefinition.swagger.json");
    let props = dir.join("apiProperties.json");
    std::fs::write(&props, NAV_PROPERTIES).unwrap();
    let mut c = Client::start();
    let init = c.initialize(&dir);
    assert_eq!(init["result"]["capabilities"]["definitionProvider"], true);
    assert_eq!(init["result"]["capabilities"]["referencesProvider"], true);
    c.open(&def, NAV_DEFINITION);
    let diags = c.diagnostics(&uri(&def), |d| has(d, "InvokedOperationShouldProduceArray"));
    let target = pos_of(NAV_DEFINITION, "\"ListTasks\"", 0, 0);

    // Related locations: the operation a dynamic value calls…
    let d = diags
        .iter()
        .find(|d| d["code"] == "InvokedOperationShouldProduceArray")
        .unwrap();
    let rel = &d["relatedInformation"][0];
    assert_eq!(rel["location"]["uri"], uri(&def), "{d}");
    assert_eq!(rel["location"]["range"]["start"], target);
    // …and the other operation of a duplicate operationId.
    let dup = NAV_DEFINITION.replace("\"AddTask\"", "\"listTasks\"");
    c.change(&def, 2, &dup);
    let diags = c.diagnostics(&uri(&def), |d| has(d, "OperationIdNotUnique"));
    let d = diags
        .iter()
        .find(|d| d["code"] == "OperationIdNotUnique")
        .unwrap();
    let rel = d["relatedInformation"].as_array().unwrap();
    assert_eq!(rel.len(), 1, "{d}");
    assert_eq!(rel[0]["location"]["range"]["start"], target);
    c.change(&def, 3, NAV_DEFINITION);
    c.diagnostics(&uri(&def), |d| !has(d, "OperationIdNotUnique"));

    // `$ref` to a definition and to a shared parameter.
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "#/definitions/Task", 0, 3)}),
    );
    assert_eq!(r["result"][0]["uri"], uri(&def), "{r}");
    assert_eq!(
        r["result"][0]["range"]["start"],
        pos_of(NAV_DEFINITION, "\"Task\": {", 0, 0)
    );
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "#/parameters/top", 0, 5)}),
    );
    assert_eq!(
        r["result"][0]["range"]["start"],
        pos_of(NAV_DEFINITION, "\"top\": {", 0, 0)
    );

    // The operationId a dynamic value calls.
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "\"ListTasks\"", 1, 2)}),
    );
    assert_eq!(r["result"][0]["range"]["start"], target, "{r}");

    // From apiProperties.json (scriptOperations) to the definition.
    c.open(&props, NAV_PROPERTIES);
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&props)}, "position": pos_of(NAV_PROPERTIES, "ListTasks", 0, 1)}),
    );
    assert_eq!(r["result"][0]["uri"], uri(&def), "{r}");
    assert_eq!(r["result"][0]["range"]["start"], target);

    // References of the operation, from its declaration: the dynamic value and the script.
    let refs = |c: &mut Client, include: bool| {
        let r = c.request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "ListTasks", 0, 2),
                   "context": {"includeDeclaration": include}}),
        );
        r["result"].as_array().unwrap().clone()
    };
    let without = refs(&mut c, false);
    assert_eq!(without.len(), 2, "{without:?}");
    assert!(without.iter().any(|l| l["uri"] == uri(&props)));
    assert_eq!(refs(&mut c, true).len(), 3);
    let r = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "\"Task\": {", 0, 2),
               "context": {"includeDeclaration": false}}),
    );
    assert_eq!(r["result"].as_array().unwrap().len(), 1, "{r}");

    // Completion of `$ref` targets.
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&def)}, "position": pos_of(NAV_DEFINITION, "#/definitions/Task", 0, "#/definitions/".len())}),
    );
    let labels: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["#/definitions/Task"], "{r}");

    // Nowhere in particular: null.
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&def)}, "position": {"line": 1, "character": 3}}),
    );
    assert!(r["result"].is_null(), "{r}");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), Some(0));
}

/// `connkit --version` is answered before clap is built (start-up, issue 18): the same bytes
/// and exit code as clap's own answer (reached here through a global option first).
#[test]
fn version_fast_path_matches_clap() {
    let run = |args: &[&str]| {
        Command::new(assert_cmd::cargo::cargo_bin("connkit"))
            .args(args)
            .output()
            .unwrap()
    };
    let clap = run(&["--color", "never", "--version"]);
    assert!(clap.status.success());
    for args in [&["--version"][..], &["-V"]] {
        let fast = run(args);
        assert_eq!(fast.status.code(), clap.status.code());
        assert_eq!(fast.stdout, clap.stdout);
        assert!(fast.stderr.is_empty());
    }
}

#[test]
fn lsp_completes_and_hovers_policy_templates_in_api_properties() {
    let (_tmp, dir) = connector(DEFINITION);
    let props = dir.join("apiProperties.json");
    let text = r##"{"properties": {"iconBrandColor": "#da3b01", "publisher": "Contoso", "stackOwner": "Contoso",
  "policyTemplateInstances": [
    {"templateId": "setheader", "title": "Version",
     "parameters": {
       "x-ms-apimTemplateParameter.existsAction": "",
       "x-ms-apimTemplateParameter.name": "X-Version"
     }},
    {"templateId": ""}
  ]}}
"##;
    let mut c = Client::start();
    c.initialize(&dir);
    c.open(&props, text);
    let labels = |c: &mut Client, pos: Value| -> Vec<String> {
        let r = c.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri(&props)}, "position": pos}),
        );
        r["result"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    // The value of existsAction: the template's enum.
    let got = labels(&mut c, pos_of(text, "existsAction\": \"", 0, 16));
    assert_eq!(got, ["override", "skip", "append"]);
    // A template id.
    let got = labels(&mut c, pos_of(text, "\"templateId\": \"\"", 0, 15));
    assert!(got.contains(&"dynamichosturl".to_string()), "{got:?}");
    // Hover on a template id: the page is cited.
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&props)}, "position": pos_of(text, "setheader", 0, 3)}),
    );
    let md = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(md.contains("policy-templates/setheader/setheader"), "{r}");
    let r = c.request("shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
}

#[test]
fn lsp_shows_script_diagnostics_on_open_and_change() {
    let (_tmp, dir) = connector(DEFINITION);
    let script = dir.join("script.csx");
    let good = "using System.Net.Http;\n\npublic class Script : ScriptBase\n{\n    public override async Task<HttpResponseMessage> ExecuteAsync()\n    {\n        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);\n    }\n}\n";
    std::fs::write(&script, good).unwrap();
    let mut c = Client::start();
    c.initialize(&dir);
    // Opened with a namespace the runtime lacks and a statement cut short (unsaved text).
    let broken = good
        .replace("using System.Net.Http;", "using System.Text.Json;")
        .replace(
            "        return await",
            "        var x = ;\n        return await",
        );
    c.open(&script, &broken);
    let diags = c.diagnostics(&uri(&script), |d| {
        has(d, "ScriptSyntaxError") && has(d, "ScriptNamespaceNotAllowed")
    });
    let syntax = diags
        .iter()
        .find(|d| d["code"] == "ScriptSyntaxError")
        .unwrap();
    // Line 7 (0-based 6): `var x = ;`.
    assert_eq!(syntax["range"]["start"]["line"], 6, "{diags:?}");
    assert_eq!(syntax["severity"], 1);
    let ns = diags
        .iter()
        .find(|d| d["code"] == "ScriptNamespaceNotAllowed")
        .unwrap();
    assert_eq!(ns["range"]["start"], json!({"line": 0, "character": 6}));
    // Typing the fix clears them.
    c.change(&script, 2, good);
    let diags = c.diagnostics(&uri(&script), |d| !has(d, "ScriptSyntaxError"));
    assert!(
        !has(&diags, "ScriptNamespaceNotAllowed") && !has(&diags, "ScriptSyntaxError"),
        "{diags:?}"
    );
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), Some(0));
}
