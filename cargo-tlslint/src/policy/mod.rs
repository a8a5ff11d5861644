//! The policy: read from `Cargo.toml` tables and `tlslint.toml` files (`config.rs`), described by
//! its JSON Schema (`schema.rs`), and started by `cargo tlslint init` (`init.rs`).

pub mod config;
pub mod init;
pub mod schema;
