#!/usr/bin/env python3
"""Republish latency of `cargo tlslint server`: the time from a `didChange` sent by an LSP client
(pygls, as packaged by pytest-lsp) to the `publishDiagnostics` that reflects it, for an open
file of ordinary size (a 1,000-line module of reqwest clients, every function holding trigger
words, so every item is parsed). Edits alternate between adding and removing a TLS 1.0 minimum.

Usage: bench/server_latency.py [EDITS] (default 100). Builds the release binary. Needs
`pip install pytest-lsp`. Prints the median, 90th percentile and maximum in milliseconds.
"""

import asyncio
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

from lsprotocol import types
from pytest_lsp import client_capabilities, make_test_lsp_client

ROOT = pathlib.Path(__file__).resolve().parent.parent

FUNCTION = """
/// Client number {n}: timeouts, a proxy and a TLS floor, as services write them.
pub fn client_{n}(proxy: &str) -> reqwest::Result<reqwest::Client> {{
    let timeout = std::time::Duration::from_secs({n} + 5);
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::USER_AGENT, "svc/{n}".parse().unwrap());
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(std::time::Duration::from_secs(3))
        .default_headers(headers)
        .proxy(reqwest::Proxy::https(proxy)?)
        .min_tls_version(reqwest::tls::Version::TLS_1_2)
        .pool_max_idle_per_host({n})
        .build()
}}
"""


def source(version: str) -> str:
    body = "".join(FUNCTION.format(n=n) for n in range(66))
    return body + (
        "\npub fn legacy() -> reqwest::Result<reqwest::Client> {\n"
        f"    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::{version}).build()\n"
        "}\n"
    )


async def main(edits: int) -> None:
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target" / "release" / "cargo-tlslint"
    with tempfile.TemporaryDirectory() as tmp:
        ws = pathlib.Path(tmp)
        (ws / "src").mkdir()
        (ws / "Cargo.toml").write_text(
            '[package]\nname = "bench"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n'
        )
        clean, insecure = source("TLS_1_2"), source("TLS_1_0")
        (ws / "src" / "lib.rs").write_text(clean)
        uri = (ws / "src" / "lib.rs").as_uri()
        client = make_test_lsp_client()
        client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
        await client.start_io(str(binary), "tlslint", "server", "--stdio")
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"), root_uri=ws.as_uri()
            )
        )

        async def published(want: int) -> None:
            while len(client.diagnostics.get(uri, ())) != want:
                await client.wait_for_notification("textDocument/publishDiagnostics")

        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="rust", version=1, text=clean
                )
            )
        )
        await asyncio.wait_for(published(0), 60)
        client.diagnostics.pop(uri, None)
        times = []
        for version in range(2, edits + 2):
            text, want = (insecure, 1) if version % 2 == 0 else (clean, 0)
            started = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            await asyncio.wait_for(published(want), 10)
            times.append((time.perf_counter() - started) * 1000)
        await client.shutdown_session()
        await client.stop()
    lines = clean.count("\n")
    times.sort()
    print(
        f"{edits} edits of a {lines}-line, {len(clean) // 1024} KiB file: "
        f"median {statistics.median(times):.1f} ms, "
        f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
