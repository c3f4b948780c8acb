//! `connkit test`: argument parsing and output only; the session is [`crate::app::test`].

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::errors::fail_with;
use super::print;
use crate::app::test::{TestRequest, run};
use crate::report;
pub(crate) use crate::report::test::TestFormat;
use crate::safe_eprintln;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Connection values: NAME=VALUE, NAME=@env:VARIABLE (read from the \
environment), NAME alone (the variable CONNKIT_CONNECTION_NAME, as `connkit request` reads it) \
or NAME=@stdin / NAME=- (the next line of stdin). Secrets belong in the environment or on \
stdin: a literal secret lands in shell history. Exit codes: 0 every operation that ran passed, \
1 an operation failed, 2 usage error or nothing answers at --base-url. See docs/test.md."
)]
pub(crate) struct TestArgs {
    /// The connector folder (or its definition file).
    pub(crate) dir: PathBuf,
    /// Where the API is: replaces the definition's scheme://host/basePath
    /// (e.g. `https://staging.contoso.com/v1`, or `http://127.0.0.1:8080` for a local server).
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: String,
    /// A connection parameter: api_key, username, password, token, or any apiProperties
    /// connection parameter the policies read. Repeatable.
    #[arg(long, value_name = "NAME[=VALUE]")]
    pub(crate) connection: Vec<String>,
    /// The test plan (JSON or YAML): inputs and expected statuses per operation.
    #[arg(long, value_name = "FILE")]
    pub(crate) plan: Option<PathBuf>,
    /// Test only this operation (repeatable).
    #[arg(long, value_name = "ID")]
    pub(crate) operation: Vec<String>,
    /// Write the exchanges as a HAR 1.2 file (secrets redacted) into DIR.
    #[arg(long, value_name = "DIR")]
    pub(crate) record: Option<PathBuf>,
    /// Check the responses recorded in DIR instead of calling the API (no network).
    #[arg(long, value_name = "DIR")]
    pub(crate) replay: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Text)]
    pub(crate) format: TestFormat,
    /// Timeout of one request, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub(crate) request_timeout: u64,
}

pub(crate) fn run_test(args: TestArgs, color: bool) -> ExitCode {
    let json = args.format == TestFormat::Json;
    let req = TestRequest {
        dir: args.dir.clone(),
        base_url: args.base_url,
        connections: args.connection,
        plan: args.plan,
        operations: args.operation,
        record: args.record,
        replay: args.replay,
        timeout: Duration::from_secs(args.request_timeout.max(1)),
    };
    let mut stdin = std::io::stdin().lock();
    let session = match run(&req, &mut stdin) {
        Ok(s) => s,
        Err(e) => return fail_with(e.kind(), &e.to_string(), json),
    };
    for w in &session.warnings {
        safe_eprintln!("warning: {w}");
    }
    print(&report::test::render(
        args.format,
        &session.outcome,
        &args.dir,
        color,
    ));
    if let Some(p) = &session.recorded {
        safe_eprintln!("recorded {}", p.display());
    }
    ExitCode::from(session.exit_status())
}
