//! `connkit lsp`: a Language Server Protocol server over stdio.
//!
//! One thread handles the protocol; `transport` reads and writes frames on two more. Every
//! change to a connector file marks its connector dirty; once the messages already queued
//! are handled (a burst of keystrokes becomes one lint), each dirty connector is linted from
//! the editor's text over the files on disk ([`workspace`]) and diagnostics are published for
//! every file of the connector ([`diagnostics`]). Handlers run under `catch_unwind`: a bug
//! met on a strange document answers one request with an error instead of ending the session.

pub(crate) mod actions;
pub(crate) mod completion;
pub mod diagnostics;
pub(crate) mod extensions;
pub(crate) mod hover;
pub(crate) mod navigate;
pub(crate) mod policies;
pub(crate) mod symbols;
pub mod text;
pub(crate) mod transport;
pub mod workspace;

use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    Diagnostic, DiagnosticSeverity, OneOf, PublishDiagnosticsParams, Range, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use workspace::{Linted, Overlay};

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `shutdown` then `exit`: exit code 0.
    Clean,
    /// `exit` without `shutdown`, or the client went away: exit code 1 (as the protocol says).
    Abrupt,
}

/// Serve on stdin/stdout until the client exits or disconnects.
pub(crate) fn serve_stdio() -> End {
    let stdin = std::io::BufReader::new(std::io::stdin());
    let (conn, threads) = transport::connect(stdin, std::io::stdout());
    let end = serve(&conn);
    drop(conn);
    threads.join();
    end
}

/// The server's capabilities.
pub(crate) fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
        completion_provider: Some(lsp_types::CompletionOptions {
            trigger_characters: Some(vec![
                "\"".into(),
                "-".into(),
                ":".into(),
                "#".into(),
                "/".into(),
            ]),
            ..Default::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// Run the protocol on a connection (stdio in production; tests may use memory pipes).
pub fn serve(conn: &Connection) -> End {
    // Before `initialize`, requests are refused and notifications other than exit dropped.
    loop {
        let Ok(msg) = conn.receiver.recv() else {
            return End::Abrupt;
        };
        match msg {
            Message::Request(r) if r.method == req::Initialize::METHOD => {
                let result = serde_json::json!({
                    "capabilities": capabilities(),
                    "serverInfo": {"name": "connkit", "version": env!("CARGO_PKG_VERSION")},
                });
                let _ = conn.sender.send(Response::new_ok(r.id, result).into());
                // Prepare the rules' JSON Schemas while the editor opens its first document,
                // not during its first lint (the rules wait for it only if they get there first).
                std::thread::spawn(crate::rules::prepare);
                break;
            }
            Message::Request(r) => {
                let _ = conn.sender.send(
                    Response::new_err(
                        r.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "initialize first".into(),
                    )
                    .into(),
                );
            }
            Message::Notification(n) if n.method == notif::Exit::METHOD => return End::Abrupt,
            _ => {}
        }
    }
    let mut server = Server {
        sender: Some(conn.sender.clone()),
        ..Default::default()
    };
    loop {
        let Ok(msg) = conn.receiver.recv() else {
            return End::Abrupt;
        };
        if let Some(end) = server.handle(msg) {
            return end;
        }
        // Handle everything already queued before linting (keystroke bursts).
        while let Ok(msg) = conn.receiver.try_recv() {
            if let Some(end) = server.handle(msg) {
                return end;
            }
        }
        server.flush();
    }
}

#[derive(Default)]
struct Server {
    sender: Option<crossbeam_channel::Sender<Message>>,
    overlay: Overlay,
    /// The URI the client used for each open path (published back as it was given).
    uris: HashMap<PathBuf, Uri>,
    linted: HashMap<PathBuf, Linted>,
    /// Per connector, the files whose last published list was not empty.
    published: HashMap<PathBuf, BTreeSet<PathBuf>>,
    dirty: BTreeSet<PathBuf>,
    shutdown: bool,
}

impl Server {
    fn send(&self, m: Message) {
        if let Some(s) = &self.sender {
            let _ = s.send(m);
        }
    }

    fn uri(&self, path: &Path) -> Option<Uri> {
        self.uris
            .get(path)
            .cloned()
            .or_else(|| text::path_to_uri(path))
    }

    fn publish(&self, path: &Path, diagnostics: Vec<Diagnostic>) {
        let Some(uri) = self.uri(path) else { return };
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.send(Notification::new(notif::PublishDiagnostics::METHOD.into(), params).into());
    }

    /// Returns `Some` when the session ends.
    fn handle(&mut self, msg: Message) -> Option<End> {
        match msg {
            Message::Request(r) => {
                let id = r.id.clone();
                let method = r.method.clone();
                if method == req::Shutdown::METHOD {
                    self.shutdown = true;
                    self.send(Response::new_ok(id, serde_json::Value::Null).into());
                    return None;
                }
                if self.shutdown {
                    self.send(
                        Response::new_err(
                            id,
                            ErrorCode::InvalidRequest as i32,
                            "shutting down".into(),
                        )
                        .into(),
                    );
                    return None;
                }
                // Requests answer from the latest text: lint what changed first.
                self.flush();
                let result = catch_unwind(AssertUnwindSafe(|| self.request(r)));
                let resp = match result {
                    Ok(Ok(v)) => Response::new_ok(id, v),
                    Ok(Err((code, m))) => Response::new_err(id, code as i32, m),
                    Err(_) => Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("connkit failed on {method}"),
                    ),
                };
                self.send(resp.into());
                None
            }
            Message::Notification(n) => {
                if n.method == notif::Exit::METHOD {
                    return Some(if self.shutdown {
                        End::Clean
                    } else {
                        End::Abrupt
                    });
                }
                let method = n.method.clone();
                if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                    crate::safe_eprintln!("connkit lsp: failed on {method}");
                }
                None
            }
            Message::Response(_) => None,
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidOpenTextDocumentParams>(
                    notif::DidOpenTextDocument::METHOD,
                ) {
                    self.changed(&p.text_document.uri, Some(p.text_document.text));
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    notif::DidChangeTextDocument::METHOD,
                ) {
                    // Full sync: the last change holds the whole text.
                    let text = p
                        .content_changes
                        .into_iter()
                        .rev()
                        .find(|c| c.range.is_none());
                    if let Some(c) = text {
                        self.changed(&p.text_document.uri, Some(c.text));
                    }
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidSaveTextDocumentParams>(
                    notif::DidSaveTextDocument::METHOD,
                ) {
                    self.changed(&p.text_document.uri, p.text);
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidCloseTextDocumentParams>(
                    notif::DidCloseTextDocument::METHOD,
                ) && let Some(path) = text::uri_to_path(&p.text_document.uri)
                {
                    // The disk's version counts again.
                    self.overlay.remove(&path);
                    self.mark(&path);
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    notif::DidChangeWatchedFiles::METHOD,
                ) {
                    for c in p.changes {
                        if let Some(path) = text::uri_to_path(&c.uri) {
                            self.mark(&path);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A document's text changed (or was saved, or opened).
    fn changed(&mut self, uri: &Uri, text: Option<String>) {
        let Some(path) = text::uri_to_path(uri) else {
            return;
        };
        self.uris.insert(path.clone(), uri.clone());
        if let Some(t) = text {
            self.overlay.set(path.clone(), t);
        }
        self.mark(&path);
    }

    /// Mark the connectors a file affects as dirty.
    fn mark(&mut self, path: &Path) {
        if path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
        {
            self.config_diagnostics(path);
            let base = path.parent().unwrap_or(Path::new(""));
            let below: Vec<PathBuf> = self
                .linted
                .keys()
                .cloned()
                .chain(
                    self.overlay
                        .paths()
                        .filter_map(|p| p.parent().map(Path::to_path_buf)),
                )
                .filter(|d| d.starts_with(base))
                .collect();
            self.dirty.extend(below);
            return;
        }
        if let Some(dir) = workspace::connector_dir_of(path) {
            self.dirty.insert(dir);
        }
    }

    /// Diagnostics for `connkit.toml` itself: its parse error, if any.
    fn config_diagnostics(&self, path: &Path) {
        let Some(text) = self.overlay.text(path) else {
            self.publish(path, Vec::new());
            return;
        };
        let diags = match crate::config::parse(&text, path) {
            Ok(_) => Vec::new(),
            Err(e) => {
                let range = match e.position {
                    Some((l, c)) => {
                        let s = text::position(&text, l, c);
                        Range::new(s, lsp_types::Position::new(s.line, s.character + 1))
                    }
                    None => Range::default(),
                };
                vec![Diagnostic {
                    range,
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("connkit".into()),
                    // Not a finding: the command line stops with a usage error (exit 2) on
                    // the same file, so there is no code for `explain` to document.
                    message: e.message,
                    ..Default::default()
                }]
            }
        };
        self.publish(path, diags);
    }

    fn is_connector(&self, dir: &Path) -> bool {
        crate::model::discover::is_connector_dir(dir)
            || self.overlay.in_dir(dir).any(|(p, _)| {
                matches!(
                    workspace::kind_of(&p.file_name().unwrap_or_default().to_string_lossy()),
                    Some(crate::model::FileKind::Definition | crate::model::FileKind::Properties)
                )
            })
    }

    /// Lint every dirty connector and publish its diagnostics.
    fn flush(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        for dir in dirty {
            // The last lint's unchanged files are taken over (`workspace::load_reusing`).
            let previous = self.linted.remove(&dir);
            let result = catch_unwind(AssertUnwindSafe(|| {
                self.is_connector(&dir)
                    .then(|| workspace::lint(&dir, &self.overlay, previous))
            }));
            let linted = match result {
                Ok(l) => l,
                Err(_) => {
                    crate::safe_eprintln!("connkit lsp: linting {} failed", dir.display());
                    None
                }
            };
            let before = self.published.remove(&dir).unwrap_or_default();
            let mut now = BTreeSet::new();
            let lists = linted
                .as_ref()
                .map(|l| diagnostics::by_file(l, &self.overlay))
                .unwrap_or_default();
            for (path, list) in lists {
                if !list.is_empty() {
                    now.insert(path.clone());
                }
                self.publish(&path, list);
            }
            for gone in before.difference(&now) {
                self.publish(gone, Vec::new());
            }
            self.published.insert(dir.clone(), now);
            match linted {
                Some(l) => {
                    self.linted.insert(dir, l);
                }
                None => {
                    self.linted.remove(&dir);
                }
            }
        }
    }

    fn request(&mut self, r: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let bad = |e: String| (ErrorCode::InvalidParams, e);
        let to_json = |v: serde_json::Value| Ok(v);
        match r.method.as_str() {
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let (path, doc) =
                    self.document(&p.text_document_position_params.text_document.uri)?;
                let linted = path.parent().and_then(|d| self.linted.get(d));
                let h = hover::hover(
                    linted,
                    &path,
                    &doc,
                    p.text_document_position_params.position,
                );
                to_json(serde_json::to_value(h).unwrap_or_default())
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let (path, doc) = self.document(&p.text_document.uri)?;
                let acts = path
                    .parent()
                    .and_then(|d| self.linted.get(d))
                    .map(|l| actions::actions(l, &path, &p.text_document.uri, &doc, p.range))
                    .unwrap_or_default();
                to_json(serde_json::to_value(acts).unwrap_or_default())
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let (path, doc) = self.document(&p.text_document_position.text_document.uri)?;
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let off = text::offset(&doc, p.text_document_position.position);
                if workspace::kind_of(&name) == Some(crate::model::FileKind::Properties) {
                    return to_json(
                        serde_json::to_value(policies::complete(&doc, off)).unwrap_or_default(),
                    );
                }
                if workspace::kind_of(&name) != Some(crate::model::FileKind::Definition) {
                    return Ok(serde_json::Value::Null);
                }
                let root = path
                    .parent()
                    .and_then(|d| self.linted.get(d))
                    .and_then(|l| l.connector.definition_value());
                to_json(
                    serde_json::to_value(completion::complete(&doc, off, root)).unwrap_or_default(),
                )
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let (path, _) = self.document(&p.text_document.uri)?;
                let syms = path
                    .parent()
                    .and_then(|d| self.linted.get(d))
                    .and_then(|l| l.connector.definition.as_ref())
                    .filter(|d| d.path == path)
                    .map(symbols::symbols)
                    .unwrap_or_default();
                to_json(serde_json::to_value(syms).unwrap_or_default())
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let (path, doc) = self.document(&p.text_document.uri)?;
                let json = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"));
                let edits = match crate::fix::fmt_bytes(doc.as_bytes()) {
                    Ok(crate::fix::FmtOutcome::Changed(b)) if json => String::from_utf8(b)
                        .ok()
                        .map(|new| {
                            vec![lsp_types::TextEdit {
                                range: Range::new(
                                    lsp_types::Position::new(0, 0),
                                    text::end_position(&doc),
                                ),
                                new_text: new,
                            }]
                        })
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                to_json(serde_json::to_value(edits).unwrap_or_default())
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let tdp = p.text_document_position_params;
                let locs = self.navigate(&tdp.text_document.uri, tdp.position, |c, sites, s| {
                    navigate::declarations(c, sites, &s.name)
                })?;
                to_json(serde_json::to_value(locs).unwrap_or_default())
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams =
                    serde_json::from_value(r.params).map_err(|e| bad(e.to_string()))?;
                let tdp = p.text_document_position;
                let include = p.context.include_declaration;
                let locs = self.navigate(&tdp.text_document.uri, tdp.position, |_, sites, s| {
                    navigate::references(sites, &s.name, include)
                        .map(|s| (s.path.clone(), s.span))
                        .collect()
                })?;
                to_json(serde_json::to_value(locs).unwrap_or_default())
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("unsupported method {other}"),
            )),
        }
    }

    /// Locations for the navigation site under the cursor (`null` when there is none).
    fn navigate(
        &self,
        uri: &Uri,
        pos: lsp_types::Position,
        find: impl Fn(
            &crate::model::Connector,
            &[navigate::Site],
            &navigate::Site,
        ) -> Vec<(PathBuf, crate::model::Span)>,
    ) -> Result<Option<Vec<lsp_types::Location>>, (ErrorCode, String)> {
        let path = text::uri_to_path(uri)
            .ok_or((ErrorCode::InvalidParams, "not a file URI".to_string()))?;
        let Some(linted) = path.parent().and_then(|d| self.linted.get(d)) else {
            return Ok(None);
        };
        let c = &linted.connector;
        let Some(df) = [c.definition.as_ref(), c.properties.as_ref()]
            .into_iter()
            .flatten()
            .find(|d| d.path == path)
        else {
            return Ok(None);
        };
        let sites = navigate::sites(c);
        let offset = text::offset(&df.text, pos);
        let Some(site) = navigate::site_at(&sites, &path, offset) else {
            return Ok(None);
        };
        let locs = find(c, &sites, site)
            .into_iter()
            .filter_map(|(p, span)| {
                let t = [c.definition.as_ref(), c.properties.as_ref()]
                    .into_iter()
                    .flatten()
                    .find(|d| d.path == p)?;
                Some(lsp_types::Location {
                    uri: self.uri(&p)?,
                    range: Range::new(
                        text::position_of_offset_indexed(&t.text, t.lines(), span.start),
                        text::position_of_offset_indexed(&t.text, t.lines(), span.end),
                    ),
                })
            })
            .collect();
        Ok(Some(locs))
    }

    /// A document's path and current text.
    fn document(&self, uri: &Uri) -> Result<(PathBuf, String), (ErrorCode, String)> {
        let path = text::uri_to_path(uri)
            .ok_or((ErrorCode::InvalidParams, "not a file URI".to_string()))?;
        let text = self
            .overlay
            .text(&path)
            .ok_or((ErrorCode::InvalidParams, "document not found".to_string()))?;
        Ok((path, text))
    }
}
