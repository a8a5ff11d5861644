//! Lower-level transports.

pub mod tls;
pub mod upload;
pub mod verifier;
