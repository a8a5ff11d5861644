//! cargo-tlslint: the command around the `tlslint-lints` engine. It finds the files (cargo
//! workspace or paths), reads the policy, lints in parallel, and renders rustc-style output.
//! Everything that touches the file system, cargo or the terminal lives here.

pub mod baseline;
pub mod cargo_target;
pub mod cli;
pub mod config;
pub mod confine;
pub mod deps;
pub mod docs;
pub mod exit;
pub mod explain;
pub mod fingerprint;
pub mod fix;
pub mod git;
pub mod hook;
pub mod init;
pub mod integrations;
pub mod line_hash;
pub mod manifest;
pub mod modtree;
pub mod paths;
pub mod plan;
pub mod render;
pub mod rule_meta;
pub mod run;
pub mod schema;
pub mod server;
pub mod setup_error;
pub mod source_read;
pub mod targets;
pub mod workspace;
