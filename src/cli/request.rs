//! `connkit request DIR OPERATION_ID`: argument handling only; the work is
//! [`crate::app::request`], the rendering [`crate::report::request`].

use std::path::PathBuf;
use std::process::ExitCode;

use super::errors::fail_with;
use super::{print, print_json};
use crate::app::request::{self, RequestInput};
use crate::contract::auth::{Source, parse_arg};

#[derive(clap::Args, Debug)]
pub(crate) struct RequestArgs {
    /// The connector folder (or its definition file).
    pub(crate) dir: PathBuf,
    /// The operation's operationId.
    pub(crate) operation_id: String,
    /// A parameter of the operation (repeatable); `body='{…}'` for the body.
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = pair)]
    pub(crate) params: Vec<(String, String)>,
    /// A connection parameter (repeatable): what `@connectionParameters('NAME')` reads, and
    /// the credentials (api_key, username/password, token). Keep secrets off the command
    /// line: `NAME=@env:VARIABLE` or `NAME` alone (CONNKIT_CONNECTION_NAME) read the
    /// environment, `NAME=@stdin` or `NAME=-` one line of stdin, as `connkit test` does.
    /// Secret values never appear in the output.
    #[arg(long = "connection", value_name = "NAME[=VALUE]", value_parser = parse_arg)]
    pub(crate) connections: Vec<(String, Source)>,
    /// A raw request header sent besides the parameters (repeatable).
    #[arg(long = "header", value_name = "NAME=VALUE", value_parser = pair)]
    pub(crate) headers: Vec<(String, String)>,
    /// A response to run the response-section policies on: a JSON file
    /// {"status", "headers", "body"}.
    #[arg(long, value_name = "FILE")]
    pub(crate) response: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RequestFormat::Text)]
    pub(crate) format: RequestFormat,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RequestFormat {
    /// The request (and response) as HTTP messages, with the policies that changed them.
    Text,
    /// One JSON document.
    Json,
}

/// `NAME=VALUE` (the value may hold `=`; the name may not be empty).
fn pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("expected NAME=VALUE, got '{s}'")),
    }
}

pub(crate) fn run(args: RequestArgs) -> ExitCode {
    let json = args.format == RequestFormat::Json;
    let input = RequestInput {
        dir: args.dir,
        operation_id: args.operation_id,
        params: args.params,
        connections: args.connections,
        headers: args.headers,
        response: args.response,
    };
    match request::run(&input, &mut std::io::stdin().lock()) {
        Ok(outcome) => {
            if json {
                print_json(&crate::report::request::json(&outcome));
            } else {
                print(&crate::report::request::text(&outcome));
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail_with(e.kind, &e.message, json),
    }
}
