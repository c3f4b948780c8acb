//! `connkit upload` and `connkit submit` against an in-process fake (127.0.0.1 only):
//! request sequence, headers, bodies, exit codes, and no secret in any output.

mod support;

use std::process::Output;

use assert_cmd::Command;
use serde_json::{Value, json};
use support::fake::{self, Fake, Knobs};

struct Run {
    out: Output,
    stdout: String,
    stderr: String,
}

impl Run {
    fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A certification package that verify-package accepts (submit verifies first).
fn package() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("contoso.zip"),
        support::pkg::certification_package(),
    )
    .unwrap();
    dir
}

fn package_bytes(dir: &tempfile::TempDir) -> Vec<u8> {
    std::fs::read(dir.path().join("contoso.zip")).unwrap()
}

fn base_cmd(dir: &tempfile::TempDir) -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("CONNKIT_SAS_URL")
        .env_remove("CONNKIT_API_URL")
        .env_remove("CONNKIT_AUTHORITY_HOST")
        .env_remove("AZURE_CLIENT_SECRET")
        .env_remove("AZURE_TENANT_ID")
        .env_remove("AZURE_CLIENT_ID")
        .timeout(std::time::Duration::from_secs(120));
    c
}

/// Run and check that no secret, token or SAS signature appears in stdout or stderr.
fn run(fake: &Fake, mut cmd: Command) -> Run {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let all = format!("{stdout}\n{stderr}");
    if std::env::var_os("CONNKIT_TEST_SHOW").is_some() {
        eprintln!("--- stdout\n{stdout}--- stderr\n{stderr}---");
    }
    let mut secrets = vec![
        fake::SECRET.to_string(),
        fake::SAS_SIG.to_string(),
        "NOTLEAKED".to_string(),
        "UPLOADSIG".to_string(),
    ];
    secrets.extend(fake.issued_tokens());
    for s in &secrets {
        assert!(!all.contains(s.as_str()), "output leaks {s:?}:\n{all}");
    }
    // A `sig=` may only appear with its value redacted (a server may echo one).
    assert!(
        all.match_indices("sig=")
            .all(|(i, _)| all[i + 4..].starts_with("REDACTED")),
        "output holds a SAS signature:\n{all}"
    );
    Run {
        out,
        stdout,
        stderr,
    }
}

fn submit_cmd(fake: &Fake, dir: &tempfile::TempDir, extra: &[&str]) -> Command {
    submit_cmd_for(fake, dir, "contoso.zip", extra)
}

fn submit_cmd_for(fake: &Fake, dir: &tempfile::TempDir, pkg: &str, extra: &[&str]) -> Command {
    let mut c = base_cmd(dir);
    c.env("AZURE_TENANT_ID", fake::TENANT)
        .env("AZURE_CLIENT_ID", fake::CLIENT_ID)
        .env("AZURE_CLIENT_SECRET", fake::SECRET)
        .args(["submit", pkg, "--product-id", fake::PRODUCT]);
    let defaults = [
        ("--authority-host", fake.base()),
        ("--api-url", fake.api()),
        ("--poll-interval", "0".into()),
        ("--retry-base-ms", "20".into()),
        ("--timeout", "60".into()),
        ("--format", "json".into()),
    ];
    for (flag, value) in defaults {
        // An explicit value in `extra` replaces the default.
        if !extra.contains(&flag) {
            c.args([flag, value.as_str()]);
        }
    }
    c.args(extra);
    c
}

fn p(s: &str) -> String {
    format!("/v1.0/ingestion/products/{}{s}", fake::PRODUCT)
}

/// The B.2 sequence for a clean run (one package poll, four workflow polls with --wait).
fn happy_sequence(wait: bool) -> Vec<String> {
    let mut v = vec![
        format!("POST /{}/oauth2/token", fake::TENANT),
        format!("GET {}", p("")),
        format!("GET {}", p("/submissions")),
        format!("GET {}", p("/submissions/sub-old")),
        format!("GET {}", p("/branches/getByModule(module=Package)")),
        format!(
            "GET {}",
            p(&format!(
                "/packageConfigurations/getByInstanceID(instanceID={})",
                fake::INSTANCE
            ))
        ),
        format!("POST {}", p("/packages")),
        "PUT /blob/ingest/pkg-1.zip".into(),
        "HEAD /blob/ingest/pkg-1.zip".into(),
        format!("PUT {}", p("/packages/pkg-1")),
        format!("GET {}", p("/packages/pkg-1")),
        format!("GET {}", p("/packages/pkg-1")),
        format!(
            "PUT {}",
            p(&format!("/packageconfigurations/{}", fake::CONFIG_ID))
        ),
        format!("POST {}", p("/submissions")),
    ];
    if wait {
        for _ in 0..5 {
            v.push(format!("GET {}", p("/submissions/sub-2")));
            v.push(format!("GET {}", p("/submissions/sub-2/workflowdetails")));
        }
    }
    v
}

#[test]
fn happy_path_follows_the_ingestion_sequence() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--wait"]));
    assert_eq!(r.code(), 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(fake.lines(), happy_sequence(true));
    let reqs = fake.requests();

    // Token form (v1: resource, string numbers in the answer).
    let token = &reqs[0];
    let form = String::from_utf8_lossy(&token.body).into_owned();
    assert!(form.contains("grant_type=client_credentials"), "{form}");
    assert!(
        form.contains("resource=https%3A%2F%2Fapi.partner.microsoft.com"),
        "{form}"
    );

    // Bearer on API calls, none on the blob; If-Match on PUTs.
    for r in &reqs {
        if r.path.starts_with("/v1.0/") {
            assert!(
                r.header("authorization")
                    .is_some_and(|h| h.starts_with("Bearer ")),
                "{}",
                r.line()
            );
        }
        if r.path.starts_with("/blob/") {
            assert_eq!(r.header("authorization"), None, "{}", r.line());
        }
    }
    let blob = reqs
        .iter()
        .find(|r| r.method == "PUT" && r.path.starts_with("/blob/"))
        .unwrap();
    assert_eq!(blob.header("x-ms-blob-type"), Some("BlockBlob"));
    assert!(
        blob.query.contains(&format!("sig={}", fake::SAS_SIG)),
        "SAS URL used verbatim"
    );
    assert_eq!(
        fake.state.lock().unwrap().blob.as_deref(),
        Some(package_bytes(&dir).as_slice())
    );

    let mark = reqs
        .iter()
        .find(|r| r.line() == format!("PUT {}", p("/packages/pkg-1")))
        .unwrap();
    assert_eq!(mark.header("if-match"), Some("\"pe-1-1\""));
    assert_eq!(mark.json()["state"], "Uploaded");

    let create = reqs
        .iter()
        .find(|r| r.line() == format!("POST {}", p("/packages")))
        .unwrap();
    assert_eq!(
        create.json(),
        json!({"resourceType": fake::PACKAGE_TYPE, "fileName": "contoso.zip"})
    );

    let cfg = reqs
        .iter()
        .find(|r| r.method == "PUT" && r.path.contains("packageconfigurations"))
        .unwrap();
    assert_eq!(cfg.header("if-match"), Some("\"cfg-etag-1\""));
    assert_eq!(
        cfg.json()["packageReferences"],
        json!([{"type": fake::PACKAGE_TYPE, "value": "pkg-1"}])
    );
    assert_eq!(
        cfg.json()["packageLocationUri"],
        "keep-me",
        "other fields are kept"
    );

    let sub = reqs
        .iter()
        .find(|r| r.line() == format!("POST {}", p("/submissions")))
        .unwrap();
    assert_eq!(
        sub.json(),
        json!({"resourceType": "SubmissionCreationRequest",
            "targets": [{"type": "Scope", "value": "preview"}],
            "resources": [{"type": "Package", "value": fake::INSTANCE}]})
    );

    let v = r.json();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["result"]["package_id"], "pkg-1");
    assert_eq!(v["result"]["package_state"], "Processed");
    assert_eq!(v["result"]["submission_id"], "sub-2");
    assert_eq!(v["result"]["submission_state"], "Published");
    assert_eq!(v["result"]["submission_substate"], "ReadyToPublish");
    assert_eq!(v["result"]["promoted"], false);
    assert_eq!(v["result"]["tokens_acquired"], 1, "a valid token is reused");
    assert_eq!(v["result"]["upload"]["length_verified"], true);
    assert!(
        !fake.state.lock().unwrap().promoted,
        "never live without --go-live"
    );
    assert!(r.stderr.contains("Certification: Success"), "{}", r.stderr);
}

#[test]
fn without_wait_stops_after_creating_the_submission_and_text_summary() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let c = submit_cmd(&fake, &dir, &["--format", "text"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert_eq!(fake.lines(), happy_sequence(false));
    assert!(
        r.stdout
            .contains("submission  sub-2 (InProgress/Submitted)"),
        "{}",
        r.stdout
    );
}

#[test]
fn go_live_promotes_only_when_ready() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--go-live"]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let lines = fake.lines();
    assert_eq!(
        lines.last().unwrap(),
        &format!("POST {}", p("/submissions/sub-2/promote"))
    );
    assert!(fake.state.lock().unwrap().promoted);
    assert_eq!(r.json()["result"]["promoted"], true);

    // A failing certification never reaches promote.
    let fake = Fake::start(Knobs {
        certification_fails: true,
        ..Knobs::default()
    });
    let r = run(&fake, submit_cmd(&fake, &dir, &["--go-live"]));
    assert_eq!(r.code(), 1);
    assert_eq!(fake.count("POST", "/promote"), 0);
}

#[test]
fn v2_token_endpoint_uses_scope() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--token-endpoint", "v2"]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let reqs = fake.requests();
    assert_eq!(reqs[0].path, format!("/{}/oauth2/v2.0/token", fake::TENANT));
    let form = String::from_utf8_lossy(&reqs[0].body).into_owned();
    assert!(
        form.contains("scope=https%3A%2F%2Fapi.partner.microsoft.com%2F.default"),
        "{form}"
    );
    assert!(!form.contains("resource="), "{form}");
}

#[test]
fn expired_token_is_replaced_before_use() {
    // Tokens live 1 s; polling once a second crosses several expiries. The client must
    // re-acquire proactively: the fake never has to refuse an expired token.
    let fake = Fake::start(Knobs {
        token_expires_in: 1,
        processing_polls: 1,
        ..Knobs::default()
    });
    let dir = package();
    let c = submit_cmd(&fake, &dir, &["--wait", "--poll-interval", "1"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let st = fake.state.lock().unwrap();
    assert!(st.tokens.len() >= 3, "tokens issued: {}", st.tokens.len());
    assert_eq!(st.rejected_tokens, 0, "an expired token was sent");
    assert_eq!(r.json()["result"]["tokens_acquired"], st.tokens.len());
}

#[test]
fn a_401_gets_one_fresh_token_and_one_resend() {
    let fake = Fake::start(Knobs {
        unauthorized_once_on: Some("getByModule".into()),
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let lines = fake.lines();
    let branch = format!("GET {}", p("/branches/getByModule(module=Package)"));
    let i = lines.iter().position(|l| *l == branch).unwrap();
    assert_eq!(lines[i + 1], format!("POST /{}/oauth2/token", fake::TENANT));
    assert_eq!(lines[i + 2], branch);
    assert_eq!(fake.issued_tokens().len(), 2);
    let reqs = fake.requests();
    assert_ne!(
        reqs[i].header("authorization"),
        reqs[i + 2].header("authorization")
    );
}

#[test]
fn a_second_401_is_fatal() {
    // Every API call is refused: the wrong token is "expired" immediately.
    let fake = Fake::start(Knobs {
        token_expires_in: 0,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2);
    assert_eq!(
        fake.count("GET", &p("")),
        2,
        "one resend only: {:?}",
        fake.lines()
    );
    assert!(r.stderr.contains("401"), "{}", r.stderr);
}

#[test]
fn rate_limit_honours_retry_after() {
    let fake = Fake::start(Knobs {
        rate_limit_on: Some(("/submissions".into(), "1".into())),
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("HTTP 429 (Retry-After 1s)"),
        "{}",
        r.stderr
    );
    let lines = fake.lines();
    let list = format!("GET {}", p("/submissions"));
    assert_eq!(lines.iter().filter(|l| **l == list).count(), 2);
    let statuses: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.line() == list)
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![429, 200]);
}

#[test]
fn service_unavailable_twice_then_success() {
    let fake = Fake::start(Knobs {
        unavailable_on: Some((
            "PUT /v1.0/ingestion/products/prod-1/packageconfigurations".into(),
            2,
        )),
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let statuses: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.method == "PUT" && r.path.contains("packageconfigurations"))
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![503, 503, 200]);
    assert_eq!(
        r.stderr.matches("after HTTP 503").count(),
        2,
        "{}",
        r.stderr
    );
}

#[test]
fn conflict_on_package_create_rereads_then_fails_clearly() {
    let fake = Fake::start(Knobs {
        conflict_on_package_create: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert_eq!(fake.count("POST", "/packages"), 1, "no blind re-create");
    assert_eq!(fake.count("GET", &p("/packages")), 1, "re-read once");
    assert_eq!(fake.count("PUT", "/blob/"), 0);
    assert_eq!(fake.count("POST", "/submissions"), 0);
    let v = r.json();
    assert_eq!(v["status"], "error");
    let e = v["error"]["message"].as_str().unwrap();
    assert!(e.contains("409") && e.contains("contoso.zip"), "{e}");
}

#[test]
fn lost_create_answer_is_found_not_recreated() {
    let fake = Fake::start(Knobs {
        lose_package_create_answer: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert_eq!(
        fake.count("POST", "/packages"),
        1,
        "the create is not repeated"
    );
    assert_eq!(fake.state.lock().unwrap().packages.len(), 1);
    assert_eq!(r.json()["result"]["package_id"], "pkg-1");
}

#[test]
fn failed_submission_create_is_checked_before_resending() {
    let fake = Fake::start(Knobs {
        unavailable_on: Some(("POST /v1.0/ingestion/products/prod-1/submissions".into(), 1)),
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let lines = fake.lines();
    let n = lines.len();
    assert_eq!(
        lines[n - 3..],
        [
            format!("POST {}", p("/submissions")),
            format!("GET {}", p("/submissions")),
            format!("POST {}", p("/submissions")),
        ]
    );
    assert_eq!(
        fake.state.lock().unwrap().submissions.len(),
        2,
        "exactly one new submission"
    );
}

#[test]
fn paged_submission_list_is_followed() {
    // The in-progress submission is only on page 2: it must still block.
    let fake = Fake::start(Knobs {
        paged_submissions: true,
        in_progress_submission: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("sub-busy")
    );
    let pages: Vec<String> = fake
        .requests()
        .iter()
        .filter(|r| r.path == p("/submissions"))
        .map(|r| r.query.clone())
        .collect();
    assert_eq!(pages, ["", "page=1"]);
}

#[test]
fn stale_etag_on_configuration_rereads_once() {
    let fake = Fake::start(Knobs {
        stale_config_puts: 1,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let puts: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT" && r.path.contains("packageconfigurations"))
        .collect();
    assert_eq!(puts.len(), 2);
    assert_eq!(puts[0].header("if-match"), Some("\"cfg-etag-1\""));
    assert_eq!(
        puts[1].header("if-match"),
        Some("\"cfg-etag-2\""),
        "the re-read etag"
    );
    assert_eq!(
        fake.count(
            "GET",
            &p(&format!("/packageconfigurations/{}", fake::CONFIG_ID))
        ),
        1
    );

    // Twice stale: a clear failure, no submission.
    let fake = Fake::start(Knobs {
        stale_config_puts: 2,
        ..Knobs::default()
    });
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2);
    let e = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(e.contains("412") && e.contains("someone else"), "{e}");
    assert_eq!(fake.count("POST", "/submissions"), 0);
}

#[test]
fn package_process_failed_exits_one() {
    let fake = Fake::start(Knobs {
        process_fails: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["status"], "rejected");
    assert_eq!(v["result"]["package_state"], "ProcessFailed");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("PkgAssets folder missing"),
        "{v}"
    );
    assert_eq!(fake.count("PUT", "packageconfigurations"), 0);
    assert_eq!(fake.count("POST", "/submissions"), 0);
}

#[test]
fn failed_certification_exits_one_with_details() {
    let fake = Fake::start(Knobs {
        certification_fails: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--wait"]));
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["status"], "rejected");
    assert_eq!(v["result"]["submission_id"], "sub-2");
    let e = v["error"]["message"].as_str().unwrap();
    assert!(e.contains("Certification") && e.contains("Failed"), "{e}");
    assert!(e.contains("5000.1.1.6"), "{e}");
    assert_eq!(fake.count("GET", "/validations"), 1);
}

#[test]
fn in_progress_submission_blocks_unless_forced() {
    let dir = package();
    let fake = Fake::start(Knobs {
        in_progress_submission: true,
        ..Knobs::default()
    });
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--force")
    );
    assert_eq!(fake.count("POST", "/packages"), 0);
    assert_eq!(fake.count("DELETE", ""), 0);

    let fake = Fake::start(Knobs {
        in_progress_submission: true,
        ..Knobs::default()
    });
    let r = run(&fake, submit_cmd(&fake, &dir, &["--force"]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let lines = fake.lines();
    assert_eq!(lines[3], format!("GET {}", p("/submissions/sub-busy")));
    assert_eq!(lines[4], format!("DELETE {}", p("/submissions/sub-busy")));
    assert_eq!(r.json()["result"]["cancelled_submission_id"], "sub-busy");
}

#[test]
fn server_that_stops_answering_times_out() {
    // Answers the token and the product, then never again.
    let fake = Fake::start(Knobs {
        hang_from: Some(3),
        ..Knobs::default()
    });
    let dir = package();
    let c = submit_cmd(&fake, &dir, &["--request-timeout", "1", "--timeout", "4"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2, "{}", r.stderr);
    let e = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(e.contains("time limit") || e.contains("timed out"), "{e}");
    assert!(
        fake.count("GET", &p("/submissions")) >= 2,
        "retried: {:?}",
        fake.lines()
    );
}

#[test]
fn wrong_secret_is_explained_without_echoing_it() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = submit_cmd(&fake, &dir, &[]);
    c.env("AZURE_CLIENT_SECRET", "wrong-value-123");
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr.contains("AADSTS7000215") && r.stderr.contains("value, not its ID"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("wrong-value-123") && !r.stdout.contains("wrong-value-123"));
    assert_eq!(fake.lines().len(), 1, "nothing after a refused token");
}

#[test]
fn secret_from_stdin() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = submit_cmd(&fake, &dir, &["--client-secret-stdin"]);
    c.env_remove("AZURE_CLIENT_SECRET")
        .write_stdin(format!("{}\n", fake::SECRET));
    let r = run(&fake, c);
    assert_eq!(r.code(), 0, "{}", r.stderr);

    let fake = Fake::start(Knobs::default());
    let mut c = submit_cmd(&fake, &dir, &[]);
    c.env_remove("AZURE_CLIENT_SECRET");
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("AZURE_CLIENT_SECRET"), "{}", r.stderr);
    assert!(fake.lines().is_empty());
}

#[test]
fn dry_run_prints_the_plan_and_connects_nowhere() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(
        &fake,
        submit_cmd(&fake, &dir, &["--dry-run", "--wait", "--force"]),
    );
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert!(
        fake.lines().is_empty(),
        "dry run connected: {:?}",
        fake.lines()
    );
    let v = r.json();
    assert_eq!(v["dry_run"], true);
    let steps: Vec<&str> = v["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "token",
            "get-product",
            "list-submissions",
            "check-latest-submission",
            "cancel-in-progress",
            "get-package-branch",
            "get-package-configuration",
            "create-package",
            "upload-package",
            "mark-uploaded",
            "wait-processed",
            "update-package-configuration",
            "create-submission",
            "wait-submission"
        ]
    );
    assert_eq!(
        v["plan"][0]["url"],
        format!("{}/{}/oauth2/token", fake.base(), fake::TENANT)
    );
    assert_eq!(v["credentials"]["AZURE_CLIENT_SECRET"], "set");
    assert_eq!(v["package"]["bytes"], package_bytes(&dir).len());

    // Text form, without credentials, still connects nowhere.
    let mut c = base_cmd(&dir);
    c.args([
        "submit",
        "contoso.zip",
        "--product-id",
        "p9",
        "--dry-run",
        "--go-live",
    ])
    .args(["--api-url", &fake.api()]);
    let r = run(&fake, c);
    // A dry run without credentials says what is missing and fails like a real run would.
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("missing credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("no connection is made"), "{}", r.stdout);
    assert!(r.stdout.contains("client secret missing"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("https://login.microsoftonline.com/<AZURE_TENANT_ID>/oauth2/token")
    );
    assert!(
        r.stdout
            .contains("/products/p9/submissions/{submissionId}/promote"),
        "{}",
        r.stdout
    );
    assert!(fake.lines().is_empty());
}

#[test]
fn plain_http_is_refused_for_remote_hosts() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(
        &fake,
        submit_cmd(
            &fake,
            &dir,
            &["--api-url", "http://partner.example.com/v1.0/ingestion"],
        ),
    );
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("https"), "{}", r.stderr);
    assert!(fake.lines().is_empty());
}

#[test]
fn a_package_that_is_not_a_zip_is_refused_before_any_call() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    std::fs::write(dir.path().join("notes.zip"), "just text").unwrap();
    let c = submit_cmd_for(&fake, &dir, "notes.zip", &["--format", "text"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("not a zip"), "{}", r.stderr);
    assert!(fake.lines().is_empty());
    // The real zip with the same settings goes through.
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
}

#[test]
fn secret_is_never_a_flag() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--client-secret", "x"]));
    assert_eq!(r.code(), 2, "clap refuses unknown flags");
    assert!(fake.lines().is_empty());
}

// ---- connkit upload ----

fn sas(fake: &Fake, se: &str, sp: &str) -> String {
    format!(
        "{}/blob/pub/contoso.zip?sv=2021-08-06&se={se}&sr=b&sp={sp}&sig={}",
        fake.base(),
        fake::SAS_SIG
    )
}

fn days_from_now(days: u64) -> String {
    let t = std::time::SystemTime::now() + std::time::Duration::from_secs(days * 86400);
    let s = httpdate::fmt_http_date(t);
    // "Sun, 06 Nov 1994 08:49:37 GMT" -> 1994-11-06T08:49:37Z
    let parts: Vec<&str> = s.split_whitespace().collect();
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[2])
    .unwrap()
        + 1;
    format!("{}-{month:02}-{}T{}Z", parts[3], parts[1], parts[4]).replace(':', "%3A")
}

#[test]
fn upload_puts_the_blob_without_authorization() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = base_cmd(&dir);
    c.env("CONNKIT_SAS_URL", sas(&fake, &days_from_now(30), "rw"))
        .args(["upload", "contoso.zip"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert_eq!(
        fake.lines(),
        ["PUT /blob/pub/contoso.zip", "HEAD /blob/pub/contoso.zip"]
    );
    let req = &fake.requests()[0];
    assert_eq!(req.header("authorization"), None);
    assert_eq!(req.header("x-ms-blob-type"), Some("BlockBlob"));
    assert!(
        req.query.ends_with(&format!("sig={}", fake::SAS_SIG)),
        "verbatim"
    );
    let bytes = package_bytes(&dir);
    assert_eq!(
        fake.state.lock().unwrap().blob.as_deref(),
        Some(bytes.as_slice())
    );
    let sha = connkit::submit::upload::sha256_hex(&bytes);
    assert!(
        r.stdout
            .contains(&format!("{}/blob/pub/contoso.zip?REDACTED", fake.base())),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&sha) && r.stdout.contains("length verified"),
        "{}",
        r.stdout
    );
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn upload_warns_on_short_sas_and_reads_stdin() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = base_cmd(&dir);
    c.args([
        "upload",
        "contoso.zip",
        "--sas-url",
        "-",
        "--format",
        "json",
    ])
    .write_stdin(sas(&fake, &days_from_now(3), "w") + "\n");
    let r = run(&fake, c);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: the SAS URL expires") && r.stderr.contains("15 days"),
        "{}",
        r.stderr
    );
    let v = r.json();
    assert_eq!(
        v["upload"]["length_verified"], false,
        "a write-only SAS cannot be read back"
    );
    assert_eq!(fake.lines(), ["PUT /blob/pub/contoso.zip"]);
}

#[test]
fn upload_refuses_a_sas_url_flag_value_and_failed_puts() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = base_cmd(&dir);
    c.args([
        "upload",
        "contoso.zip",
        "--sas-url",
        &sas(&fake, "2099-01-01", "rw"),
    ]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("shell history"), "{}", r.stderr);
    assert!(fake.lines().is_empty());

    // A wrong signature: 403 is not 201.
    let mut c = base_cmd(&dir);
    c.env(
        "CONNKIT_SAS_URL",
        format!("{}/blob/pub/x.zip?se=2099-01-01&sig=UPLOADSIG", fake.base()),
    )
    .args(["upload", "contoso.zip"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr.contains("HTTP 403") && r.stderr.contains("?REDACTED"),
        "{}",
        r.stderr
    );

    // No SAS at all.
    let mut c = base_cmd(&dir);
    c.args(["upload", "contoso.zip"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("CONNKIT_SAS_URL"), "{}", r.stderr);
}

// ---------------------------------------------------------------- hostile servers (issue 14)

/// Nothing a server sends can reach the terminal or the CI log as a control sequence, a
/// command or a line of its own: no ESC, C1 CSI, BEL, CR, U+2028 or U+2029, no `##vso[`, no
/// line starting with `::` or with the text the server tried to forge ([`fake::FORGED`]).
fn assert_inert(r: &Run) {
    let all = format!("{}\n{}", r.stdout, r.stderr);
    for c in ['\u{1b}', '\u{9b}', '\u{7}', '\r', '\u{2028}', '\u{2029}'] {
        assert!(!all.contains(c), "raw {c:?} in output:\n{all}");
    }
    assert!(!all.to_lowercase().contains("##vso["), "{all}");
    for line in all.lines() {
        let l = line.trim_start();
        assert!(!l.starts_with("::"), "{line:?} in\n{all}");
        assert!(
            !l.starts_with(fake::FORGED),
            "a forged line {line:?} in\n{all}"
        );
    }
}

/// A token endpoint's OAuth `error` code and description hold line breaks (`\n`, `\r`,
/// U+2028) followed by text that passes for connkit's own line, and CI commands: connkit's
/// message keeps them on its one line, escaped, in both formats; JSON keeps the data.
#[test]
fn a_hostile_token_error_forges_no_line() {
    for format in ["text", "json"] {
        let fake = Fake::start(Knobs {
            hostile_token_error: true,
            ..Knobs::default()
        });
        let dir = package();
        let r = run(&fake, submit_cmd(&fake, &dir, &["--format", format]));
        assert_eq!(r.code(), 2, "{}", r.stderr);
        assert_inert(&r);
        let error_lines: Vec<&str> = r
            .stderr
            .lines()
            .filter(|l| l.contains("token request failed"))
            .collect();
        assert_eq!(error_lines.len(), 1, "{}", r.stderr);
        assert!(
            error_lines[0].contains("invalid_client\\nFORGED: verify-package found no problem\\r:"),
            "{}",
            r.stderr
        );
        if format == "json" {
            let v = r.json();
            assert_eq!(v["error"]["kind"], "service", "{v}");
            let m = v["error"]["message"].as_str().unwrap();
            assert!(m.contains(fake::HOSTILE_TOKEN_ERROR), "{m}");
        }
    }
}

/// An Ingestion API error message (a 400 body's `message`) holding [`fake::HOSTILE`]: the
/// same, for the API's own errors.
#[test]
fn a_hostile_api_error_forges_no_line() {
    for format in ["text", "json"] {
        let fake = Fake::start(Knobs {
            echo_secrets_on: Some("/packages".into()),
            ..Knobs::default()
        });
        let dir = package();
        let r = run(&fake, submit_cmd(&fake, &dir, &["--format", format]));
        assert_eq!(r.code(), 2, "{}", r.stderr);
        assert_inert(&r);
        assert!(
            r.stderr
                .contains("\\nFORGED: a\\rFORGED: b\\r\\nFORGED: c\\u{2028}FORGED: d"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn echoed_secrets_and_signatures_are_redacted_from_stderr_and_json() {
    // The token endpoint echoes the client secret (raw and form-encoded in the echoed body).
    for format in ["json", "text"] {
        let fake = Fake::start(Knobs {
            echo_secrets_on: Some("oauth2".into()),
            ..Knobs::default()
        });
        let dir = package();
        let r = run(&fake, submit_cmd(&fake, &dir, &["--format", format]));
        assert_eq!(r.code(), 2, "{}", r.stderr);
        assert!(r.stderr.contains("token request failed"), "{}", r.stderr);
        assert!(r.stderr.contains("secret=***"), "{}", r.stderr);
        assert_inert(&r);
        if format == "json" {
            let v = r.json();
            assert_eq!(v["error"]["kind"], "service", "{v}");
            assert!(
                v["error"]["message"].as_str().unwrap().contains("***"),
                "{v}"
            );
        }
    }
    // An API call echoes the bearer token it was sent.
    let fake = Fake::start(Knobs {
        echo_secrets_on: Some("/packages".into()),
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(!fake.issued_tokens().is_empty());
    assert!(r.stderr.contains("auth=***"), "{}", r.stderr);
    assert_inert(&r);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("sig=REDACTED")
    );
}

#[test]
fn upload_error_bodies_echoing_the_sas_signature_are_redacted() {
    for format in ["text", "json"] {
        let fake = Fake::start(Knobs {
            echo_secrets_on: Some("/blob/".into()),
            ..Knobs::default()
        });
        let dir = package();
        let mut c = base_cmd(&dir);
        c.env("CONNKIT_SAS_URL", sas(&fake, &days_from_now(30), "rw"))
            .args(["upload", "contoso.zip", "--retry-base-ms", "10"])
            .args(["--format", format]);
        let r = run(&fake, c);
        assert_eq!(r.code(), 2, "{}", r.stderr);
        assert!(r.stderr.contains("HTTP 400"), "{}", r.stderr);
        assert_inert(&r);
        if format == "json" {
            assert_eq!(r.json()["error"]["kind"], "service");
        }
    }
}

#[test]
fn a_response_body_that_never_ends_is_cut_off_at_four_mib() {
    let fake = Fake::start(Knobs {
        huge_body_on: Some("oauth2".into()),
        ..Knobs::default()
    });
    let dir = package();
    let started = std::time::Instant::now();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(r.stderr.contains("4 MiB"), "{}", r.stderr);
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    // The client stopped reading after its cap (plus socket buffers), not at 1 GiB.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let written = fake.state.lock().unwrap().huge_written;
    assert!(
        written < 64 * 1024 * 1024,
        "the client read {written} bytes"
    );
    assert_eq!(r.json()["error"]["kind"], "service");
}

#[test]
fn usage_and_io_errors_print_one_json_document() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    std::fs::write(dir.path().join("not.zip"), b"hello").unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["submit", "absent.zip", "--product-id", "p"], "io"),
        (vec!["submit", "not.zip", "--product-id", "p"], "io"),
        (
            vec!["submit", "contoso.zip", "--product-id", "a/b"],
            "usage",
        ),
        (vec!["submit", "contoso.zip", "--product-id", "p"], "usage"),
        (vec!["upload", "absent.zip"], "io"),
        (
            vec!["upload", "contoso.zip", "--sas-url", "https://x/y?sig=s"],
            "usage",
        ),
        (vec!["upload", "contoso.zip"], "usage"),
    ];
    for (args, kind) in cases {
        let mut c = base_cmd(&dir);
        c.args(&args).args(["--format", "json"]);
        let r = run(&fake, c);
        assert_eq!(r.code(), 2, "{args:?}: {}", r.stderr);
        let v = r.json();
        assert_eq!(v["status"], "error", "{args:?}: {v}");
        assert_eq!(v["error"]["kind"], kind, "{args:?}: {v}");
        assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    }
    assert!(fake.requests().is_empty());
}

#[test]
fn dry_run_without_credentials_fails_in_json_too() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = base_cmd(&dir);
    c.env("AZURE_CLIENT_ID", fake::CLIENT_ID)
        .args(["submit", "contoso.zip", "--product-id", "p9", "--dry-run"])
        .args(["--api-url", &fake.api(), "--format", "json"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["status"], "incomplete");
    assert_eq!(v["credentials"]["AZURE_CLIENT_ID"], "set");
    let m = v["error"]["message"].as_str().unwrap();
    assert!(
        m.contains("AZURE_TENANT_ID") && m.contains("AZURE_CLIENT_SECRET"),
        "{m}"
    );
    assert!(!m.contains("AZURE_CLIENT_ID,"), "{m}");
    assert!(fake.lines().is_empty());
}

#[test]
fn submit_refuses_a_package_verify_package_rejects() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    std::fs::write(dir.path().join("flat.zip"), support::pkg::files_zip()).unwrap();
    // Dry run: refused, nothing sent.
    let r = run(
        &fake,
        submit_cmd_for(&fake, &dir, "flat.zip", &["--dry-run"]),
    );
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["status"], "rejected", "{v:#}");
    assert!(
        r.stderr
            .contains("refusing to submit: verify-package reports")
            && r.stderr.contains("PackageRootNotSingleMdAndZip"),
        "{}",
        r.stderr
    );
    // A real run: refused before any call.
    let r = run(&fake, submit_cmd_for(&fake, &dir, "flat.zip", &[]));
    assert_eq!(r.code(), 1, "{}", r.stderr);
    assert!(fake.lines().is_empty(), "{:?}", fake.lines());
    // The explicit override goes ahead (the dry run shows the plan) and says so.
    let r = run(
        &fake,
        submit_cmd_for(&fake, &dir, "flat.zip", &["--dry-run", "--skip-verify"]),
    );
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning: --skip-verify"), "{}", r.stderr);
    assert!(fake.lines().is_empty());
}

#[test]
fn upload_refuses_an_expired_sas_without_sending() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let mut c = base_cmd(&dir);
    c.env(
        "CONNKIT_SAS_URL",
        sas(&fake, "2020-01-01T00%3A00%3A00Z", "rw"),
    )
    .args(["upload", "contoso.zip"]);
    let r = run(&fake, c);
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("the SAS URL expired at 2020-01-01"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(fake::SAS_SIG));
    assert!(fake.lines().is_empty(), "{:?}", fake.lines());
}

#[test]
fn first_submission_without_package_references() {
    // A product that never had a package: its configuration has no packageReferences.
    let fake = Fake::start(Knobs {
        first_submission: true,
        ..Knobs::default()
    });
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &[]));
    assert_eq!(r.code(), 2, "{}", r.stderr);
    assert!(r.stderr.contains("--package-type"), "{}", r.stderr);
    assert_eq!(fake.count("POST", "/packages"), 0, "nothing created");

    let fake = Fake::start(Knobs {
        first_submission: true,
        ..Knobs::default()
    });
    let r = run(
        &fake,
        submit_cmd(&fake, &dir, &["--package-type", fake::PACKAGE_TYPE]),
    );
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let st = fake.state.lock().unwrap();
    assert_eq!(
        st.config["packageReferences"],
        json!([{"type": fake::PACKAGE_TYPE, "value": "pkg-1"}])
    );
    assert!(st.shape_errors.is_empty(), "{:?}", st.shape_errors);
}

#[test]
fn the_fake_holds_requests_to_the_published_shapes() {
    let fake = Fake::start(Knobs::default());
    let dir = package();
    let r = run(&fake, submit_cmd(&fake, &dir, &["--wait"]));
    assert_eq!(r.code(), 0, "{}", r.stderr);
    // Every create/update body matched the Ingestion API v1.0 shapes the fake checks
    // (docs: shared submission notes B.1/B.2); a wrong shape would have been a 400.
    assert!(fake.state.lock().unwrap().shape_errors.is_empty());
    // And the fake does refuse a wrong shape.
    let bad = support::fake::shape_problem("POST", "/submissions", &json!({"targets": []}));
    assert!(bad.is_some());
    let bad = support::fake::shape_problem(
        "PUT",
        "/packageconfigurations/x",
        &json!({"resourceType": "X", "id": "x", "packageReferences": [{"type": 1}]}),
    );
    assert!(bad.is_some());
    let ok = support::fake::shape_problem(
        "POST",
        "/packages",
        &json!({"resourceType": "AzureApplicationPackage", "fileName": "a.zip"}),
    );
    assert_eq!(ok, None);
}
