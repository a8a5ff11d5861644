//! The one process the plan starts: `cargo metadata --no-deps --offline`, run as the security
//! invariants require (ARCHITECTURE.md).

use std::path::{Path, PathBuf};

use cargo_metadata::{Metadata, MetadataCommand};

/// Runs `cargo metadata --no-deps --offline` with the cargo we were started with (`$CARGO`, the
/// toolchain's own binary, when run as `cargo tlslint`), from a directory none of whose ancestors
/// another user can write: cargo and rustup read `.cargo/config.toml` and `rust-toolchain.toml`
/// from the current directory and every parent, so neither the scanned tree's nor a shared
/// temporary directory's may apply. rustup may not install a toolchain on the way.
pub fn metadata(manifest: &Path) -> anyhow::Result<Metadata> {
    let cargo = std::env::var_os("CARGO").map_or_else(|| PathBuf::from("cargo"), PathBuf::from);
    let mut command = MetadataCommand::new();
    command
        .cargo_path(cargo)
        .manifest_path(manifest)
        .no_deps()
        .current_dir(neutral_dir())
        .env("RUSTUP_AUTO_INSTALL", "0")
        .other_options(vec!["--offline".to_string()]);
    command.exec().map_err(|e| match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            anyhow::anyhow!("`cargo metadata` failed:\n{}", stderr.trim_end())
        }
        other => anyhow::anyhow!("`cargo metadata` failed: {other}"),
    })
}

/// A directory only the administrator can write to, and whose ancestors are too: the root
/// directory (on Windows, the system directory).
pub fn neutral_dir() -> PathBuf {
    if cfg!(windows) {
        std::env::var_os("SystemRoot").map_or_else(|| PathBuf::from("C:\\Windows"), PathBuf::from)
    } else {
        PathBuf::from("/")
    }
}
