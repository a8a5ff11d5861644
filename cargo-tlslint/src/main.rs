//! The `cargo-tlslint` binary: parse the arguments, run, map the outcome to an exit status
//! (0 clean, 1 findings, 2 tool error; clap's usage errors are 2 too).

use std::process::ExitCode;

/// mimalloc (without transparent huge pages, see `Cargo.toml`): parsing allocates and frees many
/// small syn nodes on every worker thread, and the system allocator's free lists were a tenth of
/// the run time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cargo_tlslint::cli::Args::parse_from_env();
    cargo_tlslint::run::run(&args).into()
}
