#!/usr/bin/env run-cargo-script
// A shebang and modern syntax parse fine.
fn main() {
    let client = reqwest::Client::builder().build();
    if let Ok(c) = client && true {
        drop(c);
    }
}
