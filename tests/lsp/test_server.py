"""`cargo tlslint server` driven by pytest-lsp's client (pygls) with the capabilities of real
editors (VS Code 1.65 and Neovim 0.7, as recorded by pytest-lsp): diagnostics with their code,
docs link and source; the `--explain` text on hover; the quick fix; republishing on change;
cross-file facts; the policy reloaded when `tlslint.toml` changes.

Run by `tests/external_tools.rs` with `TLSLINT_BIN` set to the built binary.
"""

import asyncio
import os
import pathlib
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

BIN = os.environ["TLSLINT_BIN"]

MANIFEST = """[package]
name = "app"
version = "0.1.0"
edition = "2021"

[workspace]
"""

LIB = """pub mod server;

use reqwest::tls::Version;

/// An ordinary client: é and 🔒 before the finding test the column encoding.
pub fn client() -> reqwest::Result<reqwest::Client> {
    let _n = "é🔒"; reqwest::Client::builder().min_tls_version(Version::TLS_1_0).build()
}

pub async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8443").await?;
    axum::serve(listener, app).await
}
"""

SERVER = """pub fn acceptor(config: rustls::ServerConfig) -> tokio_rustls::TlsAcceptor {
    tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config))
}
"""

#: The 0-based line of the TLS301 finding in LIB.
LINE = next(i for i, l in enumerate(LIB.splitlines()) if "TLS_1_0" in l)


@pytest_lsp.fixture(
    params=["visual-studio-code", "neovim@v0.7.0"],
    config=ClientServerConfig(server_command=[BIN, "tlslint", "server", "--stdio"]),
)
async def client(lsp_client: LanguageClient, request, tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    (root / "src").mkdir()
    (root / "Cargo.toml").write_text(MANIFEST)
    (root / "src" / "lib.rs").write_text(LIB)
    (root / "src" / "server.rs").write_text(SERVER)
    lsp_client.root = root
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):
        lsp_client.registrations = params.registrations

    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")],
        )
    )
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(client, uri, check, timeout=20.0):
    """Waits until the diagnostics published for `uri` satisfy `check`."""
    deadline = time.monotonic() + timeout
    while True:
        current = client.diagnostics.get(uri)
        if current is not None and check(current):
            return current
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"diagnostics for {uri}: {current!r}")
        try:
            await asyncio.wait_for(
                client.wait_for_notification("textDocument/publishDiagnostics"), left
            )
        except asyncio.TimeoutError:
            pass


def open_lib(client, text=LIB, version=1):
    uri = (client.root / "src" / "lib.rs").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="rust", version=version, text=text
            )
        )
    )
    return uri


def change(client, uri, text, version):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def column(client, line, index):
    """The LSP column of `line[index]` in the encoding the server chose."""
    if client.encoding == types.PositionEncodingKind.Utf8:
        return len(line[:index].encode("utf-8"))
    return len(line[:index].encode("utf-16-le")) // 2


def codes(diagnostics):
    return sorted(str(d.code) for d in diagnostics)


async def test_diagnostic_hover_and_quick_fix(client: LanguageClient):
    uri = open_lib(client)
    found = await diagnostics_for(client, uri, lambda ds: "TLS301" in codes(ds))
    assert codes(found) == ["TLS301", "TLS603"], found
    # server.rs sets up a TLS acceptor (a fact from another file of the package): the plain
    # listener in lib.rs still serves in clear text, and its finding points at the acceptor.
    (listener,) = [x for x in found if x.code == "TLS603"]
    (acceptor,) = listener.related_information
    assert acceptor.location.uri == (client.root / "src" / "server.rs").as_uri()
    assert acceptor.message == "a TLS acceptor is set up here"
    (d,) = [x for x in found if x.code == "TLS301"]
    assert d.source == "tlslint"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href.endswith("docs/rules.md#tls301-legacy_tls_version")
    assert d.message.startswith("a TLS version below TLS 1.2 is allowed")
    # Columns count UTF-16 code units by default: é and 🔒 come before the finding on its line.
    line = LIB.splitlines()[LINE]
    start = column(client, line, line.index("min_tls_version"))
    assert d.range == types.Range(
        start=types.Position(line=LINE, character=start),
        end=types.Position(line=LINE, character=start + len("min_tls_version")),
    )
    (related,) = d.related_information
    assert related.message == "because of this `Version::TLS_1_0`"

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=LINE, character=start + 3),
        )
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("# TLS301 `legacy_tls_version`")
    assert "### Fix" in hover.contents.value

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d]),
        )
    )
    assert [a.title for a in actions] == ["raise the minimum to TLS 1.2 (TLS301)"]
    action = actions[0]
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.is_preferred
    if action.edit.document_changes:
        (doc_edit,) = action.edit.document_changes
        assert doc_edit.text_document.version == 1
        (edit,) = doc_edit.edits
    else:
        ((edit_uri, (edit,)),) = action.edit.changes.items()
        assert edit_uri == uri
    assert edit.new_text == "TLS_1_2"
    tls_1_0 = column(client, line, line.index("TLS_1_0"))
    assert edit.range == types.Range(
        start=types.Position(line=LINE, character=tls_1_0),
        end=types.Position(line=LINE, character=tls_1_0 + 7),
    )

    change(client, uri, LIB.replace("TLS_1_0", "TLS_1_2"), 2)
    await diagnostics_for(client, uri, lambda ds: codes(ds) == ["TLS603"])


async def test_republishes_on_change_and_reloads_the_policy(client: LanguageClient):
    fixed = LIB.replace("TLS_1_0", "TLS_1_2")
    uri = open_lib(client, fixed)
    await diagnostics_for(client, uri, lambda ds: codes(ds) == ["TLS603"])

    # A change is linted from the editor's text, without saving.
    started = time.monotonic()
    change(client, uri, LIB, 2)
    await diagnostics_for(client, uri, lambda ds: codes(ds) == ["TLS301", "TLS603"])
    print(f"republished after a change in {(time.monotonic() - started) * 1000:.1f} ms")
    change(client, uri, fixed, 3)
    await diagnostics_for(client, uri, lambda ds: codes(ds) == ["TLS603"])

    # Raising the policy's minimum in tlslint.toml makes TLS 1.2 a finding.
    policy = client.root / "tlslint.toml"
    policy.write_text('min-tls-version = "1.3"\n')
    if client.registrations:
        # The server asked to watch the policy files (VS Code): the watcher reports the change.
        (watch,) = client.registrations
        globs = [w["globPattern"] for w in watch.register_options["watchers"]]
        assert "**/tlslint.toml" in globs and "**/Cargo.toml" in globs
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[
                    types.FileEvent(uri=policy.as_uri(), type=types.FileChangeType.Created)
                ]
            )
        )
    else:
        # Neovim 0.7 watches no files: saving a file of the workspace reloads the policy.
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
    found = await diagnostics_for(client, uri, lambda ds: codes(ds) == ["TLS301", "TLS603"])
    (d,) = [x for x in found if x.code == "TLS301"]
    assert d.message.startswith("a TLS version below TLS 1.3 is allowed")


async def test_files_that_are_not_open_get_the_full_runs_findings(client: LanguageClient):
    (client.root / "src" / "server.rs").write_text(
        "pub fn c() -> reqwest::ClientBuilder {\n"
        "    reqwest::Client::builder().danger_accept_invalid_certs(true)\n}\n"
    )
    uri = open_lib(client)
    other = (client.root / "src" / "server.rs").as_uri()
    found = await diagnostics_for(client, other, lambda ds: codes(ds) == ["TLS101"])
    assert found[0].range.start == types.Position(line=1, character=31)
    # Without an acceptor in server.rs, the listener's finding no longer points at one.
    await diagnostics_for(
        client,
        uri,
        lambda ds: codes(ds) == ["TLS301", "TLS603"]
        and all(not d.related_information for d in ds if d.code == "TLS603"),
    )
