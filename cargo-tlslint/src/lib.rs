//! cargo-tlslint: the command around the `tlslint-lints` engine. It finds the files (cargo
//! workspace or paths), reads the policy, lints in parallel, and renders rustc-style output.
//! Everything that touches the file system, cargo or the terminal lives here.

pub mod cli;
pub(crate) mod deps;
pub(crate) mod exit;
pub mod fix;
pub(crate) mod integrations;
pub mod pipeline;
pub(crate) mod plan;
pub mod policy;
pub mod render;
pub mod run;
pub mod server;
pub mod store;
