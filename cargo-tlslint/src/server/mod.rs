//! `cargo tlslint server`: a language server over stdio, on rust-analyzer's `lsp-server` and
//! `lsp-types`. Each opened file's workspace is planned and linted as the CLI would (its policy,
//! its module tree) on a background thread; the open documents are then linted from their
//! in-memory text on every change, joined with the other files' facts from that last full run
//! ([`analysis`]). Findings are published as diagnostics (code = rule code, linked to its docs,
//! source `tlslint`), their fixes offered as quick fixes, the rule's `--explain` text shown on
//! hover. Saving a file, or a change to `Cargo.toml`, `tlslint.toml`, `Cargo.lock` or a `.rs`
//! file seen by the client's file watcher, plans and lints the workspace again (which reloads
//! the policy).

pub mod analysis;
mod convert;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionProviderCapability,
    Diagnostic as LspDiagnostic, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, Hover, HoverContents, HoverProviderCapability, InitializeParams, Location,
    MarkupContent, MarkupKind, MessageType, PublishDiagnosticsParams, Range, Registration,
    RegistrationParams, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use tlslint_lints::Diagnostic;

use crate::cli::ServerArgs;
use crate::exit::ExitStatus;
use crate::pipeline::WORKER_STACK_BYTES;
use crate::plan::workspace::SetupError;
use crate::render::FileFindings;
use crate::render::explain;
use analysis::{Analysis, Origin};
use convert::{Encoding, Positions};

/// Where the server learns the sinks of a workspace's dependencies from (`docs/sinks.md`).
#[derive(Clone, Debug)]
pub struct Learning {
    /// The cargo home whose registry and git checkouts hold the dependencies' sources.
    pub cargo_home: PathBuf,
    /// The cache directory (else the user's cache directory).
    pub cache_dir: Option<PathBuf>,
}

impl Learning {
    fn sources(&self) -> crate::deps::learn::Sources {
        crate::deps::learn::Sources {
            cargo_home: self.cargo_home.clone(),
            vendor_dir: None,
            cache: crate::deps::sink_cache::SinkCache::new(self.cache_dir.as_deref()),
        }
    }
}

/// Runs the server on stdin and stdout until the client says `exit`.
pub fn run(args: &ServerArgs) -> ExitStatus {
    let learning = (!args.no_learn).then(|| Learning {
        cargo_home: crate::deps::locate::Locator::default_cargo_home(),
        cache_dir: args.cache_dir.clone(),
    });
    let thread = std::thread::Builder::new()
        .name("tlslint-server".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(|| {
            let (connection, io) = Connection::stdio();
            let served = serve(connection, learning);
            io.join().map_err(ServerError::Io).and(served)
        });
    match thread.map(std::thread::JoinHandle::join) {
        Ok(Ok(Ok(()))) => ExitStatus::Clean,
        Ok(Ok(Err(e))) => {
            eprintln!("tlslint server: {e}");
            ExitStatus::Error
        }
        Ok(Err(_)) | Err(_) => ExitStatus::Error,
    }
}

/// Why the server stopped serving.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The client broke the protocol.
    #[error(transparent)]
    Protocol(#[from] lsp_server::ProtocolError),
    /// A message's parameters were not what LSP says.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// Reading or writing stdio, or starting a thread, failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The client sent `exit` without `shutdown`.
    #[error("exit before shutdown")]
    ExitBeforeShutdown,
}

/// Serves one client on `connection`: the handshake, then messages until `exit`. Full runs of a
/// cargo workspace learn its dependencies' sinks from `learning` (`None`: not at all).
pub fn serve(connection: Connection, learning: Option<Learning>) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    };
    let init = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, init)?;
    let (jobs, job_queue) = crossbeam_channel::unbounded::<Job>();
    let (done_tx, done) = crossbeam_channel::unbounded::<Done>();
    let worker = std::thread::Builder::new()
        .name("tlslint-full-run".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || {
            let sources = learning.map(|l| l.sources());
            full_runs(&job_queue, &done_tx, sources.as_ref());
        })?;
    let mut server = Server {
        sender: connection.sender.clone(),
        encoding,
        versioned_edits: params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false),
        docs: HashMap::new(),
        texts: HashMap::new(),
        workspaces: Vec::new(),
        shown: HashMap::new(),
        jobs,
    };
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if watch {
        server.watch_files();
    }
    let result = server.main_loop(&connection.receiver, &done);
    drop(server);
    let _ = worker.join();
    result
}

/// A request for a full run of a workspace.
struct Job {
    workspace: usize,
    origin: Origin,
    overlays: HashMap<PathBuf, String>,
}

/// A finished full run.
struct Done {
    workspace: usize,
    /// The analysis, or why the workspace could not be planned.
    result: Result<Analysis, SetupError>,
}

/// The background thread: one full run at a time, the latest request per workspace.
fn full_runs(
    jobs: &Receiver<Job>,
    done: &Sender<Done>,
    learning: Option<&crate::deps::learn::Sources>,
) {
    while let Ok(first) = jobs.recv() {
        let mut queue = vec![first];
        queue.extend(jobs.try_iter());
        let mut latest: Vec<Job> = Vec::new();
        for job in queue.into_iter().rev() {
            if !latest.iter().any(|j| j.workspace == job.workspace) {
                latest.push(job);
            }
        }
        for job in latest.into_iter().rev() {
            let result = analysis::full_run(&job.origin, &job.overlays, learning);
            if done
                .send(Done {
                    workspace: job.workspace,
                    result,
                })
                .is_err()
            {
                return;
            }
        }
    }
}

/// An open document.
struct Doc {
    version: i32,
    /// Its canonical path, when it is a file.
    path: Option<PathBuf>,
}

/// A workspace the server lints.
struct Workspace {
    origin: Origin,
    analysis: Option<Analysis>,
    /// A full run is under way.
    running: bool,
    /// Another full run is wanted once this one ends.
    again: bool,
    /// Files not open whose full-run findings are published.
    published: HashSet<Url>,
}

/// What is published for a document: the findings and their LSP form, for code actions and
/// hovers.
struct Shown {
    text: String,
    version: Option<i32>,
    findings: Vec<(Diagnostic, LspDiagnostic)>,
}

struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    versioned_edits: bool,
    docs: HashMap<Url, Doc>,
    /// The open documents' texts by canonical path.
    texts: HashMap<PathBuf, String>,
    workspaces: Vec<Workspace>,
    shown: HashMap<Url, Shown>,
    jobs: Sender<Job>,
}

impl Server {
    fn main_loop(
        &mut self,
        messages: &Receiver<Message>,
        done: &Receiver<Done>,
    ) -> Result<(), ServerError> {
        let mut queue: VecDeque<Message> = VecDeque::new();
        let mut shutting_down = false;
        loop {
            if queue.is_empty() {
                select! {
                    recv(messages) -> m => match m {
                        Ok(m) => queue.push_back(m),
                        Err(_) => return Ok(()),
                    },
                    recv(done) -> d => {
                        if let Ok(d) = d {
                            self.finished(d);
                        }
                        continue;
                    }
                }
            }
            queue.extend(messages.try_iter());
            while let Some(message) = queue.pop_front() {
                match message {
                    Message::Request(req) if req.method == "shutdown" => {
                        shutting_down = true;
                        self.respond(Response::new_ok(req.id, ()));
                    }
                    Message::Request(req) => self.request(req),
                    Message::Notification(n) if n.method == "exit" => {
                        return if shutting_down {
                            Ok(())
                        } else {
                            Err(ServerError::ExitBeforeShutdown)
                        };
                    }
                    Message::Notification(n) => {
                        let superseded = n.method == DidChangeTextDocument::METHOD
                            && changed_uri(&n).is_some_and(|uri| {
                                queue.iter().any(|m| {
                                    matches!(m, Message::Notification(later) if later.method == DidChangeTextDocument::METHOD && changed_uri(later).as_ref() == Some(&uri))
                                })
                            });
                        self.notification(n, superseded);
                    }
                    Message::Response(_) => {}
                }
            }
        }
    }

    fn respond(&self, response: Response) {
        let _ = self.sender.send(response.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self
            .sender
            .send(Notification::new(N::METHOD.to_string(), params).into());
    }

    /// Asks the client to report changes to the files that decide the plan and the policy.
    fn watch_files(&self) {
        let watchers = [
            "**/Cargo.toml",
            "**/tlslint.toml",
            "**/Cargo.lock",
            "**/*.rs",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "tlslint-watched-files".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            }],
        };
        let _ = self.sender.send(
            Request::new(
                RequestId::from("tlslint/register-watchers".to_string()),
                RegisterCapability::METHOD.into(),
                params,
            )
            .into(),
        );
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let response = match req.method.as_str() {
            HoverRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(params) => Response::new_ok(id, self.hover(&params)),
                Err(e) => invalid_params(id, &e),
            },
            CodeActionRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(params) => Response::new_ok(id, self.code_actions(&params)),
                Err(e) => invalid_params(id, &e),
            },
            _ => Response::new_err(
                id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("unhandled method {}", req.method),
            ),
        };
        self.respond(response);
    }

    fn notification(&mut self, n: Notification, superseded: bool) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let doc = p.text_document;
                    self.opened(doc.uri, doc.version, doc.text);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = p.text_document.uri;
                    let Some(text) = p.content_changes.into_iter().next_back().map(|c| c.text)
                    else {
                        return;
                    };
                    let Some(doc) = self.docs.get_mut(&uri) else {
                        return;
                    };
                    doc.version = p.text_document.version;
                    if let Some(path) = &doc.path {
                        self.texts.insert(path.clone(), text);
                    }
                    if !superseded {
                        self.lint_open(&uri);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    self.lint_open(&p.text_document.uri);
                    if let Some(path) = self
                        .docs
                        .get(&p.text_document.uri)
                        .and_then(|d| d.path.clone())
                    {
                        self.changed_on_disk(&path);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    self.closed(&p.text_document.uri);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) {
                    for change in p.changes {
                        if let Ok(path) = change.uri.to_file_path() {
                            let path = std::fs::canonicalize(&path).unwrap_or(path);
                            self.changed_on_disk(&path);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn opened(&mut self, uri: Url, version: i32, text: String) {
        let path = uri
            .to_file_path()
            .ok()
            .map(|p| std::fs::canonicalize(&p).unwrap_or(p));
        if let Some(path) = &path {
            self.texts.insert(path.clone(), text);
        }
        self.docs.insert(
            uri.clone(),
            Doc {
                version,
                path: path.clone(),
            },
        );
        let Some(path) = path else { return };
        let ws = self.workspace_of(&path);
        if self.workspaces[ws].analysis.is_some() {
            self.lint_open(&uri);
        }
        if self.workspaces[ws]
            .analysis
            .as_ref()
            .is_none_or(|a| a.member(&path).is_none())
        {
            self.schedule(ws);
        }
    }

    fn closed(&mut self, uri: &Url) {
        let Some(doc) = self.docs.remove(uri) else {
            return;
        };
        if let Some(path) = &doc.path {
            self.texts.remove(path);
        }
        self.shown.remove(uri);
        self.publish(uri.clone(), Vec::new(), None);
        if let Some(path) = doc.path {
            let ws = self.workspace_of(&path);
            self.publish_full_run(ws);
        }
    }

    /// A file changed on disk (saved, or reported by the watcher): lints its workspaces again,
    /// which plans them again (module tree, policy).
    fn changed_on_disk(&mut self, path: &Path) {
        let hit: Vec<usize> = self
            .workspaces
            .iter()
            .enumerate()
            .filter(|(_, w)| match &w.analysis {
                Some(a) => path.starts_with(&a.plan.root) || a.member(path).is_some(),
                None => false,
            })
            .map(|(i, _)| i)
            .collect();
        for ws in hit {
            self.schedule(ws);
        }
    }

    /// The workspace `path` belongs to, registering a new one (and its first full run) when
    /// none does.
    fn workspace_of(&mut self, path: &Path) -> usize {
        if let Some(i) = self.workspaces.iter().position(|w| {
            w.analysis
                .as_ref()
                .is_some_and(|a| a.member(path).is_some())
        }) {
            return i;
        }
        let origin = Origin::of(path);
        let same = |w: &Workspace| {
            w.origin == origin
                || match (&origin, &w.analysis) {
                    (Origin::Cargo(manifest), Some(a)) => a.plan.units.iter().any(|u| {
                        manifest.parent() == Some(u.dir.as_path())
                            || std::fs::canonicalize(&u.dir).ok().as_deref() == manifest.parent()
                    }),
                    _ => false,
                }
        };
        if let Some(i) = self.workspaces.iter().position(same) {
            return i;
        }
        self.workspaces.push(Workspace {
            origin,
            analysis: None,
            running: false,
            again: false,
            published: HashSet::new(),
        });
        let i = self.workspaces.len() - 1;
        self.schedule(i);
        i
    }

    fn schedule(&mut self, ws: usize) {
        let w = &mut self.workspaces[ws];
        if w.running {
            w.again = true;
            return;
        }
        w.running = true;
        let _ = self.jobs.send(Job {
            workspace: ws,
            origin: w.origin.clone(),
            overlays: self.texts.clone(),
        });
    }

    fn finished(&mut self, done: Done) {
        let ws = done.workspace;
        self.workspaces[ws].running = false;
        match done.result {
            Ok(analysis) => self.workspaces[ws].analysis = Some(analysis),
            Err(error) => self.notify::<ShowMessage>(ShowMessageParams {
                typ: MessageType::ERROR,
                message: format!(
                    "cargo-tlslint: {}",
                    crate::plan::setup_error::render(&error, false)
                ),
            }),
        }
        if std::mem::take(&mut self.workspaces[ws].again) {
            self.schedule(ws);
        }
        self.publish_full_run(ws);
        let open: Vec<Url> = self
            .docs
            .iter()
            .filter(|(_, d)| {
                d.path.as_ref().is_some_and(|p| {
                    self.workspaces[ws]
                        .analysis
                        .as_ref()
                        .is_some_and(|a| a.member(p).is_some())
                })
            })
            .map(|(u, _)| u.clone())
            .collect();
        for uri in open {
            self.lint_open(&uri);
        }
    }

    /// Publishes the last full run's findings of the workspace's files that are not open, and
    /// clears those that no longer have any.
    fn publish_full_run(&mut self, ws: usize) {
        let Some(analysis) = &self.workspaces[ws].analysis else {
            return;
        };
        let open: HashSet<&Path> = self
            .docs
            .values()
            .filter_map(|d| d.path.as_deref())
            .collect();
        let mut now: Vec<(Url, Shown)> = Vec::new();
        for file in &analysis.findings {
            let path = analysis
                .files()
                .find(|(_, display)| *display == file.display)
                .map(|(p, _)| p.to_path_buf())
                .unwrap_or_else(|| analysis.plan.root.join(&file.display));
            if open.contains(path.as_path()) {
                continue;
            }
            let Ok(uri) = Url::from_file_path(&path) else {
                continue;
            };
            let text = file
                .text
                .as_ref()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            let findings = self.convert(analysis, file, &uri, &text);
            now.push((
                uri,
                Shown {
                    text,
                    version: None,
                    findings,
                },
            ));
        }
        let before = std::mem::take(&mut self.workspaces[ws].published);
        let mut published = HashSet::new();
        for (uri, shown) in now {
            published.insert(uri.clone());
            let lsp = shown.findings.iter().map(|(_, l)| l.clone()).collect();
            self.shown.insert(uri.clone(), shown);
            self.publish(uri, lsp, None);
        }
        for uri in before.difference(&published) {
            if !self.docs.contains_key(uri) {
                self.shown.remove(uri);
                self.publish(uri.clone(), Vec::new(), None);
            }
        }
        self.workspaces[ws].published = published;
    }

    /// Lints an open document from its text and publishes the result.
    fn lint_open(&mut self, uri: &Url) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let version = doc.version;
        let Some(path) = doc.path.clone() else { return };
        let Some(text) = self.texts.get(&path).cloned() else {
            return;
        };
        let ws = self.workspaces.iter().position(|w| {
            w.analysis
                .as_ref()
                .is_some_and(|a| a.member(&path).is_some())
        });
        let findings = match ws.and_then(|i| self.workspaces[i].analysis.as_ref()) {
            Some(analysis) => {
                let Some(member) = analysis.member(&path) else {
                    return;
                };
                // A defect in a rule must not take the editor's server down with it.
                let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    analysis::lint_document(analysis, member, &text, &self.texts)
                }));
                match linted {
                    Ok(file) => self.convert(analysis, &file, uri, &text),
                    Err(_) => Vec::new(),
                }
            }
            None => Vec::new(),
        };
        let lsp = findings.iter().map(|(_, l)| l.clone()).collect();
        self.shown.insert(
            uri.clone(),
            Shown {
                text,
                version: Some(version),
                findings,
            },
        );
        self.publish(uri.clone(), lsp, Some(version));
    }

    /// The unsuppressed findings of `file` (whose text is `text`) with their LSP form.
    fn convert(
        &self,
        analysis: &Analysis,
        file: &FileFindings,
        uri: &Url,
        text: &str,
    ) -> Vec<(Diagnostic, LspDiagnostic)> {
        let positions = Positions::new(text, self.encoding);
        let mut elsewhere = |display: &str, range: &std::ops::Range<usize>| -> Option<Location> {
            let path = analysis
                .files()
                .find(|(_, d)| *d == display)
                .map(|(p, _)| p.to_path_buf())?;
            let other = match self.texts.get(&path) {
                Some(t) => t.clone(),
                None => analysis.read_member(&path)?,
            };
            let range = Positions::new(&other, self.encoding).range(range);
            Some(Location::new(Url::from_file_path(&path).ok()?, range))
        };
        file.diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .map(|d| {
                (
                    d.clone(),
                    convert::diagnostic(d, uri, &positions, &mut elsewhere),
                )
            })
            .collect()
    }

    fn publish(&self, uri: Url, diagnostics: Vec<LspDiagnostic>, version: Option<i32>) {
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    fn code_actions(&self, params: &lsp_types::CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let wanted = params.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str()))
        });
        let (Some(shown), Some(doc), true) = (self.shown.get(uri), self.docs.get(uri), wanted)
        else {
            return Vec::new();
        };
        if shown.version != Some(doc.version) {
            return Vec::new();
        }
        let positions = Positions::new(&shown.text, self.encoding);
        shown
            .findings
            .iter()
            .filter(|(_, lsp)| convert::touches(&lsp.range, &params.range))
            .flat_map(|(d, lsp)| {
                convert::code_actions(d, lsp, uri, doc.version, self.versioned_edits, &positions)
            })
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&self, params: &lsp_types::HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let shown = self.shown.get(&at.text_document.uri)?;
        let cursor = Range::new(at.position, at.position);
        let under: Vec<&LspDiagnostic> = shown
            .findings
            .iter()
            .map(|(_, l)| l)
            .filter(|l| convert::touches(&l.range, &cursor))
            .collect();
        let mut codes: Vec<&str> = Vec::new();
        for l in &under {
            if let Some(lsp_types::NumberOrString::String(code)) = &l.code
                && !codes.contains(&code.as_str())
            {
                codes.push(code);
            }
        }
        let text: Vec<String> = codes.iter().filter_map(|c| explain::explain(c)).collect();
        (!text.is_empty()).then(|| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text.join("\n\n---\n\n"),
            }),
            range: under.first().map(|l| l.range),
        })
    }
}

fn invalid_params(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InvalidParams as i32,
        e.to_string(),
    )
}

/// The document a `didChange` notification is about.
fn changed_uri(n: &Notification) -> Option<Url> {
    let uri = n.params.get("textDocument")?.get("uri")?.as_str()?;
    Url::parse(uri).ok()
}
