#!/usr/bin/env run-cargo-script
// A BOM and a shebang shift byte offsets; positions still point at the right column.
fn main() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }
//~^ cert_verification_disabled
